// A typed request signed with SigV4a: the case's algorithm choice and region set drive the stages,
// checked apart from the core: the public key against the test's own KDF (node:crypto, @noble/curves),
// the signature with @noble/curves over the string to sign the test rebuilds, and
// @smithy/signature-v4a's own signature of the same request verifying under our key and string to sign.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { p256 } from '@noble/curves/nist.js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4a } from '@smithy/signature-v4a';
import { describe, expect, it } from 'vitest';
import {
	acceptSigV4aOffer,
	algorithmInUse,
	analyze,
	edit,
	exampleCase,
	importPaste,
	sigv4aOffer,
	type Case
} from '../../../src/lib/case/index.ts';
import { parseRawHttp } from '../../../src/lib/parse/raw-http.ts';
import { verifyV4a } from '../../../src/lib/sigv4/index.ts';
import { privateScalarV4a, publicKeyOfScalar } from '../../helpers/v4a-kdf.ts';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function typed(patch: Partial<Parameters<typeof edit>[1]> = {}): Case {
	return edit(exampleCase(), { algorithm: 'sigv4a', regionSet: '*', ...patch });
}

function nobleVerifies(stringToSign: string, signatureHex: string): boolean {
	const d = privateScalarV4a(KEY_ID, SECRET);
	const digest = createHash('sha256').update(stringToSign).digest();
	return p256.verify(Buffer.from(signatureHex, 'hex'), digest, p256.getPublicKey(d, false), { prehash: false, format: 'der', lowS: false });
}

