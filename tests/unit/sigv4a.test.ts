// SigV4a core rules (issue 15, item 2): the KDF, DER <-> r‖s, verification, the region set, both
// modes, and that no trace ever holds the private key.
import { describe, expect, it } from 'vitest';
import {
	deriveKeyV4a,
	presignUrlV4a,
	regionSetIncludes,
	signatureDerToRaw,
	signatureRawToDer,
	signRequestV4a,
	SigningError,
	toHex,
	verifyV4a,
	type HttpRequest,
	type SigningParamsV4a
} from '../../src/lib/sigv4/index.ts';
import { privateScalarV4a as privateScalar, publicKeyOfScalar } from '../helpers/v4a-kdf.ts';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const BASE: SigningParamsV4a = { credentials: CREDENTIALS, service: 'service', datetime: '20150830T123600Z', regionSet: ['us-east-1'] };
const GET: HttpRequest = { method: 'GET', url: 'https://example.amazonaws.com/', headers: [] };
const D = privateScalar(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey);

describe('key derivation', () => {
	it('is the counter KDF: the scalar is the one aws-c-auth derives, and the core publishes its public point', async () => {
		expect(toHex(D)).toBe('7efc8c0e65a324242818c5a50c891c6060b6a00717b7ba3cbe3c5d765be9259c');
		const { publicKey } = await deriveKeyV4a(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey);
		expect(publicKey).toEqual(publicKeyOfScalar(D));
	});
	it('depends on the access key id, not only on the secret', async () => {
		const a = await deriveKeyV4a('AKIDEXAMPLE', 'secret');
		const b = await deriveKeyV4a('AKIDEXAMPLF', 'secret');
		expect(a.publicKey.x).not.toBe(b.publicKey.x);
		expect(b.publicKey).toEqual(publicKeyOfScalar(privateScalar('AKIDEXAMPLF', 'secret')));
	});
});

describe('no trace holds the private key', () => {
	const forms = [toHex(D), toHex(D).toUpperCase(), Buffer.from(D).toString('base64'), Buffer.from(D).toString('base64url')];
	const withToken = { ...BASE, credentials: { ...CREDENTIALS, sessionToken: 'token' } };
	for (const [label, sign] of [
		['header', () => signRequestV4a({ ...GET, body: 'x' }, withToken)],
		['query', () => presignUrlV4a(GET, withToken)],
		['public key', () => deriveKeyV4a(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey)]
	] as const) {
		it(label, async () => {
			const json = JSON.stringify(await sign());
			for (const form of forms) expect(json).not.toContain(form.replace(/=+$/, ''));
			expect(json).not.toContain(CREDENTIALS.secretAccessKey);
		});
	}
});

describe('DER and raw r‖s', () => {
	const raw = (r: number[], s: number[]) => Uint8Array.from([...r, ...s]);
	const pad = (head: number[]) => [...head, ...Array<number>(32 - head.length).fill(7)];
	it('a high bit gets a zero byte (33-byte INTEGER), leading zeros are dropped, and it reads back', () => {
		const sig = raw(pad([0x80]), [0, 0, ...pad([0x01]).slice(2)]);
		const der = signatureRawToDer(sig);
		expect(toHex(der.subarray(0, 5))).toBe('3043022100');
		expect(der[2 + 2 + 33]).toBe(0x02);
		expect(der[2 + 2 + 33 + 1]).toBe(30);
		expect(signatureDerToRaw(der)).toEqual(sig);
	});
	it('what is not one SEQUENCE of two INTEGERs is refused', () => {
		const der = signatureRawToDer(raw(pad([1]), pad([2])));
		expect(signatureDerToRaw(der.subarray(0, der.length - 1))).toBeUndefined();
		expect(signatureDerToRaw(Uint8Array.from([0x31, ...der.subarray(1)]))).toBeUndefined();
		expect(signatureDerToRaw(Uint8Array.from([...der, 0]))).toBeUndefined();
	});
});

