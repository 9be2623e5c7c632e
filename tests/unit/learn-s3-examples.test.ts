// The walk-through on the examples the S3 API Reference publishes (header and query auth), and the
// page's default example step by step. They need no ../shared/.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, DEFAULT_REQUEST_TEXT, DEFAULT_SIGNATURE } from '../../src/lib/case/examples.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { S3_DOC, S3_DOC_PUT_PAYLOAD_HASH, type S3DocExample } from '../helpers/s3-documented.ts';
import { TAIL_IDS, walk } from './learn-invariants.ts';

const walkOf = (e: S3DocExample) => walk(e.request, e.params, e.mode);

const output = (steps: { id: string; output: string }[], id: string) => steps.find((s) => s.id === id)?.output;

describe('learn: S3 API Reference examples', () => {
	it('GET object with Range (header)', async () => {
		const steps = await walkOf(S3_DOC.getObject);
		expect(output(steps, 'signature')).toBe(S3_DOC.getObject.signature);
	});

	it('PUT object test$file.text (header): "$" encoded once, the body hashed', async () => {
		const steps = await walkOf(S3_DOC.putObject);
		expect(output(steps, 'uri-segment-1')).toBe('test%24file.text');
		const payload = steps.find((s) => s.id === 'payload-hash')!;
		expect(payload.output).toBe(S3_DOC_PUT_PAYLOAD_HASH);
		expect(payload.reads).toBe('Welcome to Amazon S3.');
		expect(output(steps, 'signature')).toBe(S3_DOC.putObject.signature);
	});

	it('GET bucket lifecycle (?lifecycle, header): a key without "=" is signed as "lifecycle="', async () => {
		const steps = await walkOf(S3_DOC.getLifecycle);
		const param = steps.find((s) => s.id === 'query-param-1')!;
		expect(param.output).toBe('lifecycle=');
		expect(param.mistakes).toContain('query-missing-equals');
		expect(output(steps, 'signature')).toBe(S3_DOC.getLifecycle.signature);
	});

	it('list objects (?max-keys=2&prefix=J, header)', async () => {
		const steps = await walkOf(S3_DOC.listObjects);
		expect(output(steps, 'query-sort')).toBe('max-keys=2&prefix=J');
		expect(output(steps, 'signature')).toBe(S3_DOC.listObjects.signature);
	});

	it('presigned GET with X-Amz-Expires=86400 (query)', async () => {
		const { signature } = S3_DOC.presignedGet;
		const steps = await walkOf(S3_DOC.presignedGet);
		expect(output(steps, 'presign-credential')).toBe('X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request');
		expect(output(steps, 'presign-expires')).toBe('X-Amz-Expires=86400');
		expect(output(steps, 'payload-hash')).toBe('UNSIGNED-PAYLOAD');
		expect(output(steps, 'signature')).toBe(signature);
		expect(output(steps, 'placement')).toBe(
			'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
				'&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400' +
				`&X-Amz-Signature=${signature}`
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
			...TAIL_IDS
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
