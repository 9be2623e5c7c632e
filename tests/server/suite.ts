// The accept/reject cases every peer runs. Each title starts with "accepts" or "rejects", so
// scripts/test-server.mjs can count both kinds per server.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveSigningKey, signatureFor, stringToSignFor, type Header, type SigningTrace } from '../../src/lib/sigv4/index.ts';
import { amzDate, bucketName, loadPeer, presign, send, sign, wirePath, withHeader, type Peer } from './peer.ts';

/** Behaviour of a peer that differs from AWS S3: those cases assert the peer's known behaviour, with a printed note, so a change either way is noticed. */
export interface Gaps {
	/** An x-amz-* header sent but not signed is accepted (S3: 403 AccessDenied, HeadersNotSigned). */
	unsignedAmzHeaderAccepted?: boolean;
}

const KEYS = ['plain.txt', 'dir/with space.txt', 'a+b=c&d.txt', 'ünïcødé/€ 漢字.txt', "sub/(quote)'s!*~.txt"];

export function note(text: string): void {
	console.log(`NOTE: ${text}`);
}

/** Re-signs a trace's canonical request with its header lines in another order: what a signer that forgets to sort does. */
export async function unsortedAuthorization(peer: Peer, trace: SigningTrace): Promise<{ authorization: string; canonicalRequest: string }> {
	const lines = trace.canonicalRequest.split('\n');
	const blank = lines.indexOf('', 3);
	const headerLines = lines.slice(3, blank).reverse();
	const names = headerLines.map((l) => l.slice(0, l.indexOf(':')));
	const canonicalRequest = [...lines.slice(0, 3), ...headerLines, '', names.join(';'), lines[lines.length - 1]].join('\n');
	const sts = await stringToSignFor(canonicalRequest, trace.datetime, trace.credentialScope);
	const keys = await deriveSigningKey(peer.secretAccessKey, trace.date, peer.region, 's3');
	const signature = await signatureFor(sts, keys.kSigning);
	const authorization = `AWS4-HMAC-SHA256 Credential=${peer.accessKeyId}/${trace.credentialScope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
	return { authorization, canonicalRequest };
}

export function s3Suite(name: Peer['name'], gaps: Gaps = {}): { peer: () => Peer; bucket: () => string } {
	let peer: Peer;
	let bucket: string;

	describe(`${name}: requests signed by our core`, () => {
		beforeAll(async () => {
			peer = loadPeer(name);
			bucket = bucketName('sigv4');
			const r = await send((await sign(peer, { method: 'PUT', path: wirePath(bucket) })).request);
			expect(r.status, r.body).toBe(200);
		});

		it('accepts a header-auth PUT and GET with the body hash signed', async () => {
			const body = 'hello from the SigV4 debugger\n';
			const put = await sign(peer, {
				method: 'PUT',
				path: wirePath(bucket, 'hashed.txt'),
				body,
				headers: [['content-type', 'text/plain']]
			});
			expect(put.payloadHash).toBe(createHash('sha256').update(body).digest('hex'));
			const r = await send(put.request);
			expect(r.status, r.body).toBe(200);
			const get = await send((await sign(peer, { method: 'GET', path: wirePath(bucket, 'hashed.txt') })).request);
			expect(get.status, get.body).toBe(200);
			expect(get.body).toBe(body);
		});

		it('accepts a header-auth PUT and GET with UNSIGNED-PAYLOAD', async () => {
			const body = 'unsigned payload body';
			const put = await sign(peer, { method: 'PUT', path: wirePath(bucket, 'unsigned.txt'), body, payloadHash: 'UNSIGNED-PAYLOAD' });
			expect(put.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
			expect((await send(put.request)).status).toBe(200);
			const get = await sign(peer, { method: 'GET', path: wirePath(bucket, 'unsigned.txt'), payloadHash: 'UNSIGNED-PAYLOAD' });
			const r = await send(get.request);
			expect(r.status, r.body).toBe(200);
			expect(r.body).toBe(body);
		});

		it.each(KEYS)('accepts PUT and GET of the key %j (each segment encoded once, as an SDK does)', async (key) => {
			const body = `contents of ${key}`;
			const put = await send((await sign(peer, { method: 'PUT', path: wirePath(bucket, key), body })).request);
			expect(put.status, put.body).toBe(200);
			const get = await send((await sign(peer, { method: 'GET', path: wirePath(bucket, key) })).request);
			expect(get.status, get.body).toBe(200);
			expect(get.body).toBe(body);
		});

		it.each([
			['a+b', '<Key>a+b=c&amp;d.txt</Key>'],
			['dir/with sp', '<Key>dir/with space.txt</Key>']
		])('accepts a ListObjectsV2 with prefix=%j in the query', async (prefix, listed) => {
			const query = `?list-type=2&prefix=${encodeURIComponent(prefix)}`;
			const r = await send((await sign(peer, { method: 'GET', path: wirePath(bucket) + query })).request);
			expect(r.status, r.body).toBe(200);
			expect(r.body).toContain(listed);
		});

		it('accepts a presigned PUT, then a presigned GET', async () => {
			const key = 'presigned/put me.txt';
			const body = 'uploaded with a presigned URL';
			const put = await presign(peer, { method: 'PUT', path: wirePath(bucket, key), expiresIn: 300 });
			expect(put.signedUrl).toContain('X-Amz-Signature=');
			const r = await send({ ...put.request, body });
			expect(r.status, r.body).toBe(200);
			const get = await presign(peer, { method: 'GET', path: wirePath(bucket, key), expiresIn: 300 });
			const g = await send(get.request);
			expect(g.status, g.body).toBe(200);
			expect(g.body).toBe(body);
		});

		it('rejects a request signed with the wrong secret (403 SignatureDoesNotMatch)', async () => {
			const t = await sign(peer, { method: 'GET', path: wirePath(bucket, 'hashed.txt'), secret: peer.secretAccessKey + 'x' });
			const r = await send(t.request);
			expect([r.status, r.code]).toEqual([403, 'SignatureDoesNotMatch']);
		});

		it('rejects a presigned URL signed with the wrong secret (403 SignatureDoesNotMatch)', async () => {
			const t = await presign(peer, { method: 'GET', path: wirePath(bucket, 'hashed.txt'), secret: 'not-the-secret' });
			const r = await send(t.request);
			expect([r.status, r.code]).toEqual([403, 'SignatureDoesNotMatch']);
		});

		it('rejects canonical headers that are not sorted (403 SignatureDoesNotMatch)', async () => {
			const t = await sign(peer, { method: 'GET', path: wirePath(bucket, 'hashed.txt'), headers: [['x-amz-meta-order', '1']] });
			const { authorization } = await unsortedAuthorization(peer, t);
			const r = await send({ ...t.request, headers: withHeader(t.request.headers, 'Authorization', authorization) });
			expect([r.status, r.code]).toEqual([403, 'SignatureDoesNotMatch']);
		});

		it('rejects a signed header changed after signing (403 SignatureDoesNotMatch)', async () => {
			const t = await sign(peer, {
				method: 'PUT',
				path: wirePath(bucket, 'changed.txt'),
				body: 'x',
				headers: [['x-amz-meta-note', 'before']]
			});
			const r = await send({ ...t.request, headers: withHeader(t.request.headers, 'x-amz-meta-note', 'after') });
			expect([r.status, r.code]).toEqual([403, 'SignatureDoesNotMatch']);
		});

		it('rejects a request whose key was changed after signing (403 SignatureDoesNotMatch)', async () => {
			const t = await sign(peer, { method: 'GET', path: wirePath(bucket, 'hashed.txt') });
			const r = await send({ ...t.request, url: t.request.url.replace('hashed.txt', 'plain.txt') });
			expect([r.status, r.code]).toEqual([403, 'SignatureDoesNotMatch']);
		});

		it('rejects an expired presigned URL (403 AccessDenied)', async () => {
			const t = await presign(peer, {
				method: 'GET',
				path: wirePath(bucket, 'hashed.txt'),
				datetime: amzDate(-2 * 3600_000),
				expiresIn: 60
			});
			const r = await send(t.request);
			expect([r.status, r.code]).toEqual([403, 'AccessDenied']);
		});

		it('rejects a presigned GET URL used for a PUT (403 SignatureDoesNotMatch)', async () => {
			const t = await presign(peer, { method: 'GET', path: wirePath(bucket, 'hashed.txt') });
			const r = await send({ ...t.request, method: 'PUT', body: 'overwrite' });
			expect([r.status, r.code]).toEqual([403, 'SignatureDoesNotMatch']);
		});

		const unsigned: [string, Header[]][] = [
			['x-amz-meta-*', [['x-amz-meta-late', 'added after signing']]],
			['SSE', [['x-amz-server-side-encryption', 'AES256']]]
		];
		for (const [what, extra] of unsigned) {
			const title = `rejects an ${what} header sent but not signed (403 AccessDenied, HeadersNotSigned)`;
			const gap = gaps.unsignedAmzHeaderAccepted || (what === 'SSE' && name === 'swift-s3api');
			if (gap) {
				note(`${name} accepts an unsigned ${what} header (known gap vs S3, which answers 403 HeadersNotSigned)`);
				it(`accepts an ${what} header sent but not signed (known gap of ${name}; S3 rejects it)`, async () => {
					const t = await sign(peer, { method: 'PUT', path: wirePath(bucket, 'late-header.txt'), body: 'x' });
					const r = await send(t.request, extra);
					expect(r.status, r.body).toBe(200);
				});
				continue;
			}
			it(title, async () => {
				const t = await sign(peer, { method: 'PUT', path: wirePath(bucket, 'late-header.txt'), body: 'x' });
				const r = await send(t.request, extra);
				expect([r.status, r.code]).toEqual([403, 'AccessDenied']);
				expect(r.body).toContain('HeadersNotSigned');
			});
		}
	});

	return { peer: () => peer, bucket: () => bucket };
}
