// The one verdict above the findings (issue 11, Build 2) and the order of the findings under it.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import { awaitingForensics, rankFindings, verdictOf, type VerdictInput } from '../../src/lib/findings/index.ts';
import { finding as f, GET_ROOT as GET, hexToBase64, NOW, params, replaceLine, sign } from './diagnose-helpers.ts';

const base: VerdictInput = {
	findings: [],
	hasEvidence: true,
	hasSecret: true,
	userSignature: true,
	signatureMatches: false,
	forensics: 'off'
};

describe('verdictOf', () => {
	it('nothing pasted: undecided, a sentence for a fresh page', () => {
		const v = verdictOf({ ...base, hasEvidence: false });
		expect(v).toEqual({ kind: 'undecided', sentence: "Paste your request, your signer's output or AWS's error to compare." });
	});

	it('the signature equals the correct one, no error: correct', () => {
		const v = verdictOf({ ...base, signatureMatches: true, findings: [f('presign-expires-too-long', { severity: 'warning' })] });
		expect(v).toEqual({ kind: 'correct', sentence: 'Your signature is correct for this request.' });
	});

	it('never "correct" without the secret: it asks for it', () => {
		const v = verdictOf({ ...base, hasSecret: false, signatureMatches: true });
		expect(v.kind).toBe('undecided');
		expect(v.need).toBe('the secret access key, to compute the correct signature');
		expect(v.sentence).toBe('Not enough to tell — enter the secret access key, to compute the correct signature.');
	});

	it('no signature and no stage: asks for them', () => {
		const v = verdictOf({ ...base, userSignature: false });
		expect(v.need).toBe("your signature, canonical request or string to sign, or the server's error");
		expect(v.sentence).toBe("Not enough to tell — paste your signature, canonical request or string to sign, or the server's error.");
		// Their stages (a canonical request, a key chain) all right, no signature: correct for what they made, with the secret only.
		expect(verdictOf({ ...base, userSignature: false, userStages: true })).toEqual({
			kind: 'correct',
			sentence: 'What your signer made is correct for this request.'
		});
		expect(verdictOf({ ...base, userSignature: false, userStages: true, hasSecret: false }).need).toMatch(/^the secret access key/);
	});

	it('a reproduced mistake is the cause, and says what it reproduces', () => {
		const findings = [
			f('signature-mismatch', { stage: 'signature' }),
			f('hex-intermediate-keys', { stage: 'signing-key', basis: 'reproduced', confirmed: true })
		];
		expect(verdictOf({ ...base, findings })).toEqual({
			kind: 'cause',
			code: 'hex-intermediate-keys',
			basis: 'reproduced',
			sentence: 'Cause: Hex strings used as intermediate keys — reproduces your signature exactly.'
		});
		const hash = f('hash-base64-not-hex', { basis: 'reproduced', reproduces: 'hash', confirmed: true });
		expect(verdictOf({ ...base, findings: [hash] }).sentence).toBe(
			'Cause: Canonical request hash in base64, not hex — reproduces the hash in your string to sign exactly.'
		);
	});

	it("what the server's message states is the cause, said so", () => {
		const v = verdictOf({ ...base, findings: [f('scope-region-mismatch', { basis: 'server', confirmed: true })] });
		expect(v).toMatchObject({ kind: 'cause', code: 'scope-region-mismatch', basis: 'server' });
		expect(v.sentence).toBe("Cause: Wrong region in the credential scope — the server's message says so.");
	});

	it('what only the evidence shows is likely', () => {
		const v = verdictOf({ ...base, findings: [f('headers-not-sorted', { stage: 'canonical-request' })] });
		expect(v).toEqual({ kind: 'likely', code: 'headers-not-sorted', basis: 'evidence', sentence: 'Likely: Canonical headers not sorted.' });
	});

	it('a reproduced cause wins over a server-stated one and over one only shown', () => {
		const findings = [
			f('headers-not-sorted', { stage: 'canonical-request' }),
			f('clock-skew', { basis: 'server', confirmed: true }),
			f('payload-hash-base64', { stage: 'canonical-request', basis: 'reproduced', confirmed: true })
		];
		expect(verdictOf({ ...base, findings }).code).toBe('payload-hash-base64');
	});

	it('wrong-secret-key only once forensics is done with no hit', () => {
		const findings = [f('wrong-secret-key', { stage: 'signing-key' })];
		expect(verdictOf({ ...base, findings, forensics: 'off' }).kind).toBe('undecided');
		expect(verdictOf({ ...base, findings, forensics: 'running' }).kind).toBe('undecided');
		expect(verdictOf({ ...base, findings, forensics: 'done' })).toMatchObject({ kind: 'likely', code: 'wrong-secret-key' });
		// Forensics found the mistake: the contradiction is resolved for it.
		const hit = f('hex-intermediate-keys', { stage: 'signing-key', basis: 'reproduced', confirmed: true });
		expect(verdictOf({ ...base, findings: [...findings, hit], forensics: 'done' }).code).toBe('hex-intermediate-keys');
	});

	it('only the generic signature-mismatch: undecided, asks for the stages', () => {
		const v = verdictOf({ ...base, findings: [f('signature-mismatch', { stage: 'signature' })] });
		expect(v.kind).toBe('undecided');
		expect(v.need).toMatch(/canonical request and string to sign/);
	});

	it('a warning is never the verdict', () => {
		const v = verdictOf({ ...base, signatureMatches: true, findings: [f('clock-skew', { severity: 'warning' })] });
		expect(v.kind).toBe('correct');
	});

	it('contradicting findings are resolved before choosing', () => {
		const findings = [f('header-added-after-signing', { basis: 'server', confirmed: true }), f('signed-header-absent')];
		expect(verdictOf({ ...base, findings }).code).toBe('signed-header-absent');
	});
});

