// SigV4a diagnosis (issue 15): one finding per SigV4a code, correct requests stay silent, and no
// SigV4 comparison (HMAC signature, regional scope) is made of a SigV4a request.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import type { Finding } from '../../src/lib/diagnose/types.ts';
import { parseSignedUrl, regionSetOf } from '../../src/lib/parse/index.ts';
import { presignUrlV4a, signRequestV4a } from '../../src/lib/sigv4/index.ts';
import { expectConsistent, findingOf } from './diagnose-helpers.ts';
import { evidenceOf, signText, V4A_CASES, V4A_GET, V4A_PARAMS } from './diagnose-v4a-cases.ts';

const SIGV4_ONLY = ['signature-mismatch', 'wrong-secret-key', 'authorization-malformed', 'scope-region-mismatch', 'algorithm-line-wrong'];
const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('one finding per SigV4a code', () => {
	for (const c of V4A_CASES) {
		it(`${c.code}: ${c.name}`, async () => {
			const findings = await diagnose(await c.evidence());
			expectConsistent(findings);
			const f = findingOf(findings, c.code);
			expect(f.stage).toBe(c.stage);
			expect(f.severity).toBe(c.severity ?? 'error');
			expect(f.message.length).toBeGreaterThan(10);
			expect(f.fix.length).toBeGreaterThan(10);
			expect(codes(findings).filter((code) => SIGV4_ONLY.includes(code))).toEqual([]);
		});
	}
});

describe('correct SigV4a requests stay silent', () => {
	for (const mode of ['header', 'query'] as const) {
		for (const regionSet of [['us-east-1'], ['*'], ['us-*', 'eu-west-1']]) {
			it(`${mode} mode, region set ${regionSet.join(',')}, host in us-east-1`, async () => {
				const p = { ...V4A_PARAMS, regionSet };
				const req = { ...V4A_GET, url: 'https://service.us-east-1.amazonaws.com/a?b=c' };
				const t = mode === 'header' ? await signRequestV4a(req, p) : await presignUrlV4a(req, p);
				expect(await diagnose(evidenceOf(mode === 'header' ? t.request : { ...t.request, url: t.signedUrl! }, mode))).toEqual([]);
			});
		}
	}
	it('with the user canonical request and string to sign', async () => {
		const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
		const evidence = evidenceOf(t.request, 'header');
		evidence.provided = { ...evidence.provided, canonicalRequest: t.canonicalRequest, stringToSign: t.stringToSign };
		expect(await diagnose(evidence)).toEqual([]);
	});
});

describe('the stages are compared as for SigV4, the signature by verification', () => {
	it('a string to sign with the region in its scope, and a signature made over it', async () => {
		const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
		const wrong = t.stringToSign.replace('20150830/service/', '20150830/us-east-1/service/');
		const evidence = evidenceOf(t.request, 'header');
		const sig = signText(wrong);
		evidence.request = {
			...t.request,
			headers: t.request.headers.map(([n, v]) => [n, n === 'Authorization' ? v.replace(/Signature=\w+$/, `Signature=${sig}`) : v])
		};
		evidence.provided = { authorization: evidence.request.headers.find(([n]) => n === 'Authorization')![1], stringToSign: wrong };
		const findings = await diagnose(evidence);
		expect(findingOf(findings, 'sigv4a-scope-has-region')).toMatchObject({ stage: 'string-to-sign', line: 3 });
		// Their signature verifies over their own string: the scope is the mistake, not the key.
		expect(codes(findings)).not.toContain('sigv4a-signature-invalid');
	});
	it('a user canonical request signing another region set is named on its line', async () => {
		const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
		const evidence = evidenceOf(t.request, 'header');
		const cr = t.canonicalRequest.replace('x-amz-region-set:us-east-1\n', 'x-amz-region-set:us-west-2\n');
		evidence.provided = { ...evidence.provided, canonicalRequest: cr };
		const findings = await diagnose(evidence);
		expect(findingOf(findings, 'header-added-after-signing')).toMatchObject({ stage: 'canonical-request', line: 6 });
	});
	it('SigV4 label over a SigV4a (ECDSA) signature and region set: the confusion is named', async () => {
		const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
		const request = {
			...t.request,
			headers: t.request.headers.map(([n, v]): [string, string] => [
				n,
				n === 'Authorization' ? v.replace('AWS4-ECDSA-P256-SHA256', 'AWS4-HMAC-SHA256') : v
			])
		};
		const findings = await diagnose(evidenceOf(request, 'header'));
		expect(findingOf(findings, 'sigv4-sigv4a-confusion').stage).toBe('authorization');
		expect(codes(findings)).not.toContain('signature-mismatch');
	});
	it('a string to sign that starts with AWS4-HMAC-SHA256 under a SigV4a header', async () => {
		const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
		const evidence = evidenceOf(t.request, 'header');
		evidence.provided = { ...evidence.provided, stringToSign: t.stringToSign.replace('AWS4-ECDSA-P256-SHA256', 'AWS4-HMAC-SHA256') };
		expect(findingOf(await diagnose(evidence), 'sigv4-sigv4a-confusion')).toMatchObject({ stage: 'string-to-sign', line: 1 });
	});
});

describe('parsers read SigV4a', () => {
	it('the region set of a presigned URL and of a request', async () => {
		const t = await presignUrlV4a(V4A_GET, { ...V4A_PARAMS, regionSet: ['us-east-1', 'eu-west-1'] });
		expect(parseSignedUrl(t.signedUrl!)).toMatchObject({ algorithm: 'AWS4-ECDSA-P256-SHA256', regionSet: 'us-east-1,eu-west-1' });
		expect(regionSetOf({ ...V4A_GET, url: t.signedUrl! })).toEqual({
			regions: ['us-east-1', 'eu-west-1'],
			text: 'us-east-1,eu-west-1',
			from: 'query'
		});
		expect(regionSetOf({ ...V4A_GET, headers: [['X-Amz-Region-Set', ' * ']] })).toEqual({ regions: ['*'], text: '*', from: 'header' });
		expect(regionSetOf(V4A_GET)).toBeUndefined();
	});
});
