// One case per aws-chunked and flexible-checksum finding code: a captured upload (or a request)
// with exactly that mistake. diagnose-chunked.test.ts runs them; diagnose-codes.test.ts counts
// their codes as covered.
import type { FindingCode } from '../../src/lib/findings/index.ts';
import type { Finding } from '../../src/lib/diagnose/types.ts';
import {
	chunkStringToSign,
	deriveSigningKey,
	framedBody,
	signatureFor,
	signChunkedUpload,
	type ChunkedParams,
	type ChunkedTrace,
	type Header,
	type HttpRequest
} from '../../src/lib/sigv4/index.ts';
import { params, request, s3Params, sign, type Scenario } from './diagnose-helpers.ts';

export const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DATA = new Uint8Array(66560).fill(0x61);
const UPLOAD: HttpRequest = {
	method: 'PUT',
	url: 'https://s3.amazonaws.com/examplebucket/chunkObject.txt',
	headers: [['x-amz-storage-class', 'REDUCED_REDUNDANCY']],
	body: DATA
};
const CHUNKED: ChunkedParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: EXAMPLE_SECRET },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z',
	chunkSize: 65536,
	variant: 'signed'
};
const SCOPE = '20130524/us-east-1/s3/aws4_request';

/** A correct upload as captured: its headers and its framed body. */
export async function captured(over: Partial<ChunkedParams> = {}): Promise<{ trace: ChunkedTrace; headers: Header[]; body: string }> {
	const trace = await signChunkedUpload(UPLOAD, { ...CHUNKED, ...over });
	let body = '';
	for await (const piece of framedBody(trace, DATA)) body += new TextDecoder().decode(piece);
	return { trace, headers: trace.request.headers, body };
}

export async function exampleKey(): Promise<string> {
	return (await deriveSigningKey(EXAMPLE_SECRET, '20130524', 'us-east-1', 's3')).kSigning;
}

export interface ChunkedCase {
	code: FindingCode;
	name: string;
	/** The captured upload with the mistake. */
	upload: () => Promise<{ headers: Header[]; body: string }>;
	severity?: Finding['severity'];
	confirmed?: boolean;
	firstBroken?: number;
}

const sigOf = (body: string, n: number) => [...body.matchAll(/chunk-signature=([0-9a-f]{64})/g)][n]![1]!;

export const CHUNKED_CASES: ChunkedCase[] = [
	{
		code: 'chunk-signature-mismatch',
		name: "a byte of chunk 2's data changed after signing",
		upload: async () => {
			const c = await captured();
			const at = c.body.indexOf('400;chunk-signature=') + 100;
			return { ...c, body: c.body.slice(0, at) + 'b' + c.body.slice(at + 1) };
		},
		firstBroken: 1
	},
	{
		code: 'chunk-previous-signature-wrong',
		name: 'chunk 2 chained to the seed signature, not chunk 1',
		upload: async () => {
			const c = await captured();
			const hash = c.trace.chunks[1]!.dataHash!;
			const wrong = await signatureFor(chunkStringToSign(CHUNKED.datetime, SCOPE, c.trace.signature, hash), await exampleKey());
			return { ...c, body: c.body.replace(sigOf(c.body, 1), wrong) };
		},
		confirmed: true,
		firstBroken: 1
	},
	{
		code: 'chunk-string-to-sign-wrong',
		name: "chunk 1's string to sign without the empty string's hash",
		upload: async () => {
			const c = await captured();
			const sts = `AWS4-HMAC-SHA256-PAYLOAD\n${CHUNKED.datetime}\n${SCOPE}\n${c.trace.signature}\n${c.trace.chunks[0]!.dataHash}`;
			return { ...c, body: c.body.replace(sigOf(c.body, 0), await signatureFor(sts, await exampleKey())) };
		},
		confirmed: true,
		firstBroken: 0
	},
	{
		code: 'chunk-size-mismatch',
		name: 'chunk 2 declares 0x3ff bytes and carries 1024',
		upload: async () => {
			const c = await captured();
			return { ...c, body: c.body.replace('\r\n400;chunk-signature=', '\r\n3ff;chunk-signature=') };
		}
	},
	{
		code: 'chunk-too-small',
		name: 'an upload to S3 in 4 KiB chunks',
		upload: () => captured({ chunkSize: 4096 })
	},
	{
		code: 'chunk-final-missing',
		name: 'the body stops after the last data chunk',
		upload: async () => {
			const c = await captured();
			return { ...c, body: c.body.slice(0, c.body.indexOf('0;chunk-signature=', 66000)) };
		}
	},
	{
		code: 'chunk-signature-missing',
		name: 'chunk 2 framed without its signature in a signed upload',
		upload: async () => {
			const c = await captured();
			return { ...c, body: c.body.replace(`400;chunk-signature=${sigOf(c.body, 1)}`, '400') };
		},
		firstBroken: 1
	},
	{
		code: 'decoded-length-mismatch',
		name: 'x-amz-decoded-content-length counts the framing',
		upload: async () => {
			const c = await captured();
			return { ...c, headers: c.headers.map(([n, v]) => [n, n === 'x-amz-decoded-content-length' ? '66824' : v] as Header) };
		}
	},
	{
		code: 'trailer-signature-mismatch',
		name: 'the trailer chained to the seed signature',
		upload: async () => {
			const c = await captured({ variant: 'signed-trailer', checksum: 'crc32c' });
			const { trailerStringToSign, sha256Hex } = await import('../../src/lib/sigv4/index.ts');
			const sts = trailerStringToSign(CHUNKED.datetime, SCOPE, c.trace.signature, await sha256Hex(c.trace.trailer!.canonicalTrailers));
			return { ...c, body: c.body.replace(c.trace.trailer!.signature!, await signatureFor(sts, await exampleKey())) };
		},
		confirmed: true
	},
	{
		code: 'trailer-signature-missing',
		name: 'signed trailers without x-amz-trailer-signature',
		upload: async () => {
			const c = await captured({ variant: 'signed-trailer', checksum: 'crc32c' });
			return { ...c, body: c.body.replace(`x-amz-trailer-signature:${c.trace.trailer!.signature}\r\n`, '') };
		}
	},
	{
		code: 'trailer-not-declared',
		name: 'x-amz-trailer names crc32, the body sends crc32c',
		upload: async () => {
			const c = await captured({ variant: 'unsigned-trailer', checksum: 'crc32c' });
			return { ...c, headers: c.headers.map(([n, v]) => [n, n === 'x-amz-trailer' ? 'x-amz-checksum-crc32' : v] as Header) };
		}
	}
];

