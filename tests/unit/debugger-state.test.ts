import { describe, expect, it, vi } from 'vitest';
import { DebuggerState } from '../../src/lib/state/debugger.svelte.ts';
import { parseFormFields, SECRET_NEEDED } from '../../src/lib/case/index.ts';
import { DEFAULT_SIGNATURE } from '../../src/lib/case/examples.ts';
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
		s.case.requestText = `PUT /big HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n${'x'.repeat(30_000_000)}`;
		const slow = s.recompute();
		s.case.requestText = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9\n';
		const fast = s.recompute();
		await Promise.all([slow, fast]);
		expect(s.view?.signature).toBe(DEFAULT_SIGNATURE);
	});

	it('keeps the last good stages, marked stale, while an input is invalid', async () => {
		const s = new DebuggerState();
		await s.recompute();
		s.case.datetime = '2013-05-24';
		await s.recompute();
		expect(s.error).toMatchObject({ field: 'datetime' });
		expect(s.stale).toBe(true);
		expect(s.view?.signature).toBe(DEFAULT_SIGNATURE);
	});

	it('points request errors at their line and column', async () => {
		const s = new DebuggerState();
		s.case.requestText = 'GET /x HTTP/1.1\nNo colon here\n';
		await s.recompute();
		expect(s.error?.field).toBe('request');
		expect(s.error?.message).toMatch(/^Line 2, column \d+:/);
		expect(s.case.requestText).toBe('GET /x HTTP/1.1\nNo colon here\n');
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
		s.case.payload = 'unsigned';
		s.case.signedHeaders = 'host; range';
		s.case.uriEscapePath = 'on';
		s.case.requestText = 'GET /a%20b HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9\n';
		await s.recompute();
		const lines = s.view!.canonicalRequest.split('\n');
		expect(lines[1]).toBe('/a%2520b');
		expect(lines.at(-1)).toBe('UNSIGNED-PAYLOAD');
		expect(lines.at(-2)).toBe('host;range');
		s.case.mode = 'query';
		s.case.expiresIn = 'soon';
		await s.recompute();
		expect(s.error).toMatchObject({ field: 'expiresIn' });
		s.case.expiresIn = '60';
		await s.recompute();
		expect(s.view?.presignedUrl).toContain('X-Amz-Expires=60');
	});

	it('turns into a case and back, stage for stage', async () => {
		const a = new DebuggerState();
		a.case.requestText = 'PUT /k HTTP/1.1\nHost: b.s3.amazonaws.com\n\nbody';
		a.case.mode = 'query';
		a.case.expiresIn = '60';
		a.case.sessionToken = 'TOKEN';
		a.override('stringToSign', 'edited');
		a.case.provided = { signature: 'abc' };
		a.case.server = { code: 'SignatureDoesNotMatch', fields: { AWSAccessKeyId: 'AKID' } };
		a.case.form = [['key', 'x']];
		a.learnStep = 3;
		await a.recompute();
		const b = new DebuggerState();
		b.open(a.current);
		expect(b.current).toEqual(a.current);
		await b.recompute();
		expect(b.view).toEqual(a.view);
	});

	it("moves through the learn page's steps without leaving its track", () => {
		const a = new DebuggerState();
		a.case.view = { optionsOpen: true, learnTrack: 'sigv2-s3' };
		a.learnStep = 4;
		expect(a.current.view).toEqual({ optionsOpen: true, learnTrack: 'sigv2-s3', learnStep: 4 });
		a.learnStep = undefined;
		expect(a.current.view).toEqual({ optionsOpen: true, learnTrack: 'sigv2-s3' });
	});

	it('sanitizes: example keys everywhere the real ones appeared', async () => {
		const s = new DebuggerState();
		s.case.accessKeyId = 'AKIAREALKEY1234567';
		s.case.secretAccessKey = 'realSecretValue/123456789';
		s.case.sessionToken = 'realSessionToken12345';
		s.case.pasteText = 'Authorization: AWS4-HMAC-SHA256 Credential=AKIAREALKEY1234567/20130524/us-east-1/s3/aws4_request';
		s.case.provided = { authorization: 'Credential=AKIAREALKEY1234567/x' };
		s.case.server = { fields: { AWSAccessKeyId: 'AKIAREALKEY1234567' } };
		s.sanitize();
		const text = JSON.stringify(s.current);
		expect(text).not.toContain('AKIAREALKEY1234567');
		expect(text).not.toContain('realSecretValue');
		expect(text).not.toContain('realSessionToken');
		expect(s.case.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
		await s.recompute();
		expect(s.error).toBeUndefined();
	});

	it('without a secret, shows every stage that needs none and asks for it in the others', async () => {
		const full = new DebuggerState();
		await full.recompute();
		const s = new DebuggerState();
		s.case.secretAccessKey = '';
		await s.recompute();
		expect(s.error).toBeUndefined();
		expect(s.view?.needsSecret).toBe(true);
		expect(s.view?.canonicalRequest).toBe(full.view?.canonicalRequest);
		expect(s.view?.stringToSign).toBe(full.view?.stringToSign);
		for (const stage of [s.view?.signingKey, s.view?.signature, s.view?.signedRequest, s.view?.curl]) expect(stage).toBe(SECRET_NEEDED);
		// The user's own request (typed), and what their signer made for it.
		s.case.requestText = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9';
		s.case.provided = { stringToSign: full.view!.stringToSign, signature: '0'.repeat(64) };
		await s.recompute();
		expect(s.findings.filter((f) => f.severity === 'error')).toEqual([]);
		await vi.waitFor(() => expect(s.forensics.status).toBe('no-secret'));
	});

	it('signs a POST policy, and points a bad policy or field line at its input', async () => {
		const s = new DebuggerState();
		s.case.mode = 'post';
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
		s.case.postFields = 'key: a\nnot a field';
		await s.recompute();
		expect(s.error).toMatchObject({ field: 'postFields', message: expect.stringContaining('Line 2') });
		expect(s.stale).toBe(true);
		s.case.postFields = 'key: a';
		s.case.policyText = '{ "conditions": [ ] ';
		await s.recompute();
		expect(s.error?.field).toBe('policy');
		expect(parseFormFields('a: 1\n\n b : 2 ')).toEqual({
			fields: [
				['a', '1'],
				['b', '2']
			]
		});
	});

	it('holds one case value: an edit replaces it and marks the field typed; writing the same value is no change', () => {
		const s = new DebuggerState();
		const before = s.current;
		const same = s.case.region;
		s.case.region = same;
		expect(s.current).toBe(before);
		s.case.region = 'eu-west-1';
		expect(s.current).not.toBe(before);
		expect(s.current.region).toBe('eu-west-1');
		expect(s.current.origins.region).toEqual({ from: 'typed' });
		expect(before.region).toBe('us-east-1');
	});

	it('makes "now" in the SigV4 form', () => {
		expect(DebuggerState.now()).toMatch(/^\d{8}T\d{6}Z$/);
	});
});
