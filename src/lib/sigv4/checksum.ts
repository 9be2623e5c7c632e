import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { asReadable, readBlocks, type ByteSource } from './byte-source.ts';
import { toBase64 } from './encoding.ts';

/** The flexible checksums S3 takes as x-amz-checksum-* headers or trailers. */
export type ChecksumAlgorithm = 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1' | 'sha256';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'];

/** Digest sizes in bytes: every value's base64 length is known before the body is read. */
const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { crc32: 4, crc32c: 4, crc64nvme: 8, sha1: 20, sha256: 32 };

/** The SDKs' checksums of an empty body: a presigned PUT URL that carries one was made without the body. */
export const EMPTY_BODY_CHECKSUMS: Readonly<Record<ChecksumAlgorithm, string>> = {
	crc32: 'AAAAAA==',
	crc32c: 'AAAAAA==',
	crc64nvme: 'AAAAAAAAAAA=',
	sha1: '2jmj7l5rSw0yVb/vlWAYkK/YBwk=',
	sha256: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='
};

export const SDK_CHECKSUM_ALGORITHM_HEADER = 'x-amz-sdk-checksum-algorithm';
export const CHECKSUM_HEADER_PREFIX = 'x-amz-checksum-';

/** `x-amz-checksum-crc32` and so on. */
export function checksumHeader(algorithm: ChecksumAlgorithm): string {
	return CHECKSUM_HEADER_PREFIX + algorithm;
}

/** The algorithm an x-amz-checksum-* name stands for (any case), if it is one S3 knows. */
export function checksumAlgorithmOf(headerName: string): ChecksumAlgorithm | undefined {
	const lower = headerName.trim().toLowerCase();
	if (!lower.startsWith(CHECKSUM_HEADER_PREFIX)) return undefined;
	const name = lower.slice(CHECKSUM_HEADER_PREFIX.length);
	return CHECKSUM_ALGORITHMS.find((a) => a === name);
}

/** The value x-amz-sdk-checksum-algorithm gives it: CRC32, CRC32C, CRC64NVME, SHA1, SHA256. */
export function sdkChecksumName(algorithm: ChecksumAlgorithm): string {
	return algorithm.toUpperCase();
}

/** How many base64 characters the algorithm's value has. */
export function checksumLength(algorithm: ChecksumAlgorithm): number {
	return Math.ceil(DIGEST_BYTES[algorithm] / 3) * 4;
}

/** A checksum fed piece by piece. */
export interface Checksummer {
	update(bytes: Uint8Array): void;
	/** Base64, as x-amz-checksum-* carries it. */
	digest(): Promise<string>;
}

// The CRCs are the AWS SDK's own (pure JS in the browser); loaded on first use, since CRC64's tables take a moment to build.
type CrcModule = typeof import('@aws-sdk/checksums/crc');
let crcModule: Promise<CrcModule> | undefined;
function loadCrc(): Promise<CrcModule> {
	crcModule ??= import('@aws-sdk/checksums/crc');
	return crcModule;
}

/** A streaming checksum: the SDK's CRCs, @noble/hashes for the SHAs (WebCrypto cannot hash in pieces). */
export async function createChecksum(algorithm: ChecksumAlgorithm): Promise<Checksummer> {
	if (algorithm === 'sha1' || algorithm === 'sha256') {
		const hash = (algorithm === 'sha1' ? sha1 : sha256).create();
		return { update: (bytes) => void hash.update(bytes), digest: async () => toBase64(hash.digest()) };
	}
	const crc = await loadCrc();
	const impl = algorithm === 'crc32' ? new crc.Crc32Js() : algorithm === 'crc32c' ? new crc.Crc32cJs() : new crc.Crc64NvmeJs();
	return { update: (bytes) => impl.update(bytes), digest: async () => toBase64(await impl.digest()) };
}

const WEBCRYPTO_NAMES: Partial<Record<ChecksumAlgorithm, string>> = { sha1: 'SHA-1', sha256: 'SHA-256' };

/** The base64 checksum of a body: WebCrypto for the SHAs of bytes in memory, otherwise read block by block. */
export async function checksumOf(algorithm: ChecksumAlgorithm, body: ByteSource | undefined, signal?: AbortSignal): Promise<string> {
	const source = asReadable(body);
	const webName = WEBCRYPTO_NAMES[algorithm];
	if (webName && source instanceof Uint8Array) {
		return toBase64(new Uint8Array(await globalThis.crypto.subtle.digest(webName, source as Uint8Array<ArrayBuffer>)));
	}
	const sum = await createChecksum(algorithm);
	for await (const { bytes } of readBlocks(source, 8 << 20, signal)) sum.update(bytes);
	return sum.digest();
}
