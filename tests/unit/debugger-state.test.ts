import { describe, expect, it, vi } from 'vitest';
import { DebuggerState, parseFormFields, SECRET_NEEDED } from '../../src/lib/state/debugger.svelte.ts';
import { DEFAULT_SIGNATURE } from '../../src/lib/examples.ts';
import { signatureFor, stringToSignFor } from '../../src/lib/sigv4/index.ts';

describe('DebuggerState', () => {
	it('signs the default example on first run', async () => {
		const s = new DebuggerState();
		await s.recompute();
		expect(s.view?.signature).toBe(DEFAULT_SIGNATURE);
		expect(s.error).toBeUndefined();
	});

	it('never lets a slower, older run overwrite a newer one', async () => {
		const s = new DebuggerState();
		s.requestText = `PUT /big HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n${'x'.repeat(30_000_000)}`;
		const slow = s.recompute();
		s.requestText = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9\n';
		const fast = s.recompute();
		await Promise.all([slow, fast]);
		expect(s.view?.signature).toBe(DEFAULT_SIGNATURE);
	});

	it('keeps the last good stages, marked stale, while an input is invalid', async () => {
		const s = new DebuggerState();
		await s.recompute();
		s.datetime = '2013-05-24';
		await s.recompute();
		expect(s.error).toMatchObject({ field: 'datetime' });
		expect(s.stale).toBe(true);
		expect(s.view?.signature).toBe(DEFAULT_SIGNATURE);
	});

	it('points request errors at their line and column', async () => {
		const s = new DebuggerState();
		s.requestText = 'GET /x HTTP/1.1\nNo colon here\n';
		await s.recompute();
		expect(s.error?.field).toBe('request');
		expect(s.error?.message).toMatch(/^Line 2, column \d+:/);
		expect(s.requestText).toBe('GET /x HTTP/1.1\nNo colon here\n');
	});

	it('feeds an edited canonical request to every later stage and back on reset', async () => {
		const s = new DebuggerState();
		await s.recompute();
		const trace = s.trace!;
		const edited = trace.canonicalRequest.replace('bytes=0-9', 'bytes=0-8');
		s.override('canonicalRequest', edited);
		await s.recompute();
		const sts = await stringToSignFor(edited, trace.datetime, trace.credentialScope);
		expect(s.view?.canonicalRequest).toBe(edited);
		expect(s.view?.stringToSign).toBe(sts);
		expect(s.view?.signature).toBe(await signatureFor(sts, trace.keyChain.kSigning));
		expect(s.view?.signedRequest).toContain(`Signature=${s.view?.signature}`);
		expect(s.view?.overriddenFrom).toBe('canonicalRequest');
		expect(s.trace?.canonicalRequest).toBe(trace.canonicalRequest);
		s.reset('canonicalRequest');
		await s.recompute();
		expect(s.view?.signature).toBe(DEFAULT_SIGNATURE);
		expect(s.view?.overriddenFrom).toBeUndefined();
	});

	it('signs with an edited signing key and shows an edited signature as given', async () => {
		const s = new DebuggerState();
		await s.recompute();
		s.override('signingKey', `kSigning = ${'1'.repeat(64)}`);
		await s.recompute();
		expect(s.view?.signature).toBe(await signatureFor(s.trace!.stringToSign, '1'.repeat(64)));
		s.override('signature', 'deadbeef');
		await s.recompute();
		expect(s.view?.signature).toBe('deadbeef');
		expect(s.view?.curl).toContain('Signature=deadbeef');
	});

	it('applies the options: UNSIGNED-PAYLOAD, signed headers, path rules, expiry', async () => {
		const s = new DebuggerState();
		s.payload = 'unsigned';
		s.signedHeaders = 'host; range';
		s.uriEscapePath = 'on';
		s.requestText = 'GET /a%20b HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9\n';
		await s.recompute();
		const lines = s.view!.canonicalRequest.split('\n');
		expect(lines[1]).toBe('/a%2520b');
		expect(lines.at(-1)).toBe('UNSIGNED-PAYLOAD');
		expect(lines.at(-2)).toBe('host;range');
		s.mode = 'query';
		s.expiresIn = 'soon';
		await s.recompute();
		expect(s.error).toMatchObject({ field: 'expiresIn' });
		s.expiresIn = '60';
		await s.recompute();
		expect(s.view?.presignedUrl).toContain('X-Amz-Expires=60');
	});

	it('turns into a case and back, stage for stage', async () => {
		const a = new DebuggerState();
		a.requestText = 'PUT /k HTTP/1.1\nHost: b.s3.amazonaws.com\n\nbody';
		a.mode = 'query';
		a.expiresIn = '60';
		a.sessionToken = 'TOKEN';
		a.override('stringToSign', 'edited');
		a.provided = { signature: 'abc' };
		a.server = { code: 'SignatureDoesNotMatch', fields: { AWSAccessKeyId: 'AKID' } };
		a.form = [['key', 'x']];
		a.learnStep = 3;
		await a.recompute();
		const b = new DebuggerState();
		b.applyCase(a.toCase());
		expect(b.toCase()).toEqual(a.toCase());
		await b.recompute();
		expect(b.view).toEqual(a.view);
	});

	it('sanitizes: example keys everywhere the real ones appeared', async () => {
		const s = new DebuggerState();
		s.accessKeyId = 'AKIAREALKEY1234567';
		s.secretAccessKey = 'realSecretValue/123456789';
		s.sessionToken = 'realSessionToken12345';
		s.pasteText = 'Authorization: AWS4-HMAC-SHA256 Credential=AKIAREALKEY1234567/20130524/us-east-1/s3/aws4_request';
		s.provided = { authorization: 'Credential=AKIAREALKEY1234567/x' };
		s.server = { fields: { AWSAccessKeyId: 'AKIAREALKEY1234567' } };
		s.sanitize();
		const text = JSON.stringify(s.toCase());
		expect(text).not.toContain('AKIAREALKEY1234567');
		expect(text).not.toContain('realSecretValue');
		expect(text).not.toContain('realSessionToken');
		expect(s.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
		await s.recompute();
		expect(s.error).toBeUndefined();
	});

	it('without a secret, shows every stage that needs none and asks for it in the others', async () => {
		const full = new DebuggerState();
		await full.recompute();
		const s = new DebuggerState();
		s.secretAccessKey = '';
		await s.recompute();
		expect(s.error).toBeUndefined();
		expect(s.view?.needsSecret).toBe(true);
		expect(s.view?.canonicalRequest).toBe(full.view?.canonicalRequest);
		expect(s.view?.stringToSign).toBe(full.view?.stringToSign);
		for (const stage of [s.view?.signingKey, s.view?.signature, s.view?.signedRequest, s.view?.curl]) expect(stage).toBe(SECRET_NEEDED);
		s.provided = { stringToSign: full.view!.stringToSign, signature: '0'.repeat(64) };
		await s.recompute();
		expect(s.findings.filter((f) => f.severity === 'error')).toEqual([]);
		await vi.waitFor(() => expect(s.forensics.status).toBe('no-secret'));
	});

	it('signs a POST policy, and points a bad policy or field line at its input', async () => {
		const s = new DebuggerState();
		s.mode = 'post';
		await s.recompute();
		expect(s.error).toBeUndefined();
		expect(s.post?.stringToSign).toBe(s.post?.policyBase64);
		expect(s.post?.fields.map(([n]) => n)).toEqual([
			'key',
			'x-amz-algorithm',
			'x-amz-credential',
			'x-amz-date',
			'policy',
			'x-amz-signature'
		]);
		s.postFields = 'key: a\nnot a field';
		await s.recompute();
		expect(s.error).toMatchObject({ field: 'postFields', message: expect.stringContaining('Line 2') });
		expect(s.stale).toBe(true);
		s.postFields = 'key: a';
		s.policyText = '{ "conditions": [ ] ';
		await s.recompute();
		expect(s.error?.field).toBe('policy');
		expect(parseFormFields('a: 1\n\n b : 2 ')).toEqual({
			fields: [
				['a', '1'],
				['b', '2']
			]
		});
	});

	it('makes "now" in the SigV4 form', () => {
		expect(DebuggerState.now()).toMatch(/^\d{8}T\d{6}Z$/);
	});
});
