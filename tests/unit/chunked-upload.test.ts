// aws-chunked uploads against the values AWS publishes: the S3 API Reference's streaming example
// (sigv4-streaming), its trailer example (sigv4-streaming-trailers) and aws-c-auth's synthetic trailer
// case; all recomputed in ../shared/research/demand-2.md §5.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	canonicalTrailers,
	deriveSigningKey,
	framedBody,
	framedBodyStart,
	sha256Hex,
	signatureFor,
	signChunkedUpload,
	SigningError,
	trailerStringToSign,
	type ChunkedParams,
	type HttpRequest
} from '../../src/lib/sigv4/index.ts';

const BODY = new Uint8Array(66560).fill(0x61);
const REQUEST: HttpRequest = {
	method: 'PUT',
	url: 'https://s3.amazonaws.com/examplebucket/chunkObject.txt',
	headers: [
		['Host', 's3.amazonaws.com'],
		['x-amz-storage-class', 'REDUCED_REDUNDANCY']
	],
	body: BODY
};
const PARAMS: ChunkedParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z',
	chunkSize: 65536,
	variant: 'signed'
};
const SCOPE = '20130524/us-east-1/s3/aws4_request';
/** The headers AWS's trailer example signs. */
const TRAILER_SIGNED_HEADERS = [
	'content-encoding',
	'host',
	'x-amz-content-sha256',
	'x-amz-date',
	'x-amz-decoded-content-length',
	'x-amz-storage-class',
	'x-amz-trailer'
];
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<string> {
	let text = '';
	for await (const p of pieces) text += new TextDecoder().decode(p);
	return text;
}

