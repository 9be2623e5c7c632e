import { parseAuthorization, parseAwsChunkedBody, type ParsedChunkedBody } from '../parse/index.ts';
import {
	DECODED_LENGTH_HEADER,
	STREAMING_PAYLOAD,
	STREAMING_PAYLOAD_TRAILER,
	STREAMING_UNSIGNED_PAYLOAD_TRAILER,
	TRAILER_HEADER,
	canonicalTrailers,
	checksumAlgorithmOf,
	checksumOf,
	chunkStringToSign,
	deriveSigningKey,
	sha256Hex,
	signatureFor,
	trailerStringToSign,
	type ChunkedVariant,
	type Header
} from '../sigv4/index.ts';
import { quote } from '../findings/index.ts';
import { chunkCause, trailerCause, type ChainInputs } from './chunk-causes.ts';
import { FindingList } from './finding-list.ts';
import type { Finding } from './types.ts';

export interface ChunkedEvidence {
	/** The upload's headers: Authorization (the seed signature and scope), X-Amz-Date, x-amz-content-sha256, … */
	headers: Header[];
	/** The framed body as captured. */
	body: string | Uint8Array;
	secretAccessKey: string;
}

export interface ChunkCheck {
	index: number;
	/** 1-based line of the chunk's header in the body. */
	line: number;
	size: number;
	given?: string;
	expected: string;
	stringToSign: string;
	ok: boolean;
}

export interface ChunkedAnalysis {
	parsed: ParsedChunkedBody;
	variant?: ChunkedVariant;
	/** Signed variants: each chunk verified up to and including the first that breaks. */
	chunks: ChunkCheck[];
	/** Index of the first chunk whose signature breaks. */
	firstBroken?: number;
	trailer?: { given?: string; expected: string; stringToSign: string; ok: boolean };
	/** Why the chunk signatures were not checked, when they were not. */
	unverified?: string;
	findings: Finding[];
}

/** S3's smallest chunk but the last (InvalidChunkSizeError). */
const MIN_CHUNK = 8192;
const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?(:\d+)?$/i;

const VARIANTS: Record<string, ChunkedVariant> = {
	[STREAMING_PAYLOAD]: 'signed',
	[STREAMING_PAYLOAD_TRAILER]: 'signed-trailer',
	[STREAMING_UNSIGNED_PAYLOAD_TRAILER]: 'unsigned-trailer'
};

function header(headers: Header[], name: string): string | undefined {
	return headers.find(([n]) => n.trim().toLowerCase() === name)?.[1].trim();
}

/** Signing inputs read from the request: the seed signature and scope from Authorization, the time from X-Amz-Date; or why they are missing. */
async function chainInputs(evidence: ChunkedEvidence): Promise<ChainInputs | string> {
	const auth = parseAuthorization(header(evidence.headers, 'authorization') ?? '');
	const datetime = header(evidence.headers, 'x-amz-date');
	const scope = auth.scope;
	if (!auth.signature || !scope?.region)
		return 'the headers have no Authorization header with a Credential scope and a Signature (the seed signature)';
	if (!datetime) return 'the headers have no X-Amz-Date';
	if (!evidence.secretAccessKey) return 'no secret access key is given';
	const chain = await deriveSigningKey(evidence.secretAccessKey, scope.date, scope.region, scope.service);
	return { kSigning: chain.kSigning, datetime, scope: scope.scope, seed: auth.signature.toLowerCase() };
}

/**
 * Reads a captured aws-chunked body with the request's headers and checks it as S3 does: the
 * framing (sizes, the final chunk, the decoded length, the trailers named in x-amz-trailer), then
 * each chunk's signature chained from the seed, naming the first that breaks and why, then the
 * trailer's signature and any checksum it carries.
 */
export async function analyzeChunkedUpload(evidence: ChunkedEvidence): Promise<ChunkedAnalysis> {
	const parsed = parseAwsChunkedBody(evidence.body);
	const list = new FindingList();
	const marker = header(evidence.headers, 'x-amz-content-sha256') ?? '';
	const variant = Object.hasOwn(VARIANTS, marker) ? VARIANTS[marker] : undefined;
	const result: ChunkedAnalysis = { parsed, chunks: [], findings: [] };
	if (variant) result.variant = variant;
	checkFraming(parsed, evidence.headers, variant, list);
	const inputs = !variant
		? `x-amz-content-sha256 is ${marker ? quote(marker) : 'missing'}, not one of the STREAMING-… values of an aws-chunked upload`
		: variant === 'unsigned-trailer'
			? `${STREAMING_UNSIGNED_PAYLOAD_TRAILER} chunks carry no signatures`
			: await chainInputs(evidence);
	if (typeof inputs === 'string') result.unverified = inputs;
	else await verifyChain(parsed, inputs, result, list);
	await checkTrailerChecksums(parsed, list);
	result.findings = list.sorted();
	return result;
}

