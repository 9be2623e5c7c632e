// Raw HTTP requests, presigned URLs and Authorization headers pasted on their own.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import {
	AUTHORIZATION_HEADER,
	HEADER_BLOCK,
	PRESIGNED_URL,
	RAW_HTTP,
	RAW_HTTP_POST_CRLF,
	RAW_HTTP_PRESIGNED,
	SIGV2_PARAMS,
	SIGV2_REQUEST,
	SIGV2_URL
} from './parse-samples.ts';

describe('raw HTTP request', () => {
	it('reads the S3 GET Object example: request, scope, time, signed headers, signature', () => {
		const r = imported(RAW_HTTP, 'raw-http');
		expect(r.errors).toEqual([]);
		expect(r.mode).toBe('header');
		expect(r.request?.method).toBe('GET');
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
		expect(r.request?.headers.map(([n]) => n)).toEqual(['Host', 'Range', 'x-amz-content-sha256', 'x-amz-date', 'Authorization']);
		expect(r.params).toMatchObject({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			region: 'us-east-1',
			service: 's3',
			datetime: '20130524T000000Z',
			signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date']
		});
		expect(r.provided?.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
		expect(r.provided?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20130524/);
	});

	it('reads a full URL in the request line, CRLF line ends, a session token and a form body', () => {
		const r = imported(RAW_HTTP_POST_CRLF, 'raw-http');
		expect(r.errors).toEqual([]);
		expect(r.request?.url).toBe('https://sns.eu-west-1.amazonaws.com/');
		expect(r.request?.body).toBe('Action=CreateTopic&Name=orders&Version=2010-03-31');
		expect(r.params).toMatchObject({
			region: 'eu-west-1',
			service: 'sns',
			sessionToken: 'IQoJb3JpZ2luX2VjEHcaCWV1LXdlc3QtMSJHMEUCIQD',
			datetime: '20240110T081500Z'
		});
		expect(r.sigv2Fields).toBeUndefined();
	});

	it('reads a presigned request: query mode, expiry, signed headers', () => {
		const r = imported(RAW_HTTP_PRESIGNED, 'raw-http');
		expect(r.mode).toBe('query');
		expect(r.params).toMatchObject({
			expiresIn: 86400,
			signedHeaders: ['host'],
			datetime: '20130524T000000Z',
			region: 'us-east-1',
			service: 's3'
		});
		expect(r.provided?.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
		expect(r.provided?.signedUrl).toBe(PRESIGNED_URL);
	});

	it('takes the time from the Date header when there is no X-Amz-Date, and says so', () => {
		const r = importText(
			'GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\nHost: iam.amazonaws.com\nDate: Sun, 30 Aug 2015 12:36:00 GMT\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=date;host, Signature=0000000000000000000000000000000000000000000000000000000000000000\n'
		);
		expect(r.params?.datetime).toBe('20150830T123600Z');
		expect(r.notes.join(' ')).toMatch(/Date header/);
	});

	it('keeps what it can read when a header line is broken, and points at the line', () => {
		const r = importText(
			'PUT /a.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-date 20240101T000000Z\nContent-Type: text/plain\n\nhello'
		);
		expect(r.kind).toBe('raw-http');
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ line: 3 });
		expect(r.errors[0]!.message).toMatch(/not a header/);
		expect(r.errors[0]!.fix).toBeTruthy();
		expect(r.request?.headers.map(([n]) => n)).toEqual(['Host', 'Content-Type']);
		expect(r.request?.body).toBe('hello');
	});

	it('reports a path without Host at the path', () => {
		const r = importText('GET /photos/a.jpg HTTP/1.1\nAccept: */*\n');
		expect(r.request).toBeUndefined();
		expect(r.errors[0]).toMatchObject({ line: 1, column: 5 });
		expect(r.errors[0]!.message).toMatch(/no Host header/);
	});

	it('names a malformed Authorization header at its line', () => {
		const r = importText(
			'GET / HTTP/1.1\nHost: sts.amazonaws.com\nX-Amz-Date: 20240101T000000Z\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date\n'
		);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]!.line).toBe(4);
		expect(r.errors[0]!.message).toMatch(/no Signature component/);
		expect(r.params?.signedHeaders).toEqual(['host', 'x-amz-date']);
	});

	it('spots a space inside the access key id', () => {
		const r = importText(
			'GET / HTTP/1.1\nHost: cloudformation.us-east-1.amazonaws.com\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20240101/us-east-1/cloudformation/aws4_request, SignedHeaders=host, Signature=00\n'
		);
		expect(r.errors.map((e) => e.message).join(' ')).toMatch(/space inside the access key id/);
		expect(r.errors.every((e) => e.line === 3)).toBe(true);
	});
});