describe('S3 API Reference: STREAMING-AWS4-HMAC-SHA256-PAYLOAD', () => {
	it('seed, two data chunks and the final chunk, byte for byte', async () => {
		const t = await signChunkedUpload(REQUEST, PARAMS);
		expect(t.signedHeaders.join(';')).toBe(
			'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class'
		);
		expect(t.canonicalRequest.split('\n').slice(3, 6)).toEqual([
			'content-encoding:aws-chunked',
			'content-length:66824',
			'host:s3.amazonaws.com'
		]);
		expect(t.canonicalRequest.endsWith('\nSTREAMING-AWS4-HMAC-SHA256-PAYLOAD')).toBe(true);
		expect(t.canonicalRequestHash.slice(0, 8)).toBe('cee3fed0');
		expect(t.signature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9');
		expect(t.encodedLength).toBe(66824);
		expect(t.decodedLength).toBe(66560);
		expect(t.chunks.map((c) => [c.offset, c.size, c.signature])).toEqual([
			[0, 65536, 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648'],
			[65536, 1024, '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497'],
			[66560, 0, 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9']
		]);
		expect(t.chunks[0]!.stringToSign).toBe(
			`AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n${SCOPE}\n${t.signature}\n${EMPTY}\n${await sha256Hex(BODY.subarray(0, 65536))}`
		);
		expect(t.chunks[2]!.stringToSign!.split('\n')[3]).toBe(t.chunks[1]!.signature);
		expect(t.chunks[2]!.dataHash).toBe(EMPTY);
		expect(t.trailer).toBeUndefined();
		expect(t.request.headers).toContainEqual(['x-amz-decoded-content-length', '66560']);
		expect(t.request.body).toBeUndefined();
	});

	it('frames the body as AWS shows it, and the framed length is Content-Length', async () => {
		const t = await signChunkedUpload(REQUEST, PARAMS);
		const framed = await collect(framedBody(t, BODY));
		expect(framed.length).toBe(66824);
		expect(framed.startsWith(`10000;chunk-signature=${t.chunks[0]!.signature}\r\naaaa`)).toBe(true);
		expect(framed.slice(65626, 65626 + 88)).toBe(`400;chunk-signature=${t.chunks[1]!.signature}\r\n` + 'a'.repeat(2));
		expect(framed.endsWith(`a\r\n0;chunk-signature=${t.chunks[2]!.signature}\r\n\r\n`)).toBe(true);
		const start = new TextDecoder().decode(await framedBodyStart(t, BODY, 100));
		expect(start).toBe(framed.slice(0, 100));
	});

	it('reads a Blob-like source piece by piece and signs the same', async () => {
		const reads: [number, number][] = [];
		const blob = {
			size: BODY.length,
			slice: (s: number, e: number) => {
				reads.push([s, e]);
				return { arrayBuffer: async () => BODY.slice(s, e).buffer };
			}
		};
		const t = await signChunkedUpload({ ...REQUEST, body: undefined }, { ...PARAMS, source: blob, chunkSize: 1024 });
		const plain = await signChunkedUpload(REQUEST, { ...PARAMS, chunkSize: 1024 });
		expect(t.chunks.map((c) => c.signature)).toEqual(plain.chunks.map((c) => c.signature));
		expect(reads).toEqual([[0, 66560]]);
		expect(t.chunks.length).toBe(66);
	});

	it('a large source is read in bounded blocks, never whole', async () => {
		const reads: [number, number][] = [];
		const size = 20 * 2 ** 20 + 5;
		const blob = {
			size,
			slice: (s: number, e: number) => {
				reads.push([s, e]);
				return { arrayBuffer: async () => new ArrayBuffer(e - s) };
			}
		};
		const t = await signChunkedUpload({ ...REQUEST, body: undefined }, { ...PARAMS, source: blob, chunkSize: 3 * 2 ** 20 });
		expect(reads).toEqual([
			[0, 6 * 2 ** 20],
			[6 * 2 ** 20, 12 * 2 ** 20],
			[12 * 2 ** 20, 18 * 2 ** 20],
			[18 * 2 ** 20, size]
		]);
		expect(t.chunks.map((c) => c.size)).toEqual([...Array(6).fill(3 * 2 ** 20), 2 * 2 ** 20 + 5, 0]);
	});

	it('reads four blocks ahead of the one in use (a Blob read runs beside the hashing), and the framed start only what it shows', async () => {
		const MiB = 2 ** 20;
		const reads: number[] = [];
		const blob = {
			size: 10 * 8 * MiB,
			slice: (s: number, e: number) => {
				reads.push(s);
				return { arrayBuffer: async () => new ArrayBuffer(e - s) };
			}
		};
		const seen: [number, number][] = [];
		await signChunkedUpload(
			{ ...REQUEST, body: undefined },
			{ ...PARAMS, source: blob, chunkSize: 8 * MiB, onProgress: (done) => seen.push([done / (8 * MiB), reads.length]) }
		);
		// [blocks signed, blocks asked for]: the one hashed while the one before is signed, and four more.
		expect(seen).toEqual([[1, 6], [2, 7], [3, 8], [4, 9], ...[5, 6, 7, 8, 9, 10, 10].map((signed) => [signed, 10])]);
		reads.length = 0;
		const t = await signChunkedUpload({ ...REQUEST, body: undefined }, { ...PARAMS, source: blob, chunkSize: 8192 });
		reads.length = 0;
		await framedBodyStart(t, blob, 100);
		expect(reads).toEqual([0]);
	});

	it('refuses a source that returns fewer bytes than its size', async () => {
		const short = { size: 4096, slice: () => ({ arrayBuffer: async () => new ArrayBuffer(10) }) };
		await expect(signChunkedUpload({ ...REQUEST, body: undefined }, { ...PARAMS, source: short })).rejects.toThrow(/fewer bytes/);
	});

	it('reports progress and stops when aborted', async () => {
		const done: number[] = [];
		await signChunkedUpload(REQUEST, { ...PARAMS, onProgress: (n) => done.push(n) });
		expect(done.at(-1)).toBe(66560);
		const abort = new AbortController();
		abort.abort();
		await expect(signChunkedUpload(REQUEST, { ...PARAMS, signal: abort.signal })).rejects.toThrow();
	});

	it('an empty body is the final chunk alone', async () => {
		const t = await signChunkedUpload({ ...REQUEST, body: '' }, PARAMS);
		expect(t.chunks.map((c) => c.size)).toEqual([0]);
		expect(t.encodedLength).toBe(86);
		expect(await collect(framedBody(t, ''))).toBe(`0;chunk-signature=${t.chunks[0]!.signature}\r\n\r\n`);
	});

	it('refuses a chunk size that is not a positive whole number, and trailers without a trailer variant', async () => {
		for (const chunkSize of [0, -1, 1.5, Number.NaN, 64 * 2 ** 20 + 1]) {
			await expect(signChunkedUpload(REQUEST, { ...PARAMS, chunkSize })).rejects.toMatchObject({ field: 'chunkSize' });
		}
		await expect(signChunkedUpload(REQUEST, { ...PARAMS, trailers: [['x-amz-checksum-crc32', 'AAAAAA==']] })).rejects.toBeInstanceOf(
			SigningError
		);
		await expect(signChunkedUpload(REQUEST, { ...PARAMS, variant: 'signed-trailer', trailers: [['bad name', 'v']] })).rejects.toMatchObject(
			{ field: 'trailers' }
		);
	});
});

describe('S3 API Reference: STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', () => {
	const params: ChunkedParams = {
		...PARAMS,
		variant: 'signed-trailer',
		trailers: [['x-amz-checksum-crc32c', 'sOO8/Q==']],
		signedHeaders: TRAILER_SIGNED_HEADERS
	};

	it('seed, chunks and the trailer signature', async () => {
		const t = await signChunkedUpload(REQUEST, params);
		expect(t.canonicalRequest).toContain('\nx-amz-trailer:x-amz-checksum-crc32c\n');
		expect(t.payloadHash).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER');
		expect(t.signature).toBe('106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e');
		expect(t.chunks.map((c) => c.signature)).toEqual([
			'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
			'1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
			'2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992'
		]);
		expect(t.trailer!.canonicalTrailers).toBe('x-amz-checksum-crc32c:sOO8/Q==\n');
		expect(t.trailer!.stringToSign).toBe(
			`AWS4-HMAC-SHA256-TRAILER\n20130524T000000Z\n${SCOPE}\n${t.chunks[2]!.signature}\n${await sha256Hex('x-amz-checksum-crc32c:sOO8/Q==\n')}`
		);
		expect(t.trailer!.signature).toBe('d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435');
	});

	it('sends the trailer and its signature after the final chunk; Content-Length counts them', async () => {
		const t = await signChunkedUpload(REQUEST, params);
		const framed = await collect(framedBody(t, BODY));
		expect(
			framed.endsWith(
				`0;chunk-signature=${t.chunks[2]!.signature}\r\nx-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${t.trailer!.signature}\r\n\r\n`
			)
		).toBe(true);
		expect(framed.length).toBe(t.encodedLength);
		expect(t.request.headers).toContainEqual(['Content-Length', String(t.encodedLength)]);
	});
});

describe('aws-c-auth: the synthetic trailer case', () => {
	it("three trailers chained to the streaming example's final chunk give df5735bd…", async () => {
		const t = await signChunkedUpload(REQUEST, PARAMS);
		const trailers = canonicalTrailers([
			['third', '3rd'],
			['First', ' 1st '],
			['second', '2nd']
		]);
		expect(trailers).toBe('first:1st\nsecond:2nd\nthird:3rd\n');
		const hash = await sha256Hex(trailers);
		expect(hash.slice(0, 8)).toBe('83d8f190');
		const key = await deriveSigningKey(PARAMS.credentials.secretAccessKey, '20130524', 'us-east-1', 's3');
		const sts = trailerStringToSign(PARAMS.datetime, SCOPE, t.chunks[2]!.signature!, hash);
		expect(await signatureFor(sts, key.kSigning)).toBe('df5735bd9f3295cd9386572292562fefc93ba94e80a0a1ddcbd652c4e0a75e6c');
	});
});

describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER', () => {
	it('signs the seed only; chunks are framed without signatures, the trailer without one', async () => {
		const t = await signChunkedUpload(REQUEST, {
			...PARAMS,
			variant: 'unsigned-trailer',
			trailers: [['x-amz-checksum-crc32', 'i9aeUg==']]
		});
		expect(t.canonicalRequest.endsWith('\nSTREAMING-UNSIGNED-PAYLOAD-TRAILER')).toBe(true);
		expect(t.chunks.map((c) => [c.size, c.signature])).toEqual([
			[65536, undefined],
			[1024, undefined],
			[0, undefined]
		]);
		expect(t.trailer).toEqual({ trailers: [['x-amz-checksum-crc32', 'i9aeUg==']], canonicalTrailers: 'x-amz-checksum-crc32:i9aeUg==\n' });
		const framed = await collect(framedBody(t, BODY));
		expect(framed.startsWith('10000\r\naaa')).toBe(true);
		expect(framed.endsWith('a\r\n0\r\nx-amz-checksum-crc32:i9aeUg==\r\n\r\n')).toBe(true);
		expect(framed.length).toBe(t.encodedLength);
	});

	it('a request sent with Transfer-Encoding: chunked gets no Content-Length', async () => {
		const req = { ...REQUEST, headers: [...REQUEST.headers, ['Transfer-Encoding', 'chunked']] as [string, string][] };
		const t = await signChunkedUpload(req, { ...PARAMS, variant: 'unsigned-trailer' });
		expect(t.request.headers.some(([n]) => n.toLowerCase() === 'content-length')).toBe(false);
		expect(t.request.headers.some(([n]) => n.toLowerCase() === 'x-amz-trailer')).toBe(false);
		expect(t.signedHeaders).not.toContain('transfer-encoding');
	});
});

describe('a flexible checksum with the upload', () => {
	it("as a signed trailer: AWS's trailer example, the checksum computed while the chunks are read", async () => {
		const t = await signChunkedUpload(REQUEST, {
			...PARAMS,
			variant: 'signed-trailer',
			checksum: 'crc32c',
			signedHeaders: TRAILER_SIGNED_HEADERS
		});
		expect(t.trailer!.trailers).toEqual([['x-amz-checksum-crc32c', 'sOO8/Q==']]);
		expect(t.signature).toBe('106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e');
		expect(t.trailer!.signature).toBe('d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435');
		expect(t.request.headers).toContainEqual(['x-amz-sdk-checksum-algorithm', 'CRC32C']);
	});

	it("as an unsigned trailer (the SDKs' 2025 default, CRC32): the body is read for it, Content-Length counts it", async () => {
		const t = await signChunkedUpload(REQUEST, { ...PARAMS, variant: 'unsigned-trailer', checksum: 'crc32' });
		// zlib.crc32 of 66560 × 'a' is b0ae18ec.
		expect(t.trailer!.trailers).toEqual([['x-amz-checksum-crc32', 'sK4Y7A==']]);
		expect(t.request.headers).toContainEqual(['x-amz-trailer', 'x-amz-checksum-crc32']);
		expect((await collect(framedBody(t, BODY))).length).toBe(t.encodedLength);
	});

	it("as a header for 'signed': computed before the seed, and signed", async () => {
		const t = await signChunkedUpload(REQUEST, { ...PARAMS, checksum: 'sha256' });
		expect(t.request.headers).toContainEqual(['x-amz-checksum-sha256', createHash('sha256').update(BODY).digest('base64')]);
		expect(t.signedHeaders).toContain('x-amz-checksum-sha256');
		expect(t.trailer).toBeUndefined();
	});

	it('refuses a checksum that is also given as a trailer, and an unknown algorithm', async () => {
		await expect(
			signChunkedUpload(REQUEST, {
				...PARAMS,
				variant: 'signed-trailer',
				checksum: 'crc32',
				trailers: [['x-amz-checksum-crc32', 'AAAAAA==']]
			})
		).rejects.toMatchObject({ field: 'trailers' });
		await expect(signChunkedUpload(REQUEST, { ...PARAMS, checksum: 'md5' as never })).rejects.toMatchObject({ field: 'trailers' });
	});
});