function checkFraming(parsed: ParsedChunkedBody, headers: Header[], variant: ChunkedVariant | undefined, list: FindingList): void {
	for (const c of parsed.chunks) {
		if (c.actualSize === undefined) continue;
		list.add('chunk-size-mismatch', {
			message: `Chunk ${c.index + 1} (line ${c.line} of the body) declares ${c.size} bytes (0x${c.size.toString(16)}), but ${c.actualSize} bytes come before the next chunk header: the server reads the wrong bytes as data and every signature from here on fails.`,
			fix: 'Write each chunk size as the hex count of the data bytes that follow (not of the framed chunk, nor of the characters).'
		});
	}
	const lastData = parsed.chunks.length - (parsed.hasFinalChunk ? 2 : 1);
	const small = parsed.chunks.find((c, i) => i < lastData && c.data.length < MIN_CHUNK);
	if (small) {
		const aws = AWS_HOST.test(header(headers, 'host') ?? '');
		list.add('chunk-too-small', {
			severity: aws ? 'error' : 'warning',
			message: `Chunk ${small.index + 1} (line ${small.line} of the body) carries ${small.data.length} bytes; S3 wants every chunk but the last data chunk to be at least ${MIN_CHUNK} bytes and answers InvalidChunkSizeError ("Only the last chunk is allowed to have a size less than 8192 bytes").`,
			fix: 'Use a chunk size of at least 8 KiB (the SDKs use 64 KiB); only the last data chunk may be shorter.'
		});
	}
	if (parsed.errors.length === 0 && !parsed.hasFinalChunk && parsed.chunks.length > 0) {
		list.add('chunk-final-missing', {
			message:
				'The body ends after a data chunk: the final chunk of size 0 (0;chunk-signature=…) is missing, so the server waits for more or rejects the upload as incomplete.',
			fix: 'End the body with a chunk of size 0 and its signature (and the trailers, for -TRAILER uploads), then an empty line.'
		});
	}
	const signed = variant === 'signed' || variant === 'signed-trailer';
	const unsignedChunk = parsed.chunks.find((c) => c.signature === undefined);
	if (signed && unsignedChunk) {
		list.add('chunk-signature-missing', {
			message: `Chunk ${unsignedChunk.index + 1} (line ${unsignedChunk.line} of the body) has no ;chunk-signature=, but x-amz-content-sha256 is ${variant === 'signed' ? STREAMING_PAYLOAD : STREAMING_PAYLOAD_TRAILER}: every chunk, the final one too, must carry its signature.`,
			fix: `Sign each chunk, or send ${STREAMING_UNSIGNED_PAYLOAD_TRAILER} (unsigned chunks with a checksum trailer).`
		});
	}
	const declared = header(headers, DECODED_LENGTH_HEADER);
	if (declared !== undefined && parsed.errors.length === 0 && declared !== String(parsed.decodedLength)) {
		list.add('decoded-length-mismatch', {
			message: `x-amz-decoded-content-length says ${quote(declared)}, but the chunks carry ${parsed.decodedLength} bytes of data.`,
			fix: 'Set x-amz-decoded-content-length to the size of the object itself (the data without the chunk framing), and Content-Length to the framed body.'
		});
	}
	const named = (header(headers, TRAILER_HEADER) ?? '')
		.split(',')
		.map((n) => n.trim().toLowerCase())
		.filter((n) => n !== '');
	const sent = parsed.trailers.map(([n]) => n.toLowerCase());
	if (parsed.hasFinalChunk && (named.some((n) => !sent.includes(n)) || sent.some((n) => !named.includes(n)))) {
		list.add('trailer-not-declared', {
			message: `x-amz-trailer names ${named.length ? named.join(', ') : 'nothing'}, but the body's trailers are ${sent.length ? sent.join(', ') : 'none'}: S3 expects exactly the trailers the header announces.`,
			fix: 'List in x-amz-trailer every trailer sent after the final chunk (comma-separated), and send each one it names.'
		});
	}
}

