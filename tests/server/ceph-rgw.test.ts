// Ceph RADOS Gateway 16: the judge for header auth, presigned URLs and SSE. Its error bodies carry
// only the code; at debug_rgw=20 its log holds the server's canonical request and string to sign.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnose, type Evidence } from '../../src/lib/diagnose/index.ts';
import { importText } from '../../src/lib/parse/index.ts';
import type { Header } from '../../src/lib/sigv4/index.ts';
import { paramsFor, rgwLogStages, send, sign, wirePath, withHeader } from './peer.ts';
import { s3Suite } from './suite.ts';

// RGW 16 does not check that every x-amz-* header is signed (S3's HeadersNotSigned).
const { peer, bucket } = s3Suite('ceph-rgw', { unsignedAmzHeaderAccepted: true });

const sseKey = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 9);
const ssec = (key: Buffer, md5Of: Buffer = key): Header[] => [
	['x-amz-server-side-encryption-customer-algorithm', 'AES256'],
	['x-amz-server-side-encryption-customer-key', key.toString('base64')],
	['x-amz-server-side-encryption-customer-key-md5', createHash('md5').update(md5Of).digest('base64')]
];

describe('ceph-rgw: server-side encryption headers, signed by our core', () => {
	it('accepts an SSE-C PUT and GET (headers signed), and the object is really encrypted', async () => {
		const body = 'secret contents';
		const put = await sign(peer(), { method: 'PUT', path: wirePath(bucket(), 'sse-c.txt'), body, headers: ssec(sseKey) });
		expect(put.signedHeaders).toContain('x-amz-server-side-encryption-customer-key');
		const r = await send(put.request);
		expect(r.status, r.body).toBe(200);
		expect(r.headers.get('x-amz-server-side-encryption-customer-algorithm')).toBe('AES256');
		const get = await send((await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'sse-c.txt'), headers: ssec(sseKey) })).request);
		expect(get.status, get.body).toBe(200);
		expect(get.body).toBe(body);
	});

	it('rejects an SSE-C GET without the key (400 InvalidArgument on RGW; S3 says InvalidRequest)', async () => {
		const r = await send((await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'sse-c.txt') })).request);
		expect([r.status, r.code]).toEqual([400, 'InvalidArgument']);
	});

	it('rejects an SSE-C GET with another key (400 InvalidArgument on RGW; S3 says AccessDenied)', async () => {
		const r = await send((await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'sse-c.txt'), headers: ssec(otherKey) })).request);
		expect([r.status, r.code]).toEqual([400, 'InvalidArgument']);
	});

	it('rejects an SSE-C PUT whose key MD5 does not match the key (400 InvalidArgument)', async () => {
		const put = await sign(peer(), {
			method: 'PUT',
			path: wirePath(bucket(), 'sse-c-bad.txt'),
			body: 'x',
			headers: ssec(sseKey, otherKey)
		});
		const r = await send(put.request);
		expect([r.status, r.code]).toEqual([400, 'InvalidArgument']);
	});

	it('accepts an SSE-KMS PUT (aws:kms, key id testkey-1, headers signed) and GET', async () => {
		const headers: Header[] = [
			['x-amz-server-side-encryption', 'aws:kms'],
			['x-amz-server-side-encryption-aws-kms-key-id', 'testkey-1']
		];
		const put = await sign(peer(), { method: 'PUT', path: wirePath(bucket(), 'sse-kms.txt'), body: 'kms body', headers });
		expect(put.signedHeaders).toContain('x-amz-server-side-encryption-aws-kms-key-id');
		const r = await send(put.request);
		expect(r.status, r.body).toBe(200);
		expect(r.headers.get('x-amz-server-side-encryption')).toBe('aws:kms');
		const get = await send((await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'sse-kms.txt') })).request);
		expect([get.status, get.body]).toEqual([200, 'kms body']);
	});

	{
		it("accepts an SSE-C PUT and GET whose headers come from our sseHeaders() (the key's MD5 computed by us)", async () => {
			const { sseHeaders } = await import('../../src/lib/sigv4/index.ts');
			const headers = sseHeaders({ type: 'SSE-C', key: sseKey.toString('base64') });
			const put = await send(
				(await sign(peer(), { method: 'PUT', path: wirePath(bucket(), 'sse-c-helper.txt'), body: 'helper', headers })).request
			);
			expect(put.status, put.body).toBe(200);
			const get = await send((await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'sse-c-helper.txt'), headers })).request);
			expect([get.status, get.body]).toEqual([200, 'helper']);
		});

		it('accepts an SSE-KMS PUT whose headers come from our sseHeaders()', async () => {
			const { sseHeaders } = await import('../../src/lib/sigv4/index.ts');
			const headers = sseHeaders({ type: 'SSE-KMS', keyId: 'testkey-2' });
			const put = await send(
				(await sign(peer(), { method: 'PUT', path: wirePath(bucket(), 'sse-kms-helper.txt'), body: 'kms', headers })).request
			);
			expect(put.status, put.body).toBe(200);
			expect(put.headers.get('x-amz-server-side-encryption')).toBe('aws:kms');
		});
	}
});

