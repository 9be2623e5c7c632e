// Secrets pasted in any of the shapes the importers read (and some they do not) never leave the
// page without "include secrets": not in the link (unpacked by Node's own zlib), not in the case
// file, not in what "Remember on this device" stores. What was left out is reported, and the
// opened case asks for each secret whose placeholder it carries.
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleCase, importPaste, type Case } from '../../../src/lib/case/index.ts';
import { missingSecrets, redactSecrets, type SecretKind } from '../../../src/lib/case/redact-secrets.ts';
import { caseFromJson, caseToJson, decodeCase, encodeCase } from '../../../src/lib/share/index.ts';

interface Secrets {
	akid: string;
	secret: string;
	token: string;
	sseKey: string;
}

const B64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];
const b64 = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...B64), minLength: min, maxLength: max });

/** Secret-looking values: a 40-character secret key, a long STS token (with "/", "+" and "="), a base64 SSE-C key. */
const secrets: fc.Arbitrary<Secrets> = fc.record({
	akid: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 16, maxLength: 16 }).map((s) => `ASIA${s}`),
	secret: b64(40, 40).map((s) => `Zs${s.slice(2)}`),
	token: b64(60, 300).map((s) => `IQoJb3JpZ2luX2Vj${s}==`),
	sseKey: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64'))
});

const HOST = 'examplebucket.s3.amazonaws.com';
const AUTH = (s: Secrets) =>
	`AWS4-HMAC-SHA256 Credential=${s.akid}/20240110/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${'ab'.repeat(32)}`;
const enc = encodeURIComponent;

