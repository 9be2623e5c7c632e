// The examples AWS publishes in the S3 API Reference (Signature Version 4, header and query
// authentication) and the General Reference (deriving the signing key). They need no ../shared/.
import { describe, expect, it } from 'vitest';
import { deriveSigningKey, presignUrl, signRequest, type HttpRequest, type SigningParams } from '../../src/lib/sigv4/index.ts';

const S3_PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z'
};
const HOST = 'https://examplebucket.s3.amazonaws.com';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('S3 API Reference: header authentication examples', () => {
	it('GET object with Range', async () => {
		const req: HttpRequest = { method: 'GET', url: `${HOST}/test.txt`, headers: [['Range', 'bytes=0-9']] };
		const t = await signRequest(req, S3_PARAMS);
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
		expect(t.stringToSign).toBe(
			'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972'
		);
		expect(t.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
		expect(t.authorization).toBe(
			'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
		);
	});

	it('PUT object test$file.text', async () => {
		const req: HttpRequest = {
			method: 'PUT',
			url: `${HOST}/test$file.text`,
			headers: [
				['Date', 'Fri, 24 May 2013 00:00:00 GMT'],
				['x-amz-storage-class', 'REDUCED_REDUNDANCY']
			],
			body: 'Welcome to Amazon S3.'
		};
		const t = await signRequest(req, S3_PARAMS);
		const lines = t.canonicalRequest.split('\n');
		expect(lines[1]).toBe('/test%24file.text');
		expect(t.payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
		expect(t.signedHeaders.join(';')).toBe('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class');
		expect(t.stringToSign.split('\n')[3]).toBe('9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d');
		expect(t.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
	});

	it('GET bucket lifecycle (?lifecycle)', async () => {
		const t = await signRequest({ method: 'GET', url: `${HOST}/?lifecycle`, headers: [] }, S3_PARAMS);
		expect(t.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/', 'lifecycle=']);
		expect(t.signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
	});

	it('list objects (?max-keys=2&prefix=J)', async () => {
		const t = await signRequest({ method: 'GET', url: `${HOST}/?max-keys=2&prefix=J`, headers: [] }, S3_PARAMS);
		expect(t.canonicalRequest.split('\n')[2]).toBe('max-keys=2&prefix=J');
		expect(t.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
	});
});

describe('S3 API Reference: query-string (presigned URL) example', () => {
	it('presigned GET with X-Amz-Expires=86400', async () => {
		const t = await presignUrl({ method: 'GET', url: `${HOST}/test.txt`, headers: [] }, { ...S3_PARAMS, expiresIn: 86400 });
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
		expect(t.stringToSign.split('\n')[3]).toBe('3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04');
		expect(t.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
		expect(t.signedUrl).toBe(
			'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
		);
	});
});

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
