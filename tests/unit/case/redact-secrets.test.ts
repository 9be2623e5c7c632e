// The one redaction at the case's edge: what it takes out, what it leaves, what it reports, what
// the other side is asked for, and that a redacted case makes the analysis claim nothing false.
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_CASE, EXAMPLE_CREDENTIALS, exampleCase, importPaste, sanitize, type Case } from '../../../src/lib/case/index.ts';
import { missingSecrets, PLACEHOLDERS, redactSecrets } from '../../../src/lib/case/redact-secrets.ts';
import { askForSecrets, decodeCase, encodeCase, secretsSentence } from '../../../src/lib/share/index.ts';

const SECRET = 'Zs9dkQ1r/8h2LmN0pQrStUvWxYz0123456789+Ab';
const TOKEN = 'IQoJb3JpZ2luX2VjEHcaCWV1LXdlc3QtMSJHMEUCIQD/abc+def==';
const SSE_KEY = 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=';
const HOST = 'Host: examplebucket.s3.amazonaws.com';

describe('redactSecrets', () => {
	it('puts a placeholder where each secret stood, in every text, and counts the places', () => {
		const c: Case = {
			...DEFAULT_CASE,
			secretAccessKey: SECRET,
			sessionToken: TOKEN,
			requestText: `PUT /k HTTP/1.1\n${HOST}\nX-Amz-Security-Token: ${TOKEN}\nx-amz-server-side-encryption-customer-key: ${SSE_KEY}\n`,
			pasteText: `curl --user AKIDEXAMPLE:${SECRET} https://examplebucket.s3.amazonaws.com/k`,
			provided: { canonicalRequest: `PUT\n/k\n\nx-amz-security-token:${TOKEN}\n` },
			overrides: { stringToSign: `echo ${SECRET}` },
			form: [['x-amz-security-token', TOKEN]]
		};
		const { case: out, leftOut } = redactSecrets(c);
		expect(out.requestText).toBe(
			`PUT /k HTTP/1.1\n${HOST}\nX-Amz-Security-Token: ${PLACEHOLDERS.sessionToken}\nx-amz-server-side-encryption-customer-key: ${PLACEHOLDERS.customerKey}\n`
		);
		expect(out.pasteText).toBe(`curl --user AKIDEXAMPLE:${PLACEHOLDERS.secretAccessKey} https://examplebucket.s3.amazonaws.com/k`);
		expect(out.provided.canonicalRequest).toBe(`PUT\n/k\n\nx-amz-security-token:${PLACEHOLDERS.sessionToken}\n`);
		expect(out.overrides.stringToSign).toBe(`echo ${PLACEHOLDERS.secretAccessKey}`);
		expect(out.form).toEqual([['x-amz-security-token', PLACEHOLDERS.sessionToken]]);
		expect('secretAccessKey' in out || 'sessionToken' in out).toBe(false);
		// The fields count as a place each.
		expect(leftOut).toEqual({ places: { secretAccessKey: 3, sessionToken: 4, customerKey: 1 }, exampleSecret: false, signingKeys: 0 });
	});

	it('finds a token percent-encoded in a URL, and the URL still reads as one', () => {
		const url = `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&X-Amz-Signature=${'0'.repeat(64)}`;
		const { case: out } = redactSecrets({ ...DEFAULT_CASE, pasteText: url, provided: { signedUrl: url } });
		const expected = `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=${PLACEHOLDERS.sessionToken}&X-Amz-Signature=${'0'.repeat(64)}`;
		expect(out.pasteText).toBe(expected);
		expect(out.provided.signedUrl).toBe(expected);
		expect(new URL(expected).searchParams.get('X-Amz-Security-Token')).toBe(PLACEHOLDERS.sessionToken);
	});

	it('takes out an S3 Express session token, as header, query parameter and form field', () => {
		const zonal = 'b--use1-az4--x-s3.s3express-use1-az4.us-east-1.amazonaws.com';
		const texts = [
			`GET /k HTTP/1.1\nHost: ${zonal}\nx-amz-s3session-token: ${TOKEN}\n`,
			`https://${zonal}/k?X-Amz-S3session-Token=${encodeURIComponent(TOKEN)}&X-Amz-Signature=${'0'.repeat(64)}`,
			`<input type="hidden" name="x-amz-s3session-token" value="${TOKEN}">`
		];
		for (const text of texts) {
			const { case: out } = redactSecrets({ ...DEFAULT_CASE, pasteText: text });
			expect(out.pasteText).toContain(PLACEHOLDERS.sessionToken);
			expect(out.pasteText).not.toContain(TOKEN.slice(0, 20));
			expect(out.pasteText).not.toContain(encodeURIComponent(TOKEN).slice(0, 20));
		}
	});

	it('takes a short secret out where it stands, and leaves the same letters alone elsewhere', () => {
		const { case: out } = redactSecrets({ ...DEFAULT_CASE, pasteText: 'curl -u AKID:abcd https://h/abcd' });
		expect(out.pasteText).toBe(`curl -u AKID:${PLACEHOLDERS.secretAccessKey} https://h/abcd`);
	});

	it('leaves shell variables, Python None and the page own placeholders alone', () => {
		const text = `curl --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" https://h/\n'session_token': None,\nX-Amz-Security-Token: ${PLACEHOLDERS.sessionToken}`;
		const { case: out, leftOut } = redactSecrets({ ...DEFAULT_CASE, pasteText: text });
		expect(out.pasteText).toBe(text);
		expect(leftOut.places).toEqual({});
	});

	it("keeps AWS's example secret, unless something else goes: the other side would then be told a signature is wrong", () => {
		expect(redactSecrets(DEFAULT_CASE)).toEqual({
			case: DEFAULT_CASE,
			leftOut: { places: {}, exampleSecret: false, signingKeys: 0 }
		});
		const withToken = redactSecrets({ ...DEFAULT_CASE, requestText: `${DEFAULT_CASE.requestText}X-Amz-Security-Token: ${TOKEN}\n` });
		expect(withToken.case.secretAccessKey).toBeUndefined();
		expect(withToken.leftOut).toMatchObject({ places: { sessionToken: 1 }, exampleSecret: true });
		// The example secret in a text is public and stays.
		const pasted = redactSecrets({ ...DEFAULT_CASE, pasteText: `aws_secret_access_key = ${EXAMPLE_CREDENTIALS.secretAccessKey}` });
		expect(pasted.case.pasteText).toContain(EXAMPLE_CREDENTIALS.secretAccessKey);
	});

	it('drops pasted signing keys and counts them', () => {
		const { case: out, leftOut } = redactSecrets({
			...DEFAULT_CASE,
			provided: { signature: 'ab', signingKeys: { kDate: 'aa', kSigning: 'bb' } }
		});
		expect(out.provided).toEqual({ signature: 'ab' });
		expect(leftOut.signingKeys).toBe(2);
	});
});