/** Every paste shape that can carry a secret; each names the kinds it carries. */
const PASTES: { name: string; kinds: SecretKind[]; text: (s: Secrets) => string }[] = [
	{
		name: 'raw HTTP with a token and SSE-C keys',
		kinds: ['sessionToken', 'customerKey'],
		text: (s) =>
			`PUT /k HTTP/1.1\nHost: ${HOST}\nX-Amz-Date: 20240110T120000Z\nX-Amz-Security-Token: ${s.token}\n` +
			`x-amz-server-side-encryption-customer-key: ${s.sseKey}\nx-amz-copy-source-server-side-encryption-customer-key:${s.sseKey}\nAuthorization: ${AUTH(s)}\n\nbody`
	},
	{
		name: 'curl --user with secret and token',
		kinds: ['secretAccessKey', 'sessionToken'],
		text: (s) => `curl --aws-sigv4 "aws:amz:us-east-1:s3" --user "${s.akid}:${s.secret}:${s.token}" https://${HOST}/k`
	},
	{
		name: 'curl -u',
		kinds: ['secretAccessKey'],
		text: (s) => `curl -X GET https://${HOST}/k --aws-sigv4 aws:amz:us-east-1:s3 -u ${s.akid}:${s.secret}`
	},
	{
		name: 'curl with header options',
		kinds: ['sessionToken', 'customerKey'],
		text: (s) =>
			`curl 'https://${HOST}/k' -X PUT -H 'x-amz-date: 20240110T120000Z' -H 'x-amz-security-token: ${s.token}' -H 'x-amz-server-side-encryption-customer-key: ${s.sseKey}' -H 'authorization: ${AUTH(s)}'`
	},
	{
		name: 'presigned URL',
		kinds: ['sessionToken'],
		text: (s) =>
			`https://${HOST}/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${s.akid}%2F20240110%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240110T120000Z&X-Amz-Expires=300&X-Amz-Security-Token=${enc(s.token)}&X-Amz-SignedHeaders=host&X-Amz-Signature=${'cd'.repeat(32)}`
	},
	{ name: 'URL with userinfo', kinds: ['secretAccessKey'], text: (s) => `GET https://${s.akid}:${s.secret}@${HOST}/k` },
	{
		name: 'awscurl log',
		kinds: ['secretAccessKey', 'sessionToken'],
		text: (s) =>
			`$ awscurl -v --service s3 --region us-east-1 https://${HOST}/k\n{'access_key': '${s.akid}',\n 'secret_key': '${s.secret}',\n 'security_token': '${s.token}',\n 'session_token': '${s.token}',\n 'uri': 'https://${HOST}/k'}\n{'Authorization': '${AUTH(s)}',\n 'x-amz-security-token': '${s.token}'}`
	},
	{
		name: 'awscurl command',
		kinds: ['secretAccessKey', 'sessionToken'],
		text: (s) => `awscurl --service s3 --access_key ${s.akid} --secret_key ${s.secret} --session_token ${s.token} https://${HOST}/k`
	},
	{
		name: 'aws config text',
		kinds: ['secretAccessKey', 'sessionToken'],
		text: (s) =>
			`[default]\naws_access_key_id = ${s.akid}\naws_secret_access_key = ${s.secret}\naws_session_token = ${s.token}\nregion = us-east-1`
	},
	{
		name: 'environment',
		kinds: ['secretAccessKey', 'sessionToken'],
		text: (s) => `export AWS_ACCESS_KEY_ID=${s.akid}\nexport AWS_SECRET_ACCESS_KEY="${s.secret}"\nexport AWS_SESSION_TOKEN='${s.token}'`
	},
	{
		name: 'credentials JSON',
		kinds: ['secretAccessKey', 'sessionToken'],
		text: (s) => JSON.stringify({ Credentials: { AccessKeyId: s.akid, SecretAccessKey: s.secret, SessionToken: s.token } }, null, 2)
	},
	{
		name: 'HAR',
		kinds: ['sessionToken', 'customerKey'],
		text: (s) =>
			JSON.stringify({
				log: {
					version: '1.2',
					entries: [
						{
							request: {
								method: 'PUT',
								url: `https://${HOST}/k?X-Amz-Security-Token=${enc(s.token)}`,
								httpVersion: 'http/1.1',
								headers: [
									{ name: 'Host', value: HOST },
									{ name: 'X-Amz-Date', value: '20240110T120000Z' },
									{ name: 'x-amz-security-token', value: s.token },
									{ value: s.sseKey, name: 'x-amz-server-side-encryption-customer-key' },
									{ name: 'Authorization', value: AUTH(s) }
								],
								queryString: [{ name: 'X-Amz-Security-Token', value: s.token }]
							},
							response: { status: 403, headers: [], content: { text: '' } }
						}
					]
				}
			})
	},
	{
		name: 'fetch',
		kinds: ['sessionToken', 'customerKey'],
		text: (s) =>
			`fetch("https://${HOST}/k", {\n  "headers": {\n    "authorization": "${AUTH(s)}",\n    "x-amz-date": "20240110T120000Z",\n    "x-amz-security-token": "${s.token}",\n    "x-amz-server-side-encryption-customer-key": "${s.sseKey}"\n  },\n  "method": "PUT"\n});`
	},
	{
		name: 'S3 error with the canonical request',
		kinds: ['sessionToken'],
		text: (s) =>
			`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><AWSAccessKeyId>${s.akid}</AWSAccessKeyId><CanonicalRequest>GET\n/k\n\nhost:${HOST}\nx-amz-date:20240110T120000Z\nx-amz-security-token:${s.token}\n\nhost;x-amz-date;x-amz-security-token\nUNSIGNED-PAYLOAD</CanonicalRequest></Error>`
	},
	{
		name: 'HTML form',
		kinds: ['sessionToken'],
		text: (s) =>
			`<form action="https://${HOST}/" method="post" enctype="multipart/form-data">\n<input type="hidden" name="key" value="uploads/a">\n<input type="hidden" name="x-amz-security-token" value="${s.token}">\n<input type="hidden" name="x-amz-credential" value="${s.akid}/20240110/us-east-1/s3/aws4_request">\n</form>`
	}
];

/** Where a secret would show: as it is, and percent-encoded. */
const forms = (value: string) => [value, enc(value)];

function secretsOf(s: Secrets, kinds: SecretKind[]): string[] {
	const of: Record<SecretKind, string[]> = { secretAccessKey: [s.secret], sessionToken: [s.token], customerKey: [s.sseKey] };
	return kinds.flatMap((k) => of[k]).flatMap(forms);
}

