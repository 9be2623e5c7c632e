import type { Header } from '../sigv4/index.ts';
import type { ParseError } from './parse-error.ts';

/** One chunk as read from a captured aws-chunked body. Offsets are bytes into the body. */
export interface ParsedChunk {
	index: number;
	/** The size the chunk's header declares. */
	size: number;
	/** The `chunk-signature=` value, as written (absent in unsigned bodies). */
	signature?: string;
	data: Uint8Array;
	/** Where the data would end by the next chunk header, when that is not where the declared size ends. */
	actualSize?: number;
	/** 1-based line of the chunk's header. */
	line: number;
}

export interface ParsedChunkedBody {
	/** In order; the final zero-size chunk last, when the body has it. */
	chunks: ParsedChunk[];
	hasFinalChunk: boolean;
	/** Trailer lines after the final chunk, without x-amz-trailer-signature. */
	trailers: Header[];
	trailerLines: { name: string; value: string; line: number }[];
	trailerSignature?: string;
	trailerSignatureLine?: number;
	/** The sum of the chunks' data as read. */
	decodedLength: number;
	errors: ParseError[];
}

const HEADER = /^([0-9A-Fa-f]+)((?:;[^\r\n]*)?)$/;
const SIGNATURE_EXT = /;\s*chunk-signature=([^;\s]*)/i;
const LF = 0x0a;
const CR = 0x0d;

/** A chunk header somewhere ahead: how a declared size that is wrong is measured against where the next chunk starts. */
const NEXT_HEADER = /\r?\n([0-9A-Fa-f]+;chunk-signature=[0-9A-Fa-f]{64}|0)\r?\n/g;

/** Bytes of the body as captured: text is taken as UTF-8 (what was sent); line breaks may have lost their CR in a paste. */
export function parseAwsChunkedBody(input: string | Uint8Array): ParsedChunkedBody {
	const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	const latin = new TextDecoder('latin1').decode(bytes);
	const out: ParsedChunkedBody = { chunks: [], hasFinalChunk: false, trailers: [], trailerLines: [], decodedLength: 0, errors: [] };
	let at = 0;
	let line = 1;
	const error = (message: string, fix: string, at = line) => out.errors.push({ line: at, column: 1, message, fix });
	/** The line starting at `at`, without its line break; moves past it. */
	const readLine = (): string | undefined => {
		if (at >= bytes.length) return undefined;
		let end = bytes.indexOf(LF, at);
		if (end < 0) end = bytes.length;
		const text = latin.slice(at, end > at && bytes[end - 1] === CR ? end - 1 : end);
		at = end + 1;
		line++;
		return text;
	};
	while (at < bytes.length) {
		const headerLine = line;
		const text = readLine()!;
		const m = HEADER.exec(text.trim());
		if (!m) {
			error(
				`Chunk ${out.chunks.length + 1}'s header "${text.slice(0, 80)}" is not hex-size[;chunk-signature=…].`,
				'Each chunk starts with its size in hex, e.g. 10000;chunk-signature=<64 hex digits>, on a line of its own.',
				headerLine
			);
			return out;
		}
		const size = parseInt(m[1]!, 16);
		const signature = SIGNATURE_EXT.exec(m[2]!)?.[1];
		const chunk: ParsedChunk = { index: out.chunks.length, size, data: new Uint8Array(0), line: headerLine };
		if (signature !== undefined) chunk.signature = signature;
		out.chunks.push(chunk);
		if (size === 0) {
			out.hasFinalChunk = true;
			readTrailers(out, readLine, () => line);
			return out;
		}
		// The data ends with a line break; if it does not where the size says, measure where the next chunk begins.
		const end = at + size;
		const breakLength =
			end > bytes.length ? 0 : bytes[end] === CR && bytes[end + 1] === LF ? 2 : bytes[end] === LF || end === bytes.length ? 1 : 0;
		if (breakLength === 0) {
			NEXT_HEADER.lastIndex = at;
			const next = NEXT_HEADER.exec(latin);
			if (!next && end > bytes.length) {
				chunk.data = bytes.subarray(at);
				out.decodedLength += chunk.data.length;
				error(
					`Chunk ${chunk.index + 1} declares ${size} bytes (0x${m[1]}) but only ${bytes.length - at} follow.`,
					'Paste the whole body, or correct the size: it is the hex count of the data bytes between this line and the next chunk header.',
					headerLine
				);
				return out;
			}
			const stop = next ? next.index : bytes.length;
			chunk.actualSize = stop - at;
			chunk.data = bytes.subarray(at, stop);
			line += countLines(bytes, at, stop);
			at = stop + (bytes[stop] === CR ? 2 : 1);
			line++;
		} else {
			chunk.data = bytes.subarray(at, end);
			line += countLines(bytes, at, end);
			at = end + breakLength;
			line++;
		}
		out.decodedLength += chunk.data.length;
	}
	return out;
}

function countLines(bytes: Uint8Array, from: number, to: number): number {
	let n = 0;
	for (let i = bytes.indexOf(LF, from); i >= 0 && i < to; i = bytes.indexOf(LF, i + 1)) n++;
	return n;
}

function readTrailers(out: ParsedChunkedBody, readLine: () => string | undefined, lineNow: () => number): void {
	for (;;) {
		const line = lineNow();
		const text = readLine();
		if (text === undefined || text === '') return;
		const colon = text.indexOf(':');
		if (colon <= 0) {
			out.errors.push({
				line,
				column: 1,
				message: `The trailer line "${text.slice(0, 80)}" has no "name:value".`,
				fix: 'After the final 0 chunk come trailer lines such as x-amz-checksum-crc32:<base64>, then x-amz-trailer-signature:<64 hex digits>, then an empty line.'
			});
			return;
		}
		const name = text.slice(0, colon).trim();
		const value = text.slice(colon + 1).trim();
		if (name.toLowerCase() === 'x-amz-trailer-signature') {
			out.trailerSignature = value;
			out.trailerSignatureLine = line;
		} else {
			out.trailers.push([name, value]);
			out.trailerLines.push({ name, value, line });
		}
	}
}