describe('sanitize', () => {
	it('takes out the secrets inside the texts too, and the sanitized case then travels on the example keys', async () => {
		const c = importPaste(
			exampleCase(),
			`curl --user AKIAREALKEY000000001:${SECRET} -H 'x-amz-security-token: ${TOKEN}' https://examplebucket.s3.amazonaws.com/k`
		).case;
		const clean = sanitize(c).case;
		expect(JSON.stringify(clean)).not.toMatch(new RegExp(`${SECRET.replace(/[+/]/g, '\\$&')}|AKIAREALKEY000000001|IQoJb3JpZ2lu`));
		expect(clean.pasteText).toContain(`--user AKIAIOSFODNN7EXAMPLE:${PLACEHOLDERS.secretAccessKey}`);
		const opened = await decodeCase(await encodeCase(clean, { includeSecrets: false }));
		expect('case' in opened && opened.case.secretAccessKey).toBe(EXAMPLE_CREDENTIALS.secretAccessKey);
	});
});

describe('what the page says about the secrets', () => {
	it('lists what a link leaves out, truthfully', () => {
		const c: Case = { ...DEFAULT_CASE, secretAccessKey: SECRET, pasteText: `curl --user AKID:${SECRET} https://h/`, sessionToken: TOKEN };
		expect(secretsSentence(c, false)).toBe('Left out: the secret access key (2 places) and the session token (1 place).');
		expect(secretsSentence(c, true)).toBe(
			'With its secrets in it: the secret access key (2 places) and the session token (1 place); anyone who has it can sign as you.'
		);
		expect(secretsSentence(DEFAULT_CASE, false)).toBe("It holds AWS's public example keys (no secret of yours).");
		const { secretAccessKey: _s, ...none } = DEFAULT_CASE;
		expect(secretsSentence(none, false)).toBe('The case holds no secret, so nothing was left out.');
		expect(secretsSentence({ ...DEFAULT_CASE, sessionToken: TOKEN }, false)).toBe(
			"Left out: the session token (1 place) and AWS's example secret key (public, but without the rest it would sign another request)."
		);
	});

	it('asks whoever opens the case for each secret it came without, and where to put it', async () => {
		const c = importPaste(
			exampleCase(),
			`PUT /k HTTP/1.1\n${HOST}\nX-Amz-Security-Token: ${TOKEN}\nx-amz-server-side-encryption-customer-key: ${SSE_KEY}\n`
		).case;
		const opened = await decodeCase(await encodeCase(c, { includeSecrets: false }));
		if (!('case' in opened)) throw new Error(opened.error.message);
		expect(missingSecrets(opened.case)).toEqual([
			{ kind: 'sessionToken', places: ['request', 'paste'] },
			{ kind: 'customerKey', places: ['request', 'paste'] }
		]);
		expect(askForSecrets(missingSecrets(opened.case))).toEqual([
			`This case came without its session token: paste it in place of ${PLACEHOLDERS.sessionToken} in the request and the paste box, and into Session token.`,
			`This case came without its SSE-C key: paste it in place of ${PLACEHOLDERS.customerKey} in the request and the paste box.`
		]);
		// Once the user puts the token back, the page stops asking for it.
		const fixed = { ...opened.case, requestText: opened.case.requestText.replace(PLACEHOLDERS.sessionToken, TOKEN), pasteText: '' };
		expect(missingSecrets(fixed).map((m) => m.kind)).toEqual(['customerKey']);
	});

	it('keeps the verdict honest on a link without its token: undecided, not "signature wrong"', async () => {
		const raw = `GET /test.txt HTTP/1.1\n${HOST}\nX-Amz-Date: 20130524T000000Z\nX-Amz-Content-Sha256: UNSIGNED-PAYLOAD\nX-Amz-Security-Token: ${TOKEN}\n`;
		const signed = (await analyze({ ...exampleCase(), requestText: raw })).trace!;
		const credential = `${EXAMPLE_CREDENTIALS.accessKeyId}/20130524/us-east-1/s3/aws4_request`;
		const paste = `${raw}Authorization: AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signed.signedHeaders.join(';')}, Signature=${signed.signature}\n`;
		const c = importPaste(exampleCase(), paste).case;
		expect((await analyze(c)).verdict?.kind).toBe('correct');

		const opened = await decodeCase(await encodeCase(c, { includeSecrets: false }));
		if (!('case' in opened)) throw new Error(opened.error.message);
		const after = await analyze(opened.case);
		expect(after.verdict?.kind).toBe('undecided');
		expect(after.verdict?.need).toContain('secret access key');
		expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);

		// With the secret typed back in but the token still a placeholder, the signed request would
		// carry the placeholder: nothing is judged until the token is back.
		const typed = { ...opened.case, secretAccessKey: EXAMPLE_CREDENTIALS.secretAccessKey };
		const waiting = await analyze(typed);
		expect(waiting.verdict).toMatchObject({ kind: 'undecided', need: expect.stringContaining('session token') });
		expect(waiting.verdict?.sentence).toContain(`in place of ${PLACEHOLDERS.sessionToken} in the request`);
		expect(waiting.findings.filter((f) => f.severity === 'error')).toEqual([]);
		const back = await analyze({ ...typed, requestText: typed.requestText.replace(PLACEHOLDERS.sessionToken, TOKEN) });
		expect(back.verdict?.kind).toBe('correct');
	});
});
