// OpenStack Swift + s3api: its SignatureDoesNotMatch body carries the server's canonical request and
// string to sign, like AWS's, so the error pasted into our importer must lead to the right finding.
import { describe, expect, it } from 'vitest';
import { diagnose, type Evidence } from '../../src/lib/diagnose/index.ts';
import { importText } from '../../src/lib/parse/index.ts';
import type { SigningTrace } from '../../src/lib/sigv4/index.ts';
import { amzDate, paramsFor, presign, send, sign, wirePath, withHeader, type Peer } from './peer.ts';
import { s3Suite, unsortedAuthorization } from './suite.ts';

const { peer, bucket } = s3Suite('swift-s3api');

function evidence(
	p: Peer,
	trace: SigningTrace,
	sent: SigningTrace['request'],
	serverBody: string,
	extra: Partial<Evidence> = {}
): Evidence {
	const imported = importText(serverBody);
	expect(imported.server?.code, serverBody).toBeDefined();
	const auth = sent.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
	return {
		request: { method: sent.method, url: sent.url, headers: sent.headers, ...(sent.body !== undefined ? { body: sent.body } : {}) },
		params: paramsFor(p, { datetime: trace.datetime }),
		mode: trace.mode,
		provided: {
			signature: trace.signature,
			...(auth ? { authorization: auth } : {}),
			...(trace.signedUrl ? { signedUrl: trace.signedUrl } : {})
		},
		server: imported.server!,
		...extra
	};
}

const codes = async (e: Evidence) => (await diagnose(e)).filter((f) => f.severity === 'error').map((f) => f.code);

describe('swift-s3api: its error body, pasted into the importer, gives the right finding', () => {
	it('SignatureDoesNotMatch after a wrong secret: wrong-secret-key', async () => {
		const t = await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'hashed.txt'), secret: 'wrong-secret' });
		const r = await send(t.request);
		expect(r.code).toBe('SignatureDoesNotMatch');
		const imported = importText(r.body);
		expect(imported.server?.canonicalRequest).toBe(t.canonicalRequest);
		expect(imported.server?.stringToSign).toBe(t.stringToSign);
		expect(await codes(evidence(peer(), t, t.request, r.body))).toContain('wrong-secret-key');
	});

	it('SignatureDoesNotMatch after a signed header changed: header-added-after-signing', async () => {
		const t = await sign(peer(), {
			method: 'PUT',
			path: wirePath(bucket(), 'changed.txt'),
			body: 'x',
			headers: [['x-amz-meta-note', 'before']]
		});
		const sent = { ...t.request, headers: withHeader(t.request.headers, 'x-amz-meta-note', 'after') };
		const r = await send(sent);
		expect(r.code).toBe('SignatureDoesNotMatch');
		expect(importText(r.body).server?.canonicalRequest).toContain('x-amz-meta-note:after');
		expect(
			await codes(evidence(peer(), t, sent, r.body, { provided: { canonicalRequest: t.canonicalRequest, signature: t.signature } }))
		).toContain('header-added-after-signing');
	});

	it('SignatureDoesNotMatch after unsorted canonical headers: headers-not-sorted', async () => {
		const t = await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'hashed.txt'), headers: [['x-amz-meta-order', '1']] });
		const { authorization, canonicalRequest } = await unsortedAuthorization(peer(), t);
		const sent = { ...t.request, headers: withHeader(t.request.headers, 'Authorization', authorization) };
		const r = await send(sent);
		expect(r.code).toBe('SignatureDoesNotMatch');
		const e = evidence(peer(), t, sent, r.body, { provided: { canonicalRequest, authorization } });
		expect(await codes(e)).toContain('headers-not-sorted');
	});

	it('AccessDenied HeadersNotSigned: x-amz-header-not-signed', async () => {
		const t = await sign(peer(), { method: 'PUT', path: wirePath(bucket(), 'late-header.txt'), body: 'x' });
		const sent = { ...t.request, headers: [...t.request.headers, ['x-amz-meta-late', 'added'] as [string, string]] };
		const r = await send(sent);
		expect(r.code).toBe('AccessDenied');
		expect(importText(r.body).server?.fields?.HeadersNotSigned).toBe('x-amz-meta-late');
		expect(await codes(evidence(peer(), t, sent, r.body))).toContain('x-amz-header-not-signed');
	});

	it('AccessDenied for an expired presigned URL: presign-expired', async () => {
		const t = await presign(peer(), {
			method: 'GET',
			path: wirePath(bucket(), 'hashed.txt'),
			datetime: amzDate(-2 * 3600_000),
			expiresIn: 60
		});
		const r = await send(t.request);
		expect(r.code).toBe('AccessDenied');
		expect(await codes(evidence(peer(), t, t.request, r.body, { now: new Date() }))).toContain('presign-expired');
	});
});