/** The flexible-checksum findings of a request (diagnose), one case each. */
export interface ChecksumCase {
	code: FindingCode;
	name: string;
	scenario: () => Promise<Scenario>;
	severity?: Finding['severity'];
	confirmed?: boolean;
	line?: number;
}

export const PUT_URL = 'https://examplebucket.s3.amazonaws.com/photo.jpg';
const EMPTY_CRC_URL = `${PUT_URL}?x-amz-checksum-crc32=AAAAAA%3D%3D&x-amz-sdk-checksum-algorithm=CRC32`;
const MINIO = 'http://localhost:9000/bucket/file.bin';
const CHUNKED_HEADERS: Header[] = [
	['Content-Encoding', 'aws-chunked'],
	['Transfer-Encoding', 'chunked'],
	['x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
	['x-amz-decoded-content-length', '5'],
	['x-amz-trailer', 'x-amz-checksum-crc32']
];
const withSignedUrl = async (req: HttpRequest, p = s3Params()) => ({ signedUrl: (await sign(req, p, 'query')).signedUrl! });

export const CHECKSUM_CASES: ChecksumCase[] = [
	{
		code: 'presign-empty-body-checksum',
		name: 'a presigned PUT with x-amz-checksum-crc32=AAAAAA== and a 5-byte body',
		scenario: async () => ({
			request: request('PUT', EMPTY_CRC_URL, [], 'hello'),
			params: s3Params(),
			mode: 'query',
			provided: () => withSignedUrl(request('PUT', EMPTY_CRC_URL))
		}),
		line: 1
	},
	{
		code: 'chunked-without-content-length',
		name: 'aws-chunked with Transfer-Encoding: chunked to MinIO; the server answers MissingContentLength',
		scenario: async () => ({
			request: request('PUT', MINIO, CHUNKED_HEADERS),
			params: s3Params(),
			server: () => ({ code: 'MissingContentLength', message: 'You must provide the Content-Length HTTP header.' })
		}),
		confirmed: true,
		line: 3
	},
	{
		code: 'checksum-signed-not-sent',
		name: 'X-Amz-SignedHeaders has x-amz-checksum-sha256; the upload does not send it',
		scenario: async () => {
			const signedWith = request('PUT', PUT_URL, [['x-amz-checksum-sha256', 'LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=']]);
			const url = (await sign(signedWith, s3Params(), 'query')).signedUrl!;
			return { request: request('PUT', url, [], 'hello'), params: s3Params(), mode: 'query', provided: () => ({ signedUrl: url }) };
		}
	},
	{
		code: 'checksum-sent-not-signed',
		name: 'the upload sends x-amz-checksum-crc32 that the presigned URL does not sign',
		scenario: async () => {
			const url = (await sign(request('PUT', PUT_URL), s3Params(), 'query')).signedUrl!;
			return {
				request: request('PUT', url, [['x-amz-checksum-crc32', 'NhCmhg==']], 'hello'),
				params: s3Params(),
				mode: 'query',
				provided: () => ({ signedUrl: url })
			};
		},
		line: 2
	},
	{
		code: 'checksum-header-unsupported',
		name: 'Backblaze B2 answers InvalidArgument "Unsupported header \'x-amz-sdk-checksum-algorithm\'" to an SDK upload',
		scenario: async () => ({
			request: request(
				'PUT',
				'https://s3.eu-central-003.backblazeb2.com/bucket/backup.tar',
				[['x-amz-sdk-checksum-algorithm', 'CRC32']],
				'hello'
			),
			params: { ...s3Params(), region: 'eu-central-003' },
			server: () => ({ code: 'InvalidArgument', message: "Unsupported header 'x-amz-sdk-checksum-algorithm' received for this API call." })
		}),
		confirmed: true,
		line: 2
	},
	{
		code: 'checksum-mismatch',
		name: 'x-amz-checksum-crc32 is the checksum of another body',
		scenario: async () => ({
			request: request('PUT', PUT_URL, [['x-amz-checksum-crc32', 'AAAAAA==']], 'hello'),
			params: s3Params()
		}),
		line: 2
	}
];

export const CHUNKED_CODES: FindingCode[] = [...CHUNKED_CASES, ...CHECKSUM_CASES].map((c) => c.code);
export { params };
