import { asReadable, readBlocks, sourceSize, type BlobLike } from './byte-source.ts';
import { chunkStringToSign, canonicalTrailers, trailerStringToSign } from './chunk-signature.ts';
import { chunkSizes, framedLength, hasTrailer, isSignedVariant } from './chunked-body.ts';
import {
	AWS_CHUNKED,
	CONTENT_SHA256_HEADER,
	DECODED_LENGTH_HEADER,
	STREAMING_PAYLOAD,
	STREAMING_PAYLOAD_TRAILER,
	STREAMING_UNSIGNED_PAYLOAD_TRAILER,
	TRAILER_HEADER
} from './constants.ts';
import { sha256Hex } from './crypto.ts';
import { signRequest } from './sign.ts';
import { signingKeyFor, signWithKey } from './signing-key.ts';
import { SigningError } from './signing-error.ts';
import type { ChunkedParams, ChunkedTrace, ChunkedVariant, ChunkTrace, TrailerTrace } from './chunked-types.ts';
import type { Header, HttpRequest, SigningParams } from './types.ts';

const MARKERS: Record<ChunkedVariant, string> = {
	signed: STREAMING_PAYLOAD,
	'signed-trailer': STREAMING_PAYLOAD_TRAILER,
	'unsigned-trailer': STREAMING_UNSIGNED_PAYLOAD_TRAILER
};

/** The x-amz-content-sha256 value (and payload line) of each variant. */
export function streamingMarker(variant: ChunkedVariant): string {
	return MARKERS[variant];
}

/** About this many bytes are read and hashed at once: big reads are fast, and three blocks bound the memory. */
const BLOCK_BYTES = 8 << 20;

function checkChunked(params: ChunkedParams): Header[] {
	if (!Object.hasOwn(MARKERS, params.variant)) {
		throw new SigningError(
			'payloadHash',
			`"${String(params.variant)}" is not an aws-chunked variant.`,
			'Use signed, signed-trailer or unsigned-trailer.'
		);
	}
	if (!Number.isSafeInteger(params.chunkSize) || params.chunkSize < 1) {
		throw new SigningError(
			'chunkSize',
			'The chunk size is not a whole number of bytes above 0.',
			'Use e.g. 65536 (64 KiB); S3 wants at least 8192.'
		);
	}
	const trailers = params.trailers ?? [];
	if (trailers.length > 0 && !hasTrailer(params.variant)) {
		throw new SigningError(
			'trailers',
			'Trailers need a -TRAILER variant.',
			'Choose signed-trailer or unsigned-trailer, or remove the trailers.'
		);
	}
	const bad = trailers.findIndex(([name, value]) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(value));
	if (bad >= 0) {
		throw new SigningError(
			'trailers',
			'A trailer name is not a header name, or its value has a line break.',
			'Write each trailer as name and value, e.g. x-amz-checksum-crc32c and sOO8/Q==.',
			bad
		);
	}
	return trailers;
}

/** The request's headers with the framing headers written (each keeps its place and case if the request has it). */
function framingHeaders(given: Header[], variant: ChunkedVariant, trailers: Header[], decoded: number, encoded: number): Header[] {
	const headers = given.slice();
	const find = (name: string) => headers.findIndex(([n]) => n.toLowerCase() === name);
	const put = (name: string, value: string) => {
		const at = find(name.toLowerCase());
		if (at >= 0) headers[at] = [headers[at]![0], value];
		else headers.push([name, value]);
	};
	const encoding = headers[find('content-encoding')]?.[1].trim();
	const codings = encoding ? encoding.split(',').map((c) => c.trim()) : [];
	if (!codings.includes(AWS_CHUNKED)) put('Content-Encoding', [AWS_CHUNKED, ...codings].join(','));
	// A request sent with Transfer-Encoding: chunked (as the SDKs send unsigned trailers) has no Content-Length.
	const transfer = headers[find('transfer-encoding')]?.[1] ?? '';
	if (!/chunked/i.test(transfer)) put('Content-Length', String(encoded));
	put(CONTENT_SHA256_HEADER, streamingMarker(variant));
	put(DECODED_LENGTH_HEADER, String(decoded));
	const names = trailers.map(([name]) => name.trim().toLowerCase()).join(',');
	const trailerAt = find(TRAILER_HEADER);
	if (names) put(TRAILER_HEADER, names);
	else if (trailerAt >= 0) headers.splice(trailerAt, 1);
	return headers;
}