describe('a typed request signed with SigV4a', () => {
	it('header mode: ECDSA stages, the public key of the test’s own KDF, a signature @noble/curves verifies', async () => {
		const a = await analyze(typed());
		const t = a.traceV4a!;
		expect(a.trace).toBeUndefined();
		expect(a.error).toBeUndefined();
		expect(t.algorithm).toBe('AWS4-ECDSA-P256-SHA256');
		expect(t.canonicalRequest).toContain('\nx-amz-region-set:*\n');
		const hash = createHash('sha256').update(t.canonicalRequest).digest('hex');
		expect(a.view!.stringToSign).toBe(`AWS4-ECDSA-P256-SHA256\n20130524T000000Z\n20130524/s3/aws4_request\n${hash}`);
		const publicKey = publicKeyOfScalar(privateScalarV4a(KEY_ID, SECRET));
		expect(t.publicKey).toEqual(publicKey);
		expect(a.view!.signingKey).toContain(`public key x: ${publicKey.x}`);
		expect(a.view!.signingKey).toContain(`public key y: ${publicKey.y}`);
		// The derived private key is valid in every region for ever: no pane shows it.
		const d = Buffer.from(privateScalarV4a(KEY_ID, SECRET)).toString('hex');
		for (const text of Object.values(a.view!)) if (typeof text === 'string') expect(text).not.toContain(d);
		expect(nobleVerifies(t.stringToSign, a.view!.signature)).toBe(true);
		expect(a.view!.signedRequest).toContain(
			`Authorization: AWS4-ECDSA-P256-SHA256 Credential=${KEY_ID}/20130524/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date;x-amz-region-set, Signature=${t.signature}`
		);
		expect(a.view!.signedRequest).toContain('X-Amz-Region-Set: *');
	});

	it('@smithy/signature-v4a signs the same request to a signature that verifies under our public key and string to sign', async () => {
		const a = await analyze(typed());
		const signer = new SignatureV4a({
			service: 's3',
			region: '*',
			credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
			sha256: Sha256
		});
		const request = new HttpRequest({
			method: 'GET',
			protocol: 'https:',
			hostname: 'examplebucket.s3.amazonaws.com',
			path: '/test.txt',
			headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' }
		});
		const signed = await signer.sign(request, { signingDate: new Date(Date.UTC(2013, 4, 24)) });
		const theirs = /Signature=([0-9a-f]+)$/.exec(signed.headers['authorization']!)![1]!;
		expect(await verifyV4a(a.traceV4a!, theirs, a.traceV4a!.publicKey)).toBe(true);
		// …and a string to sign one byte off does not verify: the check compares the stages, not just the key.
		expect(await verifyV4a(`${a.traceV4a!.stringToSign} `, theirs, a.traceV4a!.publicKey)).toBe(false);
	});

	it('query mode: a presigned URL with X-Amz-Region-Set, signed over the region set as typed', async () => {
		const a = await analyze(typed({ mode: 'query', regionSet: 'us-east-1, us-west-2' }));
		const url = a.view!.presignedUrl!;
		expect(url).toContain('X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256');
		expect(url).toContain('X-Amz-Region-Set=us-east-1%2Cus-west-2');
		expect(url).toContain(`X-Amz-Credential=${KEY_ID}%2F20130524%2Fs3%2Faws4_request`);
		expect(a.view!.canonicalRequest).toContain('X-Amz-Region-Set=us-east-1%2Cus-west-2');
		const signature = /X-Amz-Signature=([0-9a-f]+)$/.exec(url)![1]!;
		expect(nobleVerifies(a.traceV4a!.stringToSign, signature)).toBe(true);
	});

	it('signing again gives other bytes, and the page judges both by verification', async () => {
		const c = typed();
		const [one, two] = [await analyze(c), await analyze(c)];
		expect(one.view!.signature).not.toBe(two.view!.signature);
		for (const a of [one, two]) {
			expect(a.signatureVerifies).toBe(true);
			expect(a.view!.signatureNote).toMatch(/random.*verifies with the public key/);
			expect(await verifyV4a(two.traceV4a!, a.view!.signature, two.traceV4a!.publicKey)).toBe(true);
		}
	});

	it('points a bad region set at the region field', async () => {
		expect((await analyze(typed({ regionSet: ' , ' }))).error).toMatchObject({ field: 'region', message: 'The region set is empty.' });
		expect((await analyze(typed({ regionSet: 'us-east-1;eu-west-1' }))).error?.message).toMatch(/not a region code/);
	});

	it('without the secret: the public key and signature wait for it', async () => {
		const a = await analyze(typed({ secretAccessKey: '' }));
		expect(a.view!.needsSecret).toBe(true);
		expect(a.view!.signature).toMatch(/enter the secret/);
		expect(a.view!.signatureNote).toBeUndefined();
	});

	it('pasted evidence decides the algorithm; SigV4a has no POST or aws-chunked mode here', async () => {
		const pasted = importPaste(
			typed(),
			'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
		).case;
		expect(algorithmInUse(pasted)).toEqual({ algorithm: 'sigv4', from: 'paste', unsupportedMode: false });
		const a = await analyze(pasted);
		expect(a.trace?.algorithm).toBe('AWS4-HMAC-SHA256');
		expect(a.traceV4a).toBeUndefined();
		expect(algorithmInUse(typed({ mode: 'post' }))).toEqual({ algorithm: 'sigv4', from: 'choice', unsupportedMode: true });
		expect((await analyze(typed({ mode: 'post' }))).post).toBeDefined();
	});
});

describe('the registry offers SigV4a for a host that needs it, one click, never silently', () => {
	const request = (host: string) => parseRawHttp(`GET /key HTTP/1.1\nHost: ${host}\n\n`).request!;
	const MRAP = 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com';

	it('offers it for a Multi-Region Access Point, and only there', async () => {
		const c = edit(exampleCase(), { requestText: `GET /key HTTP/1.1\nHost: ${MRAP}\n\n` });
		expect((await analyze(c)).trace?.algorithm).toBe('AWS4-HMAC-SHA256');
		const offer = sigv4aOffer(c, request(MRAP))!;
		expect(offer).toMatchObject({ host: MRAP, signingName: 's3', regionSet: '*' });
		expect(sigv4aOffer(c, request('examplebucket.s3.amazonaws.com'))).toBeUndefined();
		const accepted = acceptSigV4aOffer(edit(c, { mode: 'post' }), offer);
		expect(accepted).toMatchObject({ algorithm: 'sigv4a', regionSet: '*', service: 's3', mode: 'header' });
		expect(accepted.origins.algorithm).toEqual({ from: 'typed' });
		expect(sigv4aOffer(accepted, request(MRAP))).toBeUndefined();
		expect((await analyze(accepted)).traceV4a?.algorithm).toBe('AWS4-ECDSA-P256-SHA256');
	});
});