async function verifyChain(parsed: ParsedChunkedBody, inputs: ChainInputs, result: ChunkedAnalysis, list: FindingList): Promise<void> {
	let previous = inputs.seed;
	const earlier: string[] = [];
	for (const chunk of parsed.chunks) {
		const stringToSign = chunkStringToSign(inputs.datetime, inputs.scope, previous, await sha256Hex(chunk.data));
		const expected = await signatureFor(stringToSign, inputs.kSigning);
		const given = chunk.signature?.toLowerCase();
		const ok = given === expected;
		const check: ChunkCheck = { index: chunk.index, line: chunk.line, size: chunk.data.length, expected, stringToSign, ok };
		if (given !== undefined) check.given = given;
		result.chunks.push(check);
		if (!ok) {
			result.firstBroken = chunk.index;
			if (given !== undefined) await nameBrokenChunk(chunk.index, chunk.line, given, previous, chunk.data, earlier, inputs, list);
			return;
		}
		earlier.push(previous);
		previous = expected;
	}
	if (!parsed.hasFinalChunk || result.chunks.length === 0) return;
	const stringToSign = trailerStringToSign(inputs.datetime, inputs.scope, previous, await sha256Hex(canonicalTrailers(parsed.trailers)));
	const expected = await signatureFor(stringToSign, inputs.kSigning);
	const given = parsed.trailerSignature?.toLowerCase();
	if (given === undefined && parsed.trailers.length === 0) return;
	result.trailer = { expected, stringToSign, ok: given === expected };
	if (given !== undefined) result.trailer.given = given;
	if (given === undefined) {
		list.add('trailer-signature-missing', {
			message: `The trailers after the final chunk have no x-amz-trailer-signature line; a ${STREAMING_PAYLOAD_TRAILER} upload signs them, chained to the final chunk's signature.`,
			fix: `Add x-amz-trailer-signature:<hex HMAC of the AWS4-HMAC-SHA256-TRAILER string to sign> after the trailers, or send ${STREAMING_UNSIGNED_PAYLOAD_TRAILER}.`
		});
	} else if (given !== expected) {
		const why = await trailerCause(inputs, given, previous, parsed.trailers);
		list.add('trailer-signature-mismatch', {
			...(why ? { basis: 'reproduced' as const } : {}),
			message: `The trailer signature (line ${parsed.trailerSignatureLine} of the body) is ${given}; the trailers ${canonicalTrailers(parsed.trailers).trim().replace(/\n/g, ', ')} chained to the final chunk's signature give ${expected}.${why ? ` Yours is the signature ${why}.` : ''}`,
			fix: "Sign AWS4-HMAC-SHA256-TRAILER, the time, the scope, the final chunk's signature and the hex SHA-256 of the trailers as name:value lines, each ending in \\n (LF, names lowercase, sorted)."
		});
	}
}

async function nameBrokenChunk(
	index: number,
	line: number,
	given: string,
	previous: string,
	data: Uint8Array,
	earlier: string[],
	inputs: ChainInputs,
	list: FindingList
): Promise<void> {
	const cause = await chunkCause(inputs, given, previous, data, earlier.slice(1).reverse().slice(0, 3));
	const where = `Chunk ${index + 1} (line ${line} of the body, ${data.length} bytes)`;
	if (cause) {
		list.add(cause.code, {
			basis: 'reproduced',
			message: `${where} is the first whose signature breaks: yours is the signature ${cause.what}.`,
			fix:
				cause.code === 'chunk-previous-signature-wrong'
					? "Chain each chunk to the signature just before it: the seed request's for the first chunk, then each chunk's own for the next."
					: "Sign AWS4-HMAC-SHA256-PAYLOAD, the time, the scope, the previous signature, the empty string's SHA-256 and the hex SHA-256 of the chunk's data, joined with \\n."
		});
		return;
	}
	list.add('chunk-signature-mismatch', {
		message: `${where} is the first whose signature breaks: it is ${given}, and the data as captured, chained to the signature before it, gives the other. The chunks before it verify, so the key and scope are right: this chunk's data differs from what was signed (changed or cut after signing, or re-framed by a proxy).`,
		fix: 'Sign the exact bytes sent in each chunk; do not change the data (encoding, line endings, compression) after signing.'
	});
}

/** A checksum trailer whose value is not the checksum of the data the chunks carry. */
async function checkTrailerChecksums(parsed: ParsedChunkedBody, list: FindingList): Promise<void> {
	if (!parsed.hasFinalChunk || parsed.errors.length > 0) return;
	for (const { name, value, line } of parsed.trailerLines) {
		const algorithm = checksumAlgorithmOf(name);
		if (!algorithm) continue;
		const data = new Uint8Array(parsed.decodedLength);
		let at = 0;
		for (const c of parsed.chunks) data.set(c.data, (at += c.data.length) - c.data.length);
		const actual = await checksumOf(algorithm, data);
		if (actual === value) continue;
		list.add('checksum-mismatch', {
			message: `The trailer ${name}:${value} (line ${line} of the body) is not the ${algorithm.toUpperCase()} of the ${parsed.decodedLength} bytes the chunks carry, which is ${actual}: S3 answers BadDigest (or InvalidChunkSizeError for a malformed value).`,
			fix: 'Compute the checksum over the object data only (not the chunk framing), base64 of the big-endian digest.'
		});
	}
}