// Browser POST uploads (signPostPolicy). Swift's s3api has no POST object, so only RGW judges these.
describe('ceph-rgw: browser POST uploads signed by our signPostPolicy', () => {
	async function post(o: { key: string; file: string; expiresInMs?: number; secret?: string }) {
		const { buildPolicy, signPostPolicy } = await import('../../src/lib/sigv4/index.ts');
		const policy = buildPolicy({
			expiration: new Date(Date.now() + (o.expiresInMs ?? 600_000)),
			bucket: bucket(),
			keyStartsWith: 'uploads/',
			contentType: 'text/plain',
			contentLengthRange: [1, 64]
		});
		const action = `${peer().endpoint}/${bucket()}`;
		const fields: Header[] = [
			['key', o.key],
			['Content-Type', 'text/plain']
		];
		const trace = await signPostPolicy({ policy, fields, action }, paramsFor(peer(), o.secret !== undefined ? { secret: o.secret } : {}));
		expect(trace.action).toBe(action);
		const form = new FormData();
		for (const [name, value] of trace.fields) form.append(name, value);
		form.append('file', new Blob([o.file], { type: 'text/plain' }), 'upload.txt');
		const res = await fetch(trace.action, { method: 'POST', body: form, signal: AbortSignal.timeout(20_000) });
		const body = await res.text();
		return { status: res.status, body, code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1] };
	}

	it('accepts a POST upload whose fields match the policy (204), and the object is there', async () => {
		const r = await post({ key: 'uploads/form file.txt', file: 'posted from a form' });
		expect(r.status, r.body).toBe(204);
		const get = await send((await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'uploads/form file.txt') })).request);
		expect([get.status, get.body]).toEqual([200, 'posted from a form']);
	});

	it('rejects a POST upload with a key outside starts-with (403 AccessDenied)', async () => {
		const r = await post({ key: 'elsewhere/file.txt', file: 'x' });
		expect([r.status, r.code]).toEqual([403, 'AccessDenied']);
	});

	it('rejects a POST upload over content-length-range (400 EntityTooLarge)', async () => {
		const r = await post({ key: 'uploads/big.txt', file: 'x'.repeat(65) });
		expect([r.status, r.code]).toEqual([400, 'EntityTooLarge']);
	});

	it('rejects a POST upload with an expired policy (403 AccessDenied)', async () => {
		const r = await post({ key: 'uploads/late.txt', file: 'x', expiresInMs: -60_000 });
		expect([r.status, r.code]).toEqual([403, 'AccessDenied']);
	});

	it('rejects a POST upload signed with the wrong secret (403 AccessDenied on RGW; S3 says SignatureDoesNotMatch)', async () => {
		const r = await post({ key: 'uploads/forged.txt', file: 'x', secret: 'wrong-secret' });
		expect([r.status, r.code]).toEqual([403, 'AccessDenied']);
	});
});

describe("ceph-rgw: its error code, with the server's stages from its log, gives the right finding", () => {
	it('SignatureDoesNotMatch after a signed header changed: header-added-after-signing', async () => {
		const t = await sign(peer(), {
			method: 'PUT',
			path: wirePath(bucket(), 'changed.txt'),
			body: 'x',
			headers: [['x-amz-meta-note', 'before']]
		});
		const sent = { ...t.request, headers: withHeader(t.request.headers, 'x-amz-meta-note', 'after') };
		const r = await send(sent);
		const imported = importText(r.body);
		expect(imported.server?.code).toBe('SignatureDoesNotMatch');
		const requestId = imported.server?.fields?.RequestId ?? '';
		expect(requestId).toMatch(/^tx/);
		const stages = await rgwLogStages(peer(), requestId);
		expect(stages.canonicalRequest).toContain('x-amz-meta-note:after');
		const evidence: Evidence = {
			request: sent,
			params: paramsFor(peer(), { datetime: t.datetime }),
			mode: 'header',
			provided: { canonicalRequest: t.canonicalRequest, signature: t.signature },
			server: { ...imported.server, ...stages }
		};
		const codes = (await diagnose(evidence)).filter((f) => f.severity === 'error').map((f) => f.code);
		expect(codes).toContain('header-added-after-signing');
	});

	it('SignatureDoesNotMatch after a wrong secret (body has only the code): wrong-secret-key', async () => {
		const t = await sign(peer(), { method: 'GET', path: wirePath(bucket(), 'hashed.txt'), secret: 'wrong-secret' });
		const r = await send(t.request);
		const imported = importText(r.body);
		expect(imported.server?.code).toBe('SignatureDoesNotMatch');
		const evidence: Evidence = {
			request: t.request,
			params: paramsFor(peer(), { datetime: t.datetime }),
			mode: 'header',
			provided: { signature: t.signature, stringToSign: t.stringToSign, canonicalRequest: t.canonicalRequest },
			server: imported.server!
		};
		const codes = (await diagnose(evidence)).filter((f) => f.severity === 'error').map((f) => f.code);
		expect(codes).toContain('wrong-secret-key');
	});
});
