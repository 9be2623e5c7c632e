import { asReadable, readBlocks, sourceSize, type BlobLike } from './byte-source.ts';
import { chunkStringToSign, canonicalTrailers, trailerStringToSign } from './chunk-signature.ts';
import { chunkSizes, framedLength, hasTrailer, isSignedVariant } from './chunked-body.ts';
import { putHeader } from './canonical-request-for.ts';
import {
	AWS_CHUNKED,
	CONTENT_SHA256_HEADER,
	DECODED_LENGTH_HEADER,
	EMPTY_SHA256,
	STREAMING_PAYLOAD,
	STREAMING_PAYLOAD_TRAILER,
	STREAMING_UNSIGNED_PAYLOAD_TRAILER,
	TRAILER_HEADER
} from './constants.ts';
import { sha256Hex } from './crypto.ts';
import {
	CHECKSUM_ALGORITHMS,
	checksumHeader,
	checksumLength,
	checksumOf,
	createChecksum,
	sdkChecksumName,
	SDK_CHECKSUM_ALGORITHM_HEADER,
	type Checksummer
} from './checksum.ts';
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
/** WebCrypto hashes a chunk whole: the largest chunk keeps the memory bounded. */
const MAX_CHUNK = 64 << 20;

function checkChunked(params: ChunkedParams): Header[] {
	if (!Object.hasOwn(MARKERS, params.variant)) {
		throw new SigningError(
			'payloadHash',
			`"${String(params.variant)}" is not an aws-chunked variant.`,
			'Use signed, signed-trailer or unsigned-trailer.'
		);
	}
	if (!Number.isSafeInteger(params.chunkSize) || params.chunkSize < 1 || params.chunkSize > MAX_CHUNK) {
		throw new SigningError(
			'chunkSize',
			`The chunk size is not a whole number of bytes from 1 to ${MAX_CHUNK} (64 MiB).`,
			'Use e.g. 65536 (64 KiB, as the SDKs do); S3 wants at least 8192. A chunk is hashed whole, so it is held in memory.'
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
	if (params.checksum !== undefined) {
		if (!CHECKSUM_ALGORITHMS.includes(params.checksum)) {
			throw new SigningError(
				'trailers',
				`"${String(params.checksum)}" is not a checksum algorithm S3 knows.`,
				'Use crc32, crc32c, crc64nvme, sha1 or sha256.'
			);
		}
		const name = checksumHeader(params.checksum);
		if (trailers.some(([n]) => n.trim().toLowerCase() === name)) {
			throw new SigningError(
				'trailers',
				`${name} is both a trailer and the checksum to compute.`,
				'Give the checksum algorithm, or the trailer, not both.'
			);
		}
	}
	return trailers;
}

/** The request's headers with the framing headers written (each keeps its place and case if the request has it). */
function framingHeaders(given: Header[], variant: ChunkedVariant, trailers: Header[], decoded: number, encoded: number): Header[] {
	let headers = given.slice();
	const find = (name: string) => headers.findIndex(([n]) => n.toLowerCase() === name);
	const put = (name: string, value: string) => void (headers = putHeader(headers, name, value));
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

type ChunkSigner = (previous: string, hash: string) => Promise<{ stringToSign: string; signature: string }>;

/**
 * Each chunk's data hash and signature, chained from the seed (blocks are hashed while the one before
 * is signed); without a signer, only the chunks' places. The checksum, if any, sees every byte on the way.
 */
async function readChunks(
	source: Uint8Array | BlobLike,
	sizes: number[],
	params: ChunkedParams,
	seed: string,
	sign: ChunkSigner | undefined,
	checksum: Checksummer | undefined
): Promise<ChunkTrace[]> {
	const { chunkSize } = params;
	const chunks: ChunkTrace[] = [];
	const total = sourceSize(source);
	let previous = seed;
	const place = async (offset: number, hashes: Promise<(string | undefined)[]>) => {
		for (const dataHash of await hashes) {
			const index = chunks.length;
			const size = sizes[index]!;
			const chunk: ChunkTrace = { index, offset, size };
			if (sign && dataHash !== undefined) {
				const { stringToSign, signature } = await sign(previous, dataHash);
				Object.assign(chunk, { dataHash, stringToSign, signature });
				previous = signature;
			}
			chunks.push(chunk);
			offset += size;
		}
		params.onProgress?.(offset, total);
	};
	const blockSize = Math.max(1, Math.floor(BLOCK_BYTES / chunkSize)) * chunkSize;
	let pending: [number, Promise<(string | undefined)[]>] | undefined;
	if (sign || checksum) {
		const blocks =
			params.readBlocks && !(source instanceof Uint8Array)
				? params.readBlocks(source, blockSize, params.signal)
				: readBlocks(source, blockSize, params.signal);
		for await (const { offset, bytes } of blocks) {
			checksum?.update(bytes);
			const parts: Promise<string | undefined>[] = [];
			for (let at = 0; at < bytes.length; at += chunkSize)
				parts.push(sign ? sha256Hex(bytes.subarray(at, at + chunkSize)) : Promise.resolve(undefined));
			const hashes = Promise.all(parts);
			hashes.catch(() => undefined);
			if (pending) await place(...pending);
			pending = [offset, hashes];
		}
	} else {
		pending = [0, Promise.resolve(sizes.slice(0, -1).map(() => undefined))];
	}
	if (pending) await place(...pending);
	params.signal?.throwIfAborted();
	await place(total, Promise.resolve([sign ? EMPTY_SHA256 : undefined]));
	return chunks;
}

function signingParams(params: ChunkedParams): SigningParams {
	const signing: SigningParams & Partial<ChunkedParams> = { ...params, payloadHash: streamingMarker(params.variant) };
	for (const key of ['chunkSize', 'variant', 'trailers', 'checksum', 'source', 'readBlocks', 'onProgress', 'signal'] as const)
		delete signing[key];
	return signing;
}

/**
 * Signs an aws-chunked upload: the seed request (its payload line the STREAMING-… marker, the framing
 * headers added), then each chunk chained to the signature before it, the final empty chunk, and the trailer.
 */
export async function signChunkedUpload(req: HttpRequest, params: ChunkedParams): Promise<ChunkedTrace> {
	const given = checkChunked(params);
	const { variant, chunkSize, checksum: algorithm } = params;
	const source = asReadable(params.source ?? req.body);
	const decoded = sourceSize(source);
	let headers = Array.isArray(req.headers) ? req.headers.slice() : [];
	let trailers = given;
	const checksumName = algorithm && checksumHeader(algorithm);
	if (algorithm && checksumName) {
		if (!headers.some(([n]) => n.toLowerCase() === SDK_CHECKSUM_ALGORITHM_HEADER)) {
			headers.push([SDK_CHECKSUM_ALGORITHM_HEADER, sdkChecksumName(algorithm)]);
		}
		// With a trailer the value comes after the data; without, the body is read for it before the seed is signed.
		if (hasTrailer(variant)) trailers = [...given, [checksumName, 'x'.repeat(checksumLength(algorithm))]];
		else headers = putHeader(headers, checksumName, await checksumOf(algorithm, source, params.signal));
	}
	const encoded = framedLength(decoded, chunkSize, variant, trailers);
	headers = framingHeaders(headers, variant, trailers, decoded, encoded);

	const seed = await signRequest({ method: req.method, url: req.url, headers }, signingParams(params));
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
	const signed = isSignedVariant(variant);
	const { key } = await signingKeyFor(params.credentials.secretAccessKey, seed.date, params.region, params.service);
	const sign: ChunkSigner | undefined = signed
		? async (previous, hash) => {
				const stringToSign = chunkStringToSign(params.datetime, seed.credentialScope, previous, hash);
				return { stringToSign, signature: await signWithKey(key, stringToSign) };
			}
		: undefined;
	const sum = algorithm && hasTrailer(variant) ? await createChecksum(algorithm) : undefined;
	trace.chunks = await readChunks(source, chunkSizes(decoded, chunkSize), params, seed.signature, sign, sum);
	if (!hasTrailer(variant)) return trace;
	if (sum && checksumName) trailers = [...given, [checksumName, await sum.digest()]];
	const canonical = canonicalTrailers(trailers);
	if (!signed) return { ...trace, trailer: { trailers, canonicalTrailers: canonical } };
	const canonicalTrailersHash = await sha256Hex(canonical);
	const last = trace.chunks[trace.chunks.length - 1]!.signature!;
	const stringToSign = trailerStringToSign(params.datetime, seed.credentialScope, last, canonicalTrailersHash);
	const trailer: TrailerTrace = {
		trailers,
		canonicalTrailers: canonical,
		canonicalTrailersHash,
		stringToSign,
		signature: await signWithKey(key, stringToSign)
	};
	return { ...trace, trailer };
}