describe('verification (ECDSA is random: compared by verifying, never by bytes)', () => {
	it('two signatures of one request differ, and both verify', async () => {
		const [a, b] = await Promise.all([signRequestV4a(GET, BASE), signRequestV4a(GET, BASE)]);
		expect(a.stringToSign).toBe(b.stringToSign);
		expect(a.signature).not.toBe(b.signature);
		expect(await verifyV4a(a, b.signature, a.publicKey)).toBe(true);
		expect(await verifyV4a(a.stringToSign, a.signatureRaw, a.publicKey)).toBe(true);
	});
	it('a changed string to sign, another key, padding, garbage and points off the curve', async () => {
		const t = await signRequestV4a(GET, BASE);
		const other = await deriveKeyV4a('AKIDEXAMPLE', 'other');
		expect(await verifyV4a(t.stringToSign + ' ', t.signature, t.publicKey)).toBe(false);
		expect(await verifyV4a(t, t.signature, other.publicKey)).toBe(false);
		expect(await verifyV4a(t, t.signature.padEnd(144, '*'), t.publicKey)).toBe(true);
		expect(await verifyV4a(t, 'zz', t.publicKey)).toBe(false);
		expect(await verifyV4a(t, t.signature, { x: t.publicKey.x, y: t.publicKey.x })).toBe(false);
	});
});

describe('scope and region set', () => {
	it('the scope has no region; the region set is a signed header', async () => {
		const t = await signRequestV4a(GET, { ...BASE, regionSet: ['us-east-1', 'us-west-2'] });
		expect(t.credentialScope).toBe('20150830/service/aws4_request');
		expect(t.canonicalRequest).toContain('\nx-amz-region-set:us-east-1,us-west-2\n');
		expect(t.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE\/20150830\/service\/aws4_request, /);
		expect(t).not.toHaveProperty('keyChain');
	});
	it('stays signed when the caller lists the signed headers without it', async () => {
		const t = await signRequestV4a(GET, { ...BASE, signedHeaders: ['host'] });
		expect(t.signedHeaders).toEqual(['host', 'x-amz-region-set']);
	});
	it('replaces a region set the pasted request carries', async () => {
		const t = await signRequestV4a({ ...GET, headers: [['X-Amz-Region-Set', 'eu-west-1']] }, BASE);
		expect(t.request.headers.filter(([n]) => n.toLowerCase() === 'x-amz-region-set')).toEqual([['X-Amz-Region-Set', 'us-east-1']]);
	});
	it('"*" is allowed, and encoded in a presigned URL', async () => {
		const t = await presignUrlV4a(GET, { ...BASE, regionSet: ['*'] });
		expect(t.canonicalRequest).toContain('&X-Amz-Region-Set=%2A&');
		expect(t.signedUrl).toContain('&X-Amz-Region-Set=%2A&X-Amz-Signature=');
	});
	it('presigning a presigned URL again replaces its region set and signature', async () => {
		const first = await presignUrlV4a(GET, { ...BASE, regionSet: ['eu-west-1'] });
		const again = await presignUrlV4a({ ...GET, url: first.signedUrl! }, BASE);
		const fresh = await presignUrlV4a(GET, BASE);
		expect(again.canonicalRequest).toBe(fresh.canonicalRequest);
		expect(again.signedUrl!.match(/X-Amz-Region-Set=/g)).toHaveLength(1);
	});
	it('an empty region set or an entry that is no region is refused', async () => {
		await expect(signRequestV4a(GET, { ...BASE, regionSet: [] })).rejects.toMatchObject({ field: 'region' });
		await expect(presignUrlV4a(GET, { ...BASE, regionSet: ['us east'] })).rejects.toBeInstanceOf(SigningError);
	});
	it('"*" and prefix wildcards admit regions', () => {
		expect(regionSetIncludes(['*'], 'ap-south-1')).toBe(true);
		expect(regionSetIncludes(['us-*'], 'us-west-2')).toBe(true);
		expect(regionSetIncludes(['us-*', 'eu-west-1'], 'eu-west-2')).toBe(false);
	});
});

describe('region set wildcards', () => {
	it('match in the middle and at the ends, and a pattern of many stars stays quick to refuse', () => {
		expect(regionSetIncludes(['*-west-*'], 'eu-west-3')).toBe(true);
		expect(regionSetIncludes(['us-east-1*'], 'us-east-1')).toBe(true);
		expect(regionSetIncludes(['*-1'], 'us-east-2')).toBe(false);
		// A backtracking regex would take exponential time on this one.
		expect(regionSetIncludes(['*'.repeat(5000) + 'x'], 'us-east-1-'.repeat(20))).toBe(false);
	});
});
