// diagnose(evidence, trace): the caller's trace is the correct one, and diagnose does not sign again.
// (Every scenario of diagnose-codes and diagnose-scenarios also runs with the trace: diagnoseScenario.)
import { describe, expect, it } from 'vitest';
import { diagnose, referenceInputs } from '../../src/lib/diagnose/index.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { NOW, params, request, s3Params, sign } from './diagnose-helpers.ts';

const GET = request('GET', 'https://example.amazonaws.com/?Param1=value1', [['Host', 'example.amazonaws.com']]);
const USER_SIGNATURE = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

function evidence(): Evidence {
	return { request: GET, params: params(), mode: 'header', provided: { signature: USER_SIGNATURE }, now: NOW };
}

describe('diagnose with the caller’s trace', () => {
	it('compares with the trace it is given, not one it signs itself', async () => {
		const e = evidence();
		const inputs = referenceInputs(e);
		const trace = await sign(inputs.request, inputs.params);
		expect((await diagnose(e, trace)).map((f) => f.code)).toContain('signature-mismatch');
		// A trace whose signature is the user's: were diagnose to sign again, it would still see the mismatch.
		const altered = { ...trace, signature: USER_SIGNATURE };
		expect((await diagnose(e, altered)).map((f) => f.code)).not.toContain('signature-mismatch');
	});

	it('signs the user’s own SignedHeaders choice, the Content-Length their client adds, and their URL’s expiry', () => {
		const put = request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['Content-Type', 'text/plain']], 'hello');
		const header: Evidence = {
			request: put,
			params: s3Params(),
			mode: 'header',
			provided: {
				authorization:
					'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-length;host;x-amz-content-sha256;x-amz-date, Signature=00'
			}
		};
		const h = referenceInputs(header);
		// Content-Type is sent but not signed: a valid choice, kept.
		expect(h.params.signedHeaders).toEqual(['host', 'x-amz-date', 'x-amz-content-sha256']);
		expect(h.request.headers).toContainEqual(['Content-Length', '5']);

		const query: Evidence = {
			request: request(
				'GET',
				'https://examplebucket.s3.amazonaws.com/a.txt?X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=600'
			),
			params: s3Params(),
			mode: 'query'
		};
		expect(referenceInputs(query).params.expiresIn).toBe(600);
	});

	it('leaves the evidence as it is', () => {
		const e = evidence();
		const before = structuredClone(e);
		referenceInputs(e);
		expect(e).toEqual(before);
	});
});
