import { asReadable, readBlocks, type ByteSource } from './byte-source.ts';
import { canonicalHeaderValue } from './canonical-headers.ts';
import { TRAILER_SIGNATURE } from './constants.ts';
import { utf8Bytes } from './encoding.ts';
import type { ChunkedTrace, ChunkedVariant } from './chunked-types.ts';
import type { Header } from './types.ts';

const CHUNK_SIGNATURE = ';chunk-signature=';
const SIGNATURE_LENGTH = 64;
const CRLF = '\r\n';

export function isSignedVariant(variant: ChunkedVariant): boolean {
	return variant !== 'unsigned-trailer';
}

export function hasTrailer(variant: ChunkedVariant): boolean {
	return variant !== 'signed';
}

/** `hex(size);chunk-signature=<sig>\r\n`, or `hex(size)\r\n` when chunks are not signed. */
export function chunkHeader(size: number, signature?: string): string {
	return signature === undefined ? `${size.toString(16)}${CRLF}` : `${size.toString(16)}${CHUNK_SIGNATURE}${signature}${CRLF}`;
}

/** What follows the final chunk's header: the trailer lines and their signature (when signed), then an empty line. */
export function trailerBlock(trailers: readonly Header[], trailerSignature?: string): string {
	const lines = trailers.map(([name, value]) => `${name.trim().toLowerCase()}:${canonicalHeaderValue(value)}${CRLF}`);
	if (trailerSignature !== undefined) lines.push(`${TRAILER_SIGNATURE}:${trailerSignature}${CRLF}`);
	return lines.join('') + CRLF;
}

function chunkOverhead(size: number, signed: boolean): number {
	const header = size.toString(16).length + (signed ? CHUNK_SIGNATURE.length + SIGNATURE_LENGTH : 0) + CRLF.length;
	return header + (size > 0 ? CRLF.length : 0);
}

/** The chunks' data sizes: full chunks, the rest, then the final empty chunk. */
export function chunkSizes(total: number, chunkSize: number): number[] {
	const sizes: number[] = [];
	for (let offset = 0; offset < total; offset += chunkSize) sizes.push(Math.min(chunkSize, total - offset));
	sizes.push(0);
	return sizes;
}

/** Content-Length of the framed body: known before any chunk is signed, since every signature is 64 hex digits. */
export function framedLength(total: number, chunkSize: number, variant: ChunkedVariant, trailers: readonly Header[]): number {
	const signed = isSignedVariant(variant);
	const full = Math.floor(total / chunkSize);
	const rest = total - full * chunkSize;
	let length = total + full * chunkOverhead(chunkSize, signed) + (rest > 0 ? chunkOverhead(rest, signed) : 0);
	length += chunkOverhead(0, signed);
	const sig = hasTrailer(variant) && signed ? 'x'.repeat(SIGNATURE_LENGTH) : undefined;
	return length + utf8Bytes(hasTrailer(variant) ? trailerBlock(trailers, sig) : CRLF).length;
}

/** The framed body as sent, piece by piece: chunk headers and data read from the source (`ahead` blocks ahead). */
export async function* framedBody(trace: ChunkedTrace, source: ByteSource, blockBytes = 8 << 20, ahead = 4): AsyncGenerator<Uint8Array> {
	const crlf = utf8Bytes(CRLF);
	const blockSize = Math.max(1, Math.floor(blockBytes / trace.chunkSize)) * trace.chunkSize;
	let index = 0;
	for await (const block of readBlocks(asReadable(source), blockSize, undefined, ahead)) {
		for (let at = 0; at < block.bytes.length; index++) {
			const chunk = trace.chunks[index]!;
			yield utf8Bytes(chunkHeader(chunk.size, chunk.signature));
			yield block.bytes.subarray(at, at + chunk.size);
			yield crlf;
			at += chunk.size;
		}
	}
	const last = trace.chunks[trace.chunks.length - 1]!;
	const tail = hasTrailer(trace.variant) ? trailerBlock(trace.trailer?.trailers ?? [], trace.trailer?.signature) : CRLF;
	yield utf8Bytes(chunkHeader(0, last.signature) + tail);
}

/** The first `limit` bytes of the framed body (for display), reading no more of the source than they need. */
export async function framedBodyStart(trace: ChunkedTrace, source: ByteSource, limit = 4096): Promise<Uint8Array> {
	const out = new Uint8Array(Math.min(limit, trace.encodedLength));
	let filled = 0;
	for await (const piece of framedBody(trace, source, limit, 0)) {
		const take = Math.min(piece.length, out.length - filled);
		out.set(piece.subarray(0, take), filled);
		filled += take;
		if (filled >= out.length) break;
	}
	return out;
}
