// Flexible checksums (x-amz-checksum-*) against published values: each CRC's check value (the
// checksum of "123456789" in the CRC catalogue: CRC-32 cbf43926, CRC-32C e3069283, CRC-64/NVME
// ae8b14860a799888), FIPS 180's SHA-1 / SHA-256 of "abc", AWS's trailer example (CRC32C of 66560 × "a"
// is sOO8/Q==) and the empty body's values the SDKs put into presigned URLs (AAAAAA==).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	CHECKSUM_ALGORITHMS,
	checksumAlgorithmOf,
	checksumHeader,
	checksumLength,
	checksumOf,
	createChecksum,
	EMPTY_BODY_CHECKSUMS,
	sdkChecksumName,
	type ChecksumAlgorithm
} from '../../src/lib/sigv4/index.ts';

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const CHECK: Record<ChecksumAlgorithm, string> = {
	crc32: hexToBase64('cbf43926'),
	crc32c: hexToBase64('e3069283'),
	crc64nvme: hexToBase64('ae8b14860a799888'),
	sha1: hexToBase64('f7c3bc1d808e04732adf679965ccc34ca7ae3441'),
	sha256: hexToBase64('15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225')
};

function blobOf(bytes: Uint8Array, reads: number[] = []) {
	return {
		size: bytes.length,
		slice: (s: number, e: number) => {
			reads.push(e - s);
			return { arrayBuffer: async () => bytes.slice(s, e).buffer };
		}
	};
}

describe('flexible checksums', () => {
	it.each(CHECKSUM_ALGORITHMS)('%s of "123456789" is its check value, from text, bytes, a Blob and in pieces', async (alg) => {
		const bytes = new TextEncoder().encode('123456789');
		expect(await checksumOf(alg, '123456789')).toBe(CHECK[alg]);
		expect(await checksumOf(alg, bytes)).toBe(CHECK[alg]);
		expect(await checksumOf(alg, blobOf(bytes))).toBe(CHECK[alg]);
		const sum = await createChecksum(alg);
		sum.update(bytes.subarray(0, 4));
		sum.update(bytes.subarray(4));
		expect(await sum.digest()).toBe(CHECK[alg]);
		expect(CHECK[alg].length).toBe(checksumLength(alg));
	});

	it.each(CHECKSUM_ALGORITHMS)('%s of the empty body is the value presigners bake into URLs', async (alg) => {
		expect(await checksumOf(alg, undefined)).toBe(EMPTY_BODY_CHECKSUMS[alg]);
		expect(await checksumOf(alg, new Uint8Array(0))).toBe(EMPTY_BODY_CHECKSUMS[alg]);
	});

	it('the SHAs are FIPS 180\'s "abc" values', async () => {
		expect(await checksumOf('sha1', 'abc')).toBe(hexToBase64('a9993e364706816aba3e25717850c26c9cd0d89d'));
		expect(await checksumOf('sha256', 'abc')).toBe(hexToBase64('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));
	});

	it("AWS's trailer example: CRC32C of 66560 × 'a' is sOO8/Q==", async () => {
		expect(await checksumOf('crc32c', new Uint8Array(66560).fill(0x61))).toBe('sOO8/Q==');
	});

	it('a Blob larger than a block is read in blocks and sums as the whole', async () => {
		const bytes = new Uint8Array(9 * 2 ** 20 + 3).map((_, i) => (i * 31) & 0xff);
		const reads: number[] = [];
		expect(await checksumOf('sha256', blobOf(bytes, reads))).toBe(createHash('sha256').update(bytes).digest('base64'));
		expect(reads).toEqual([8 * 2 ** 20, 2 ** 20 + 3]);
	});

	it('names: header, SDK algorithm name, and the algorithm of a header name', () => {
		expect(checksumHeader('crc64nvme')).toBe('x-amz-checksum-crc64nvme');
		expect(sdkChecksumName('crc32c')).toBe('CRC32C');
		expect(checksumAlgorithmOf('X-Amz-Checksum-SHA256')).toBe('sha256');
		expect(checksumAlgorithmOf('x-amz-checksum-md5')).toBeUndefined();
		expect(checksumAlgorithmOf('x-amz-checksum-constructor')).toBeUndefined();
		expect(checksumAlgorithmOf('content-md5')).toBeUndefined();
	});
});
