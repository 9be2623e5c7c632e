// A pasted SigV4a request through the case pipeline (analyze): stages from the SigV4a trace, the
// verdict by verification, no SigV4 (HMAC) claim about it, and no region asked for.
import { describe, expect, it } from 'vitest';
import { analyze, exampleCase, importPaste } from '../../../src/lib/case/index.ts';
import { formatHttpRequest, signRequestV4a, presignUrlV4a, type HttpRequest } from '../../../src/lib/sigv4/index.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const PARAMS = {
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
	service: 'service',
	datetime: '20150830T123600Z',
	regionSet: ['*']
};
const NOW = '2015-08-30T12:36:00Z';
// A host that names no region: nothing but the region set says where the request may go.
const GET: HttpRequest = { method: 'GET', url: 'https://api.example.com/items', headers: [] };

async function analyzed(pasted: string, secret = SECRET) {
	const { case: imported } = importPaste(exampleCase(), pasted);
	return analyze({ ...imported, service: 'service', secretAccessKey: secret }, { now: NOW, forensics: 'pairs' });
}

describe('a pasted SigV4a request', () => {
	it('header mode: the SigV4a stages, the public key, and a correct verdict', async () => {
		const t = await signRequestV4a(GET, PARAMS);
		const a = await analyzed(formatHttpRequest(t.request));
		expect(a.error).toBeUndefined();
		expect(a.traceV4a?.canonicalRequest).toBe(t.canonicalRequest);
		expect(a.paramsV4a?.regionSet).toEqual(['*']);
		expect(a.view?.stringToSign).toBe(t.stringToSign);
		expect(a.view?.signingKey).toContain(t.publicKey.x);
		expect(a.findings).toEqual([]);
		expect(a.verdict?.kind).toBe('correct');
	});
	it('query mode: a presigned URL alone', async () => {
		const t = await presignUrlV4a(GET, PARAMS);
		const a = await analyzed(t.signedUrl!);
		expect(a.traceV4a?.mode).toBe('query');
		expect(a.findings).toEqual([]);
		expect(a.verdict?.kind).toBe('correct');
	});
	it('another secret: judged by verification, never as a SigV4 signature mismatch', async () => {
		const t = await signRequestV4a(GET, PARAMS);
		const a = await analyzed(formatHttpRequest(t.request), 'another secret');
		const codes = a.findings.map((f) => f.code);
		expect(codes).toEqual(['sigv4a-signature-invalid']);
		expect(a.forensics).toBeUndefined();
		expect(a.verdict?.kind).not.toBe('correct');
	});
	it('without the secret: the stages that need it wait, and nothing is said about the signature', async () => {
		const t = await signRequestV4a(GET, PARAMS);
		const a = await analyzed(formatHttpRequest(t.request), '');
		expect(a.view?.signature).toMatch(/secret access key/);
		expect(a.findings).toEqual([]);
	});
});
