// Browser POST policy and server-side encryption findings (issue 6): one case per code, and the
// correct form and SSE-C presigned URL that must yield no error.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import { presignUrl, sseHeaders } from '../../src/lib/sigv4/index.ts';
import { expectConsistent, findingOf, NOW, request, s3Params } from './diagnose-helpers.ts';
import { POST_SSE_CASES, postEvidence, postTrace, SSE_C_KEY } from './diagnose-post-sse-cases.ts';

describe('diagnose names POST policy and SSE mistakes', () => {
	for (const c of POST_SSE_CASES) {
		it(`${c.code}: ${c.name}`, async () => {
			const findings = await diagnose(await c.evidence());
			expectConsistent(findings);
			const f = findingOf(findings, c.code);
			expect(f.stage).toBe(c.stage);
			expect(f.line).toBe(c.line);
			expect(f.severity).toBe(c.severity ?? 'error');
			if (c.confirmed) expect(f.confirmed).toBe(true);
			if (c.message) expect(f.message).toMatch(c.message);
			expect(f.fix.length).toBeGreaterThan(10);
		});
	}
});

describe('correct evidence yields no error', () => {
	const errors = (findings: Awaited<ReturnType<typeof diagnose>>) => findings.filter((f) => f.severity === 'error');

	it('a POST form made by signPostPolicy, with its signature given separately too', async () => {
		const t = await postTrace();
		expect(errors(await diagnose(postEvidence(t.fields)))).toEqual([]);
		const provided = { signature: t.signature, stringToSign: t.stringToSign };
		expect(errors(await diagnose(postEvidence([...t.fields, ['x-ignore-note', 'x']], { provided })))).toEqual([]);
	});

	// Issue 11: a form pasted for study may be old on purpose; without "now" its expiry is not judged (it was a warning).
	it('an expired policy is not named when no time to check against is given', async () => {
		const t = await postTrace();
		const findings = await diagnose(postEvidence(t.fields, { params: s3Params(), now: undefined }));
		expect(findings.find((f) => f.code === 'post-policy-expired')).toBeUndefined();
		expect(errors(findings)).toEqual([]);
	});

	it('a policy field that is not base64 JSON yields no POST finding and no exception', async () => {
		for (const policy of ['', 'eyJ9', '!!!', Buffer.from('[1]').toString('base64')]) {
			const findings = await diagnose(
				postEvidence([
					['policy', policy],
					['x-amz-signature', 'ab']
				])
			);
			expect(findings.filter((f) => f.code.startsWith('post-'))).toEqual([]);
		}
	});

	it('an SSE-C presigned URL: headers signed and sent, nothing of the key in the URL', async () => {
		const headers = sseHeaders({ type: 'SSE-C', key: SSE_C_KEY });
		const t = await presignUrl(request('GET', 'https://examplebucket.s3.amazonaws.com/photos/a.jpg', headers), s3Params());
		// Named in X-Amz-SignedHeaders, never a parameter of its own.
		expect([...new URL(t.signedUrl!).searchParams.keys()].filter((k) => /server-side-encryption/i.test(k))).toEqual([]);
		const findings = await diagnose({
			request: request('GET', t.signedUrl!, headers),
			params: s3Params(),
			mode: 'query',
			now: NOW,
			provided: { signedUrl: t.signedUrl! }
		});
		expect(errors(findings)).toEqual([]);
	});
});