describe('awaitingForensics', () => {
	it('holds "the secret key differs" back from being an error until the forensics are done, as the verdict does', () => {
		expect([...awaitingForensics('running')]).toEqual(['wrong-secret-key']);
		expect([...awaitingForensics('off')]).toEqual(['wrong-secret-key']);
		expect([...awaitingForensics(undefined)]).toEqual(['wrong-secret-key']);
		expect([...awaitingForensics('done')]).toEqual([]);
	});
});

describe('rankFindings', () => {
	it('root cause first, the generic ones after every named cause, warnings last', () => {
		const ranked = rankFindings([
			f('clock-skew', { severity: 'warning' }),
			f('signature-mismatch', { stage: 'signature' }),
			f('canonical-request-differs', { stage: 'canonical-request' }),
			f('headers-not-sorted', { stage: 'canonical-request', line: 5 }),
			f('hex-intermediate-keys', { stage: 'signing-key', basis: 'reproduced', confirmed: true }),
			f('string-to-sign-differs', { stage: 'string-to-sign' })
		]);
		expect(ranked.map((x) => x.code)).toEqual([
			'hex-intermediate-keys',
			'headers-not-sorted',
			'canonical-request-differs',
			'string-to-sign-differs',
			'signature-mismatch',
			'clock-skew'
		]);
	});

	it('a consequence after what explains it: the 12-hour clock before the skew it causes', () => {
		const ranked = rankFindings([
			f('clock-skew', { basis: 'server', confirmed: true }),
			f('timestamp-12-hour-clock', { stage: 'string-to-sign' })
		]);
		expect(ranked.map((x) => x.code)).toEqual(['timestamp-12-hour-clock', 'clock-skew']);
	});

	it('the general name after the specific one: an unsigned checksum header before "an x-amz-* header is not signed"', () => {
		const ranked = rankFindings([
			f('x-amz-header-not-signed', { stage: 'canonical-request', basis: 'reproduced', confirmed: true }),
			f('checksum-sent-not-signed', { stage: 'request' })
		]);
		expect(ranked.map((x) => x.code)).toEqual(['checksum-sent-not-signed', 'x-amz-header-not-signed']);
	});

	it("diagnose's output is ranked: the reproduced cause before signature-mismatch", async () => {
		const t = await sign(GET, params());
		const findings = await diagnose({
			request: GET,
			params: params(),
			mode: 'header',
			now: NOW,
			provided: { stringToSign: replaceLine(t.stringToSign, 4, hexToBase64(t.canonicalRequestHash)), signature: 'ab'.repeat(32) }
		});
		expect(findings[0]?.code).toBe('hash-base64-not-hex');
		expect(findings.at(-1)?.code).toBe('signature-mismatch');
		expect(verdictOf({ ...base, findings }).sentence).toMatch(/^Cause: Canonical request hash in base64, not hex — reproduces the hash/);
	});
});
