// Property: for random bodies, chunk sizes, trailers and all three variants, signChunkedUpload's seed,
// chunk and trailer signatures, Content-Length and framed body equal an independent aws-chunked signer
// written here on node:crypto from the S3 API Reference's description (sigv4-streaming, -trailers).
import { createHash, createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { framedBody, signChunkedUpload, type ChecksumAlgorithm, type ChunkedVariant } from '../../src/lib/sigv4/index.ts';
import { parseAwsChunkedBody } from '../../src/lib/parse/index.ts';
import { fcParams, recordCount, runsFor, timeoutFor } from './runs.ts';

const RUNS = runsFor(150);
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DATETIME = '20240229T235959Z';
const SCOPE = '20240229/eu-west-1/s3/aws4_request';
const MARKER: Record<ChunkedVariant, string> = {
	signed: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
	'signed-trailer': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
	'unsigned-trailer': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'
};

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const mac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** The checksums node computes itself: zlib's CRC-32, node:crypto's SHAs. */
function nodeChecksum(algorithm: 'crc32' | 'sha1' | 'sha256', body: Uint8Array): string {
	if (algorithm === 'crc32') return Buffer.from(crc32(body).toString(16).padStart(8, '0'), 'hex').toString('base64');
	return createHash(algorithm).update(body).digest('base64');
}

function oracle(
	body: Uint8Array,
	chunkSize: number,
	variant: ChunkedVariant,
	given: [string, string][],
	meta: string,
	checksum: 'crc32' | 'sha1' | 'sha256' | undefined
) {
	const key = ['20240229', 'eu-west-1', 's3', 'aws4_request'].reduce<Buffer | string>((k, part) => mac(k, part), 'AWS4' + SECRET);
	const signed = variant !== 'unsigned-trailer';
	const withTrailer = variant !== 'signed';
	const sum = checksum && ([`x-amz-checksum-${checksum}`, nodeChecksum(checksum, body)] as [string, string]);
	const trailers = sum && withTrailer ? [...given, sum] : given;
	const sizes: number[] = [];
	for (let at = 0; at < body.length; at += chunkSize) sizes.push(Math.min(chunkSize, body.length - at));
	sizes.push(0);
	const trailerLines = trailers.map(([n, v]) => `${n}:${v}`);
	// Content-Length: every chunk header, its data and CRLF, then the trailer block (its signature 64 hex digits).
	let encoded = 0;
	for (const size of sizes) encoded += size.toString(16).length + (signed ? 17 + 64 : 0) + 2 + (size ? size + 2 : 0);
	encoded += withTrailer ? trailerLines.reduce((n, l) => n + l.length + 2, 0) + (signed ? 24 + 64 + 2 : 0) + 2 : 2;
	const headers: [string, string][] = [
		['content-encoding', 'aws-chunked'],
		['content-length', String(encoded)],
		['host', 'bucket.s3.eu-west-1.amazonaws.com'],
		['x-amz-content-sha256', MARKER[variant]],
		['x-amz-date', DATETIME],
		['x-amz-decoded-content-length', String(body.length)],
		['x-amz-meta-note', meta]
	];
	if (sum && !withTrailer) headers.push(sum);
	if (checksum) headers.push(['x-amz-sdk-checksum-algorithm', checksum.toUpperCase()]);
	if (trailers.length) headers.push(['x-amz-trailer', trailers.map(([n]) => n).join(',')]);
	headers.sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const canonical = [
		'PUT',
		'/key',
		'',
		...headers.map(([n, v]) => `${n}:${v}`),
		'',
		headers.map(([n]) => n).join(';'),
		MARKER[variant]
	].join('\n');
	const seed = mac(key, `AWS4-HMAC-SHA256\n${DATETIME}\n${SCOPE}\n${sha(canonical)}`).toString('hex');
	let previous = seed;
	let framed = '';
	let at = 0;
	const chunkSigs: string[] = [];
	for (const size of sizes) {
		const data = body.subarray(at, at + size);
		at += size;
		if (signed) {
			previous = mac(key, `AWS4-HMAC-SHA256-PAYLOAD\n${DATETIME}\n${SCOPE}\n${previous}\n${sha('')}\n${sha(data)}`).toString('hex');
			chunkSigs.push(previous);
		}
		framed += `${size.toString(16)}${signed ? `;chunk-signature=${previous}` : ''}\r\n${Buffer.from(data).toString('latin1')}${size ? '\r\n' : ''}`;
	}
	let trailerSig: string | undefined;
	if (withTrailer) {
		// Sorted by name, as canonical headers are (by whole line, "x-amz-checksum-40a:" would come before "x-amz-checksum-4:").
		const sorted = trailers
			.slice()
			.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
			.map(([n, v]) => `${n}:${v}`);
		if (signed) {
			trailerSig = mac(
				key,
				`AWS4-HMAC-SHA256-TRAILER\n${DATETIME}\n${SCOPE}\n${previous}\n${sha(sorted.map((l) => l + '\n').join(''))}`
			).toString('hex');
		}
		framed += trailerLines.map((l) => l + '\r\n').join('') + (trailerSig ? `x-amz-trailer-signature:${trailerSig}\r\n` : '');
	}
	framed += '\r\n';
	return { seed, chunkSigs, trailerSig, encoded, framed };
}

const trailerName = fc.stringMatching(/^x-amz-checksum-[a-z0-9]{1,8}$/);
/** fast-check's counterexample from a CI run: one trailer name a prefix of the other. */
const PREFIX_TRAILERS: [string, string][] = [
	['x-amz-checksum-40a', ''],
	['x-amz-checksum-4', '']
];
const trailerValue = fc.stringMatching(/^[A-Za-z0-9+/=]{0,12}$/);

describe('property: aws-chunked signer = an independent node:crypto signer', () => {
	it(
		`${RUNS} random bodies, chunk sizes and trailers, all three variants`,
		async () => {
			let cases = 0;
			await fc.assert(
				fc.asyncProperty(
					fc.uint8Array({ maxLength: 6000 }),
					fc.integer({ min: 1, max: 2500 }),
					fc.constantFrom<ChunkedVariant>('signed', 'signed-trailer', 'unsigned-trailer'),
					fc.uniqueArray(fc.tuple(trailerName, trailerValue), { maxLength: 3, selector: ([n]) => n }),
					fc.stringMatching(/^[a-z0-9]{1,10}$/),
					fc.constantFrom(undefined, 'crc32' as const, 'sha1' as const, 'sha256' as const),
					async (body, chunkSize, variant, rawTrailers, meta, checksum) => {
						cases++;
						const trailers = variant === 'signed' ? [] : rawTrailers.filter(([n]) => n !== `x-amz-checksum-${checksum}`);
						const expected = oracle(body, chunkSize, variant, trailers, meta, checksum);
						const t = await signChunkedUpload(
							{ method: 'PUT', url: 'https://bucket.s3.eu-west-1.amazonaws.com/key', headers: [['x-amz-meta-note', meta]], body },
							{
								credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
								region: 'eu-west-1',
								service: 's3',
								datetime: DATETIME,
								chunkSize,
								variant,
								trailers,
								...(checksum ? { checksum: checksum as ChecksumAlgorithm } : {})
							}
						);
						expect(t.signature).toBe(expected.seed);
						expect(t.encodedLength).toBe(expected.encoded);
						expect(t.chunks.flatMap((c) => (c.signature ? [c.signature] : []))).toEqual(expected.chunkSigs);
						expect(t.trailer?.signature).toBe(expected.trailerSig);
						let framed = '';
						for await (const piece of framedBody(t, body, chunkSize * 2)) framed += Buffer.from(piece).toString('latin1');
						expect(framed).toBe(expected.framed);
						// And the reader takes the framed body back apart: the same data, sizes and signatures.
						const parsed = parseAwsChunkedBody(Buffer.from(framed, 'latin1'));
						expect(parsed.errors).toEqual([]);
						expect(parsed.hasFinalChunk).toBe(true);
						expect(Buffer.concat(parsed.chunks.map((c) => c.data))).toEqual(Buffer.from(body));
						expect(parsed.chunks.map((c) => c.signature)).toEqual(t.chunks.map((c) => c.signature));
						expect(parsed.trailerSignature).toBe(t.trailer?.signature);
					}
				),
				{ ...fcParams(RUNS), examples: [[Uint8Array.from([]), 1, 'signed-trailer', PREFIX_TRAILERS, 'a', undefined]] }
			);
			recordCount('chunked', cases);
		},
		timeoutFor(RUNS)
	);
});
