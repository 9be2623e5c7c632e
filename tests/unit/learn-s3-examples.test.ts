// The walk-through on the examples the S3 API Reference publishes (header and query auth), and the
// page's default example step by step. They need no ../shared/.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, DEFAULT_REQUEST_TEXT, DEFAULT_SIGNATURE } from '../../src/lib/examples.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import type { HttpRequest, SigningParams } from '../../src/lib/sigv4/index.ts';
import { walk } from './learn-invariants.ts';

const S3_PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z'
};
const HOST = 'https://examplebucket.s3.amazonaws.com';

const output = (steps: { id: string; output: string }[], id: string) => steps.find((s) => s.id === id)?.output;

describe('learn: S3 API Reference examples', () => {
	it('GET object with Range (header)', async () => {
		const steps = await walk({ method: 'GET', url: `${HOST}/test.txt`, headers: [['Range', 'bytes=0-9']] }, S3_PARAMS, 'header');
		expect(output(steps, 'signature')).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
	});

	it('PUT object test$file.text (header): "$" encoded once, the body hashed', async () => {
		const req: HttpRequest = {
			method: 'PUT',
			url: `${HOST}/test$file.text`,
			headers: [
				['Date', 'Fri, 24 May 2013 00:00:00 GMT'],
				['x-amz-storage-class', 'REDUCED_REDUNDANCY']
			],
			body: 'Welcome to Amazon S3.'
		};
		const steps = await walk(req, S3_PARAMS, 'header');
		expect(output(steps, 'uri-segment-1')).toBe('test%24file.text');
		const payload = steps.find((s) => s.id === 'payload-hash')!;
		expect(payload.output).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
		expect(payload.reads).toBe('Welcome to Amazon S3.');
		expect(output(steps, 'signature')).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
	});

	it('GET bucket lifecycle (?lifecycle, header): a key without "=" is signed as "lifecycle="', async () => {
		const steps = await walk({ method: 'GET', url: `${HOST}/?lifecycle`, headers: [] }, S3_PARAMS, 'header');
		const param = steps.find((s) => s.id === 'query-param-1')!;
		expect(param.output).toBe('lifecycle=');
		expect(param.mistakes).toContain('query-missing-equals');
		expect(output(steps, 'signature')).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
	});

	it('list objects (?max-keys=2&prefix=J, header)', async () => {
		const steps = await walk({ method: 'GET', url: `${HOST}/?max-keys=2&prefix=J`, headers: [] }, S3_PARAMS, 'header');
		expect(output(steps, 'query-sort')).toBe('max-keys=2&prefix=J');
		expect(output(steps, 'signature')).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
	});

	it('presigned GET with X-Amz-Expires=86400 (query)', async () => {
		const steps = await walk({ method: 'GET', url: `${HOST}/test.txt`, headers: [] }, { ...S3_PARAMS, expiresIn: 86400 }, 'query');
		expect(output(steps, 'presign-credential')).toBe('X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request');
		expect(output(steps, 'presign-expires')).toBe('X-Amz-Expires=86400');
		expect(output(steps, 'payload-hash')).toBe('UNSIGNED-PAYLOAD');
		expect(output(steps, 'signature')).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
		expect(output(steps, 'placement')).toBe(
			'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
				'&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400' +
				'&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
		);
	});
});

describe("learn: the page's default example", () => {
	const request = parseRawHttp(DEFAULT_REQUEST_TEXT).request!;

	it('header mode: every step, in order', async () => {
		const steps = await walk(request, DEFAULT_PARAMS, 'header');
		expect(steps.map((s) => s.id)).toEqual([
			'method',
			'uri-segment-1',
			'canonical-uri',
			'query-sort',
			'header-host',
			'header-range',
			'header-x-amz-date',
			'header-x-amz-content-sha256',
			'canonical-headers',
			'signed-headers',
			'payload-hash',
			'canonical-request',
			'canonical-request-hash',
			'sts-algorithm',
			'sts-datetime',
			'sts-scope',
			'sts-hash',
			'k-date',
			'k-region',
			'k-service',
			'k-signing',
			'signature',
			'placement'
		]);
		expect(output(steps, 'signature')).toBe(DEFAULT_SIGNATURE);
		// Headers the signer adds say so; S3 explains its own rules.
		expect(steps.find((s) => s.id === 'header-x-amz-date')!.explanation).toMatch(/signer adds X-Amz-Date/);
		expect(steps.find((s) => s.id === 'header-x-amz-content-sha256')!.explanation).toMatch(/S3 requires x-amz-content-sha256/);
		expect(steps.find((s) => s.id === 'canonical-uri')!.explanation).toMatch(/S3's rule/);
		expect(steps.find((s) => s.id === 'k-date')!.reads).toBe('key: "AWS4" + secret\ndata: "20130524"');
	});

	it('query mode: the X-Amz-* parameters are steps of their own, the payload is UNSIGNED-PAYLOAD', async () => {
		const steps = await walk(request, DEFAULT_PARAMS, 'query');
		expect(steps.map((s) => s.id).slice(0, 10)).toEqual([
			'method',
			'uri-segment-1',
			'canonical-uri',
			'presign-algorithm',
			'presign-credential',
			'presign-date',
			'presign-signed-headers',
			'presign-expires',
			'query-sort',
			'header-host'
		]);
		expect(steps.find((s) => s.id === 'payload-hash')!.explanation).toMatch(/UNSIGNED-PAYLOAD/);
		expect(steps.find((s) => s.id === 'header-range')!.explanation).toMatch(/whoever uses the URL must send it/);
		expect(steps.find((s) => s.id === 'placement')!.title).toBe('Presigned URL');
	});

	it('the same request gives the same ids (they go into share links)', async () => {
		const a = await walk(request, DEFAULT_PARAMS, 'header');
		const b = await walk(request, DEFAULT_PARAMS, 'header');
		expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id));
	});
});