/** Each chunk's data hash and signature, chained from the seed; blocks are hashed while the one before is signed. */
async function signChunks(
	source: Uint8Array | BlobLike,
	sizes: number[],
	chunkSize: number,
	sign: (previous: string, hash: string) => Promise<{ stringToSign: string; signature: string }>,
	seed: string,
	params: ChunkedParams
): Promise<ChunkTrace[]> {
	const chunks: ChunkTrace[] = [];
	const total = sourceSize(source);
	let previous = seed;
	const signAll = async (offset: number, hashes: Promise<string[]>) => {
		for (const dataHash of await hashes) {
			const index = chunks.length;
			const size = sizes[index]!;
			const { stringToSign, signature } = await sign(previous, dataHash);
			chunks.push({ index, offset, size, dataHash, stringToSign, signature });
			offset += size;
			previous = signature;
		}
		params.onProgress?.(offset, total);
	};
	const blockSize = Math.max(1, Math.floor(BLOCK_BYTES / chunkSize)) * chunkSize;
	let pending: [number, Promise<string[]>] | undefined;
	for await (const { offset, bytes } of readBlocks(source, blockSize, params.signal)) {
		const parts: Promise<string>[] = [];
		for (let at = 0; at < bytes.length; at += chunkSize) parts.push(sha256Hex(bytes.subarray(at, at + chunkSize)));
		const hashes = Promise.all(parts);
		hashes.catch(() => undefined);
		if (pending) await signAll(...pending);
		pending = [offset, hashes];
	}
	if (pending) await signAll(...pending);
	params.signal?.throwIfAborted();
	await signAll(
		total,
		sha256Hex(new Uint8Array(0)).then((h) => [h])
	);
	return chunks;
}

/**
 * Signs an aws-chunked upload: the seed request (its payload line the STREAMING-… marker, the framing
 * headers added), then each chunk chained to the signature before it, the final empty chunk, and the trailer.
 */
export async function signChunkedUpload(req: HttpRequest, params: ChunkedParams): Promise<ChunkedTrace> {
	const trailers = checkChunked(params);
	const { variant, chunkSize } = params;
	const source = asReadable(params.source ?? req.body);
	const decoded = sourceSize(source);
	const encoded = framedLength(decoded, chunkSize, variant, trailers);
	const headers = framingHeaders(Array.isArray(req.headers) ? req.headers : [], variant, trailers, decoded, encoded);

	const signing: SigningParams = { ...params, payloadHash: streamingMarker(variant) };
	for (const key of ['chunkSize', 'variant', 'trailers', 'source', 'onProgress', 'signal'] as const)
		delete (signing as Partial<ChunkedParams>)[key];
	const seed = await signRequest({ method: req.method, url: req.url, headers }, signing);
	const provenance = seed.provenance.map((p) =>
		p.part === 'payload-hash'
			? {
					...p,
					input: `aws-chunked, ${variant}`,
					rules: [`an aws-chunked upload signs ${p.text}: the body is signed chunk by chunk, each chunk chained to the signature before it`]
				}
			: p
	);
	const trace: ChunkedTrace = { ...seed, provenance, variant, chunkSize, decodedLength: decoded, encodedLength: encoded, chunks: [] };
	const sizes = chunkSizes(decoded, chunkSize);
	const canonical = canonicalTrailers(trailers);
	const trailer: TrailerTrace = { trailers, canonicalTrailers: canonical };

	if (!isSignedVariant(variant)) {
		let offset = 0;
		trace.chunks = sizes.map((size, index) => ({ index, offset: (offset += size) - size, size }));
		params.onProgress?.(decoded, decoded);
		return { ...trace, trailer };
	}
	const { key } = await signingKeyFor(params.credentials.secretAccessKey, seed.date, params.region, params.service);
	const sign = async (previous: string, hash: string) => {
		const stringToSign = chunkStringToSign(params.datetime, seed.credentialScope, previous, hash);
		return { stringToSign, signature: await signWithKey(key, stringToSign) };
	};
	trace.chunks = await signChunks(source, sizes, chunkSize, sign, seed.signature, params);
	if (!hasTrailer(variant)) return trace;
	const canonicalTrailersHash = await sha256Hex(canonical);
	const last = trace.chunks[trace.chunks.length - 1]!.signature!;
	const stringToSign = trailerStringToSign(params.datetime, seed.credentialScope, last, canonicalTrailersHash);
	return { ...trace, trailer: { ...trailer, canonicalTrailersHash, stringToSign, signature: await signWithKey(key, stringToSign) } };
}