describe('presigned URL', () => {
	it('reads the S3 documentation example', () => {
		const r = imported(PRESIGNED_URL, 'presigned-url');
		expect(r.errors).toEqual([]);
		expect(r.mode).toBe('query');
		expect(r.request).toEqual({ method: 'GET', url: PRESIGNED_URL, headers: [] });
		expect(r.params).toEqual({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			region: 'us-east-1',
			service: 's3',
			datetime: '20130524T000000Z',
			expiresIn: 86400,
			signedHeaders: ['host']
		});
		expect(r.provided).toEqual({ signedUrl: PRESIGNED_URL, signature: 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404' });
	});

	it('accepts the URL in quotes or angle brackets, with blank lines around', () => {
		for (const wrapped of [`"${PRESIGNED_URL}"`, `'${PRESIGNED_URL}'`, `<${PRESIGNED_URL}>`, `\n\n  ${PRESIGNED_URL}  \n`]) {
			const r = imported(wrapped, 'presigned-url');
			expect(r.request?.url).toBe(PRESIGNED_URL);
		}
	});

	it('reads the session token and names the missing parameters', () => {
		const url = PRESIGNED_URL.replace('&X-Amz-Expires=86400', '') + '&X-Amz-Security-Token=FwoGZXIvYXdzEJr%2F%2F%2F';
		const r = importText(url);
		expect(r.params?.sessionToken).toBe('FwoGZXIvYXdzEJr///');
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ line: 1, column: 1 });
		expect(r.errors[0]!.message).toMatch(/no X-Amz-Expires/);
	});

	it('imports a URL without a signature as a request to sign', () => {
		const r = imported('https://sns.us-east-1.amazonaws.com/?Action=ListTopics&Version=2010-03-31', 'presigned-url');
		expect(r.errors).toEqual([]);
		expect(r.mode).toBeUndefined();
		expect(r.request?.url).toBe('https://sns.us-east-1.amazonaws.com/?Action=ListTopics&Version=2010-03-31');
		expect(r.notes.join(' ')).toMatch(/no X-Amz-Signature/);
	});
});

describe('Authorization header alone', () => {
	it('reads the IAM example header', () => {
		const r = imported(AUTHORIZATION_HEADER, 'authorization-header');
		expect(r.errors).toEqual([]);
		expect(r.request).toBeUndefined();
		expect(r.mode).toBe('header');
		expect(r.params).toEqual({
			accessKeyId: 'AKIDEXAMPLE',
			region: 'us-east-1',
			service: 'iam',
			signedHeaders: ['content-type', 'host', 'x-amz-date']
		});
		expect(r.provided?.signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
	});

	it('reads the bare value too', () => {
		const r = imported(AUTHORIZATION_HEADER.replace('Authorization: ', ''), 'authorization-header');
		expect(r.params?.service).toBe('iam');
	});

	it('reads X-Amz-Date from a block of headers', () => {
		const r = imported(HEADER_BLOCK, 'authorization-header');
		expect(r.params?.datetime).toBe('20150830T123600Z');
	});

	it('reads a SigV4a header (no region in the scope)', () => {
		const r = importText(
			'Authorization: AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20150830/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045022100'
		);
		expect(r.params?.service).toBe('service');
		expect(r.params?.region).toBeUndefined();
		expect(r.notes.join(' ')).toMatch(/SigV4a/);
	});
});

describe('Signature Version 2', () => {
	it('recognises an "AWS AKID:signature" request and keeps the field', () => {
		const r = imported(SIGV2_REQUEST, 'sigv2-request');
		expect(r.request?.method).toBe('PUT');
		expect(r.params?.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
		expect(r.sigv2Fields).toEqual([['Authorization', 'AWS AKIAIOSFODNN7EXAMPLE:MyyxeRY7whkBe+bq8fHCL/2kKUg=']]);
		expect(r.notes.join(' ')).toMatch(/Signature Version 2/);
	});

	it('recognises a SigV2 query-string URL', () => {
		const r = imported(SIGV2_URL, 'sigv2-request');
		expect(r.sigv2Fields).toEqual([
			['AWSAccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
			['Expires', '1175139620'],
			['Signature', 'NpgCjnDzrM+WFzoENXmpNDUsSn8=']
		]);
	});

	it('recognises query-API parameters with SigV2 names (seed 002)', () => {
		const r = imported(SIGV2_PARAMS, 'sigv2-request');
		expect(r.sigv2Fields?.map(([n]) => n)).toEqual(['SignatureMethod', 'AWSAccessKeyId', 'SignatureVersion', 'Signature']);
		expect(r.params?.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
	});

	it('keeps SigV2 fields that sit next to a SigV4 signature visible', () => {
		const r = imported(`${PRESIGNED_URL}&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=abc%3D`, 'presigned-url');
		expect(r.mode).toBe('query');
		expect(r.sigv2Fields?.map(([n]) => n)).toEqual(['AWSAccessKeyId', 'Signature']);
		expect(r.notes.join(' ')).toMatch(/never both/);
	});
});

describe('request headers copied from DevTools', () => {
	it('reads an HTTP/2 header block (:method, :path, :authority) as a request', () => {
		const r = importText(`:authority: examplebucket.s3.us-west-2.amazonaws.com
:method: PUT
:path: /uploads/report.pdf?x-id=PutObject
:scheme: https
authorization: AWS4-HMAC-SHA256 Credential=ASIAQEXAMPLE7TOKEN/20240605/us-west-2/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=2f1e8d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4
content-type: application/pdf
x-amz-content-sha256: UNSIGNED-PAYLOAD
x-amz-date: 20240605T091530Z
x-amz-server-side-encryption: AES256`);
		expect(r.kind).toBe('raw-http');
		expect(r.errors).toEqual([]);
		expect(r.request?.method).toBe('PUT');
		expect(r.request?.url).toBe('https://examplebucket.s3.us-west-2.amazonaws.com/uploads/report.pdf?x-id=PutObject');
		expect(r.request?.headers.map(([n]) => n)).toEqual([
			'authorization',
			'content-type',
			'x-amz-content-sha256',
			'x-amz-date',
			'x-amz-server-side-encryption'
		]);
		expect(r.params).toMatchObject({ region: 'us-west-2', service: 's3', datetime: '20240605T091530Z' });
	});
});
