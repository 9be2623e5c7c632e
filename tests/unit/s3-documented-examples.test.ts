// The examples AWS publishes in the S3 API Reference (Signature Version 4, header and query
// authentication; their values and sources in ../helpers/s3-documented.ts) and the General
// Reference (deriving the signing key). They need no ../shared/.
import { describe, expect, it } from 'vitest';
import { deriveSigningKey, presignUrl, signRequest } from '../../src/lib/sigv4/index.ts';
import { EMPTY_BODY_SHA256 as EMPTY, S3_DOC, S3_DOC_PUT_PAYLOAD_HASH } from '../helpers/s3-documented.ts';

describe('S3 API Reference: header authentication examples', () => {
	it('GET object with Range', async () => {
		const { request, params, canonicalRequestHash, signature } = S3_DOC.getObject;
		const t = await signRequest(request, params);
		expect(t.canonicalRequest).toBe(
			[
				'GET',
				'/test.txt',
				'',
				'host:examplebucket.s3.amazonaws.com',
				'range:bytes=0-9',
				`x-amz-content-sha256:${EMPTY}`,
				'x-amz-date:20130524T000000Z',
				'',
				'host;range;x-amz-content-sha256;x-amz-date',
				EMPTY
			].join('\n')
		);
		expect(t.stringToSign).toBe(`AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n${canonicalRequestHash}`);
		expect(t.signature).toBe(signature);
		expect(t.authorization).toBe(
			`AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=${signature}`
		);
	});

	it('PUT object test$file.text', async () => {
		const { request, params, canonicalRequestHash, signature } = S3_DOC.putObject;
		const t = await signRequest(request, params);
		const lines = t.canonicalRequest.split('\n');
		expect(lines[1]).toBe('/test%24file.text');
		expect(t.payloadHash).toBe(S3_DOC_PUT_PAYLOAD_HASH);
		expect(t.signedHeaders.join(';')).toBe('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class');
		expect(t.stringToSign.split('\n')[3]).toBe(canonicalRequestHash);
		expect(t.signature).toBe(signature);
	});

	it('GET bucket lifecycle (?lifecycle)', async () => {
		const { request, params, canonicalRequestHash, signature } = S3_DOC.getLifecycle;
		const t = await signRequest(request, params);
		expect(t.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/', 'lifecycle=']);
		expect(t.canonicalRequestHash).toBe(canonicalRequestHash);
		expect(t.signature).toBe(signature);
	});

	it('list objects (?max-keys=2&prefix=J)', async () => {
		const { request, params, canonicalRequestHash, signature } = S3_DOC.listObjects;
		const t = await signRequest(request, params);
		expect(t.canonicalRequest.split('\n')[2]).toBe('max-keys=2&prefix=J');
		expect(t.canonicalRequestHash).toBe(canonicalRequestHash);
		expect(t.signature).toBe(signature);
	});
});

describe('S3 API Reference: query-string (presigned URL) example', () => {
	it('presigned GET with X-Amz-Expires=86400', async () => {
		const { request, params, canonicalRequestHash, signature } = S3_DOC.presignedGet;
		const t = await presignUrl(request, params);
		expect(t.canonicalRequest).toBe(
			[
				'GET',
				'/test.txt',
				'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host',
				'host:examplebucket.s3.amazonaws.com',
				'',
				'host',
				'UNSIGNED-PAYLOAD'
			].join('\n')
		);
		expect(t.stringToSign.split('\n')[3]).toBe(canonicalRequestHash);
		expect(t.signature).toBe(signature);
		expect(t.signedUrl).toBe(
			`https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400&X-Amz-Signature=${signature}`
		);
	});
});

// AWS General Reference, "Examples of how to derive a signing key for Signature Version 4" (the IAM
// example, secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY): the four keys are the page's.
describe('General Reference: deriving the signing key (IAM example)', () => {
	it('reproduces kDate, kRegion, kService and kSigning', async () => {
		const chain = await deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam');
		expect(chain).toEqual({
			date: '20120215',
			region: 'us-east-1',
			service: 'iam',
			kDate: '969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d',
			kRegion: '69daa0209cd9c5ff5c8ced464a696fd4252e981430b10e3d3fd8e2f197d7a70c',
			kService: 'f72cfd46f26bc4643f06a11eabb6c0ba18780c19a8da0c31ace671265e3c87fa',
			kSigning: 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d'
		});
	});
});