/** The link's JSON, unpacked by Node's own zlib rather than by the code under test. */
const unpacked = (fragment: string) => inflateSync(Buffer.from(fragment.replace(/^v1=/, ''), 'base64url')).toString('utf8');

/** A case made as a user makes one: typed keys, a paste, another paste, an edited stage that quotes the token. */
function caseFrom(s: Secrets, pasteIndexes: number[], typed: { secret: boolean; token: boolean }, edited: boolean): Case {
	let c = exampleCase();
	if (typed.secret) c = { ...c, secretAccessKey: s.secret };
	if (typed.token) c = { ...c, sessionToken: s.token };
	for (const i of pasteIndexes) c = importPaste(c, PASTES[i]!.text(s)).case;
	if (edited) c = { ...c, overrides: { canonicalRequest: `GET\n/k\n\nx-amz-security-token:${s.token}\n` } };
	return c;
}

const scenario = fc.record({
	s: secrets,
	pastes: fc.array(fc.nat(PASTES.length - 1), { minLength: 1, maxLength: 2 }),
	typed: fc.record({ secret: fc.boolean(), token: fc.boolean() }),
	edited: fc.boolean()
});

describe('secrets pasted into a case', () => {
	it('reach no link, no file and no storage unless included, and the opened case asks for each', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async ({ s, pastes, typed, edited }) => {
				const c = caseFrom(s, pastes, typed, edited);
				const present = (['secretAccessKey', 'sessionToken', 'customerKey'] as const).filter((k) =>
					secretsOf(s, [k]).some((v) => JSON.stringify(c).includes(v))
				);
				const all = secretsOf(s, ['secretAccessKey', 'sessionToken', 'customerKey']);

				const fragment = await encodeCase(c, { includeSecrets: false });
				const outside = [fragment, unpacked(fragment), caseToJson(c, { includeSecrets: false })];
				for (const text of outside) for (const secret of all) expect(text).not.toContain(secret);

				const { leftOut } = redactSecrets(c);
				expect(Object.keys(leftOut.places).sort()).toEqual([...present].sort());

				// Each secret whose placeholder stands in a text is asked for on the other side, from a link or a file.
				const opened = await decodeCase(fragment);
				const fromFile = caseFromJson(caseToJson(c, { includeSecrets: false }));
				if (!('case' in opened) || !('case' in fromFile)) throw new Error('the link or the file did not open');
				expect(opened.secretsIncluded).toBe(false);
				const textsHeld = JSON.stringify({ ...c, secretAccessKey: '', sessionToken: '', origins: {} });
				const inTexts = (['secretAccessKey', 'sessionToken', 'customerKey'] as const).filter((k) =>
					secretsOf(s, [k]).some((v) => textsHeld.includes(v))
				);
				expect(missingSecrets(opened.case).map((m) => m.kind)).toEqual(inTexts);
				expect(missingSecrets(fromFile.case)).toEqual(missingSecrets(opened.case));

				// Included, they travel as they were.
				const withSecrets = JSON.stringify(await decodeCase(await encodeCase(c, { includeSecrets: true })));
				for (const kind of inTexts) expect(secretsOf(s, [kind]).some((v) => withSecrets.includes(v))).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});

	it('takes out everything from every paste shape, each on its own', () => {
		fc.assert(
			fc.property(secrets, fc.nat(PASTES.length - 1), (s, i) => {
				const c = importPaste(exampleCase(), PASTES[i]!.text(s)).case;
				const stored = caseToJson(c, { includeSecrets: false });
				for (const secret of secretsOf(s, PASTES[i]!.kinds)) expect(stored, PASTES[i]!.name).not.toContain(secret);
				const kinds = Object.keys(redactSecrets(c).leftOut.places).sort();
				expect(kinds, PASTES[i]!.name).toEqual([...PASTES[i]!.kinds].sort());
				// The redaction is done once: a redacted case has nothing more to give.
				expect(redactSecrets(redactSecrets(c).case).leftOut.places).toEqual({});
			}),
			{ numRuns: 200 }
		);
	});
});
