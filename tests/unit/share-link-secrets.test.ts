// The secret access key and the session token travel only when the user chose to include them:
// not in the link as written, not in the JSON it unpacks to, not in a case file.
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFromJson, caseToJson, decodeCase, encodeCase } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE, type Case as ShareCase } from '../../src/lib/case/index.ts';
import { anyCase, withoutSecrets } from './share-case-arbitrary.ts';

/** The link's JSON, unpacked by Node's own zlib rather than by the code under test. */
function unpacked(fragment: string): string {
	return inflateSync(Buffer.from(fragment.replace(/^v1=/, ''), 'base64url')).toString('utf8');
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/** A random case whose secrets are long random texts that no other field can contain by chance. */
const caseWithDistinctSecrets = fc
	.record({ c: anyCase, secret: hex(40), token: hex(64) })
	.map(({ c, secret, token }) => ({ ...c, secretAccessKey: `SECRET${secret}`, sessionToken: `TOKEN${token}` }));

function secretsOf(c: ShareCase): string[] {
	return [c.secretAccessKey!, c.sessionToken!];
}

describe('secrets in share links', () => {
	it('leaves the secret and the token out of the link and out of its JSON unless included', async () => {
		await fc.assert(
			fc.asyncProperty(caseWithDistinctSecrets, async (c) => {
				const fragment = await encodeCase(c, { includeSecrets: false });
				const json = unpacked(fragment);
				for (const secret of secretsOf(c)) {
					expect(fragment).not.toContain(secret);
					expect(json).not.toContain(secret);
				}
				// The key names are gone too, not just the values.
				expect(Object.keys(JSON.parse(json) as object)).not.toContain('s');
				expect(Object.keys(JSON.parse(json) as object)).not.toContain('t');
				expect(await decodeCase(fragment)).toStrictEqual({ case: withoutSecrets(c), secretsIncluded: false });
			}),
			{ numRuns: 200 }
		);
	});

	it('carries them, and says so, when included', async () => {
		await fc.assert(
			fc.asyncProperty(caseWithDistinctSecrets, async (c) => {
				const fragment = await encodeCase(c, { includeSecrets: true });
				const json = unpacked(fragment);
				for (const secret of secretsOf(c)) expect(json).toContain(secret);
				expect(await decodeCase(fragment)).toStrictEqual({ case: c, secretsIncluded: true });
			}),
			{ numRuns: 100 }
		);
	});

	it('leaves them out of a case file unless included', () => {
		fc.assert(
			fc.property(caseWithDistinctSecrets, (c) => {
				const file = caseToJson(c, { includeSecrets: false });
				for (const secret of secretsOf(c)) expect(file).not.toContain(secret);
				expect(file).not.toMatch(/"secretAccessKey"|"sessionToken"/);
				expect(caseFromJson(file)).toStrictEqual({ case: withoutSecrets(c), secretsIncluded: false });

				const withSecrets = caseToJson(c, { includeSecrets: true });
				for (const secret of secretsOf(c)) expect(withSecrets).toContain(secret);
			}),
			{ numRuns: 200 }
		);
	});

	it("keeps AWS's published example secret in a link: it is public, and the example reproduces without retyping it", async () => {
		const fragment = await encodeCase(DEFAULT_CASE, { includeSecrets: false });
		expect(JSON.parse(unpacked(fragment))).toStrictEqual({ s: DEFAULT_CASE.secretAccessKey });
		// It is no secret of the user's: the link does not count as one that carries secrets.
		expect(await decodeCase(fragment)).toStrictEqual({ case: DEFAULT_CASE, secretsIncluded: false });
		// Any other secret is left out, and a missing secret is never filled in with the example's.
		const own: ShareCase = { ...DEFAULT_CASE, secretAccessKey: 'notTheExampleSecret0000000000000000000000' };
		const opened = await decodeCase(await encodeCase(own, { includeSecrets: false }));
		expect(opened).toStrictEqual({ case: withoutSecrets(own), secretsIncluded: false });
		expect('case' in opened && opened.case.secretAccessKey).toBe(undefined);
	});

	it('never carries pasted signing keys, even with secrets included: they sign like the secret', async () => {
		const kSigning = 'f'.repeat(64);
		const c: ShareCase = { ...DEFAULT_CASE, provided: { signature: 'ab', signingKeys: { kSigning } } };
		for (const includeSecrets of [false, true]) {
			const fragment = await encodeCase(c, { includeSecrets });
			expect(unpacked(fragment)).not.toContain(kSigning);
			expect(caseToJson(c, { includeSecrets })).not.toContain(kSigning);
			const opened = await decodeCase(fragment);
			expect('case' in opened && opened.case.provided).toEqual({ signature: 'ab' });
		}
	});

	it('counts a link with only a session token, or an empty secret, as one that includes secrets', async () => {
		const tokenOnly: ShareCase = { ...withoutSecrets(DEFAULT_CASE), sessionToken: 'FwoGZXIvYXdzEXAMPLE' };
		expect(await decodeCase(await encodeCase(tokenOnly, { includeSecrets: true }))).toStrictEqual({
			case: tokenOnly,
			secretsIncluded: true
		});
		const empty: ShareCase = { ...DEFAULT_CASE, secretAccessKey: '', sessionToken: '' };
		expect(await decodeCase(await encodeCase(empty, { includeSecrets: true }))).toStrictEqual({ case: empty, secretsIncluded: true });
		// Ticked, but there was nothing to include: the link honestly says it carries no secret.
		const { secretAccessKey: _s, ...noSecret } = DEFAULT_CASE;
		expect(await decodeCase(await encodeCase(noSecret, { includeSecrets: true }))).toStrictEqual({
			case: noSecret,
			secretsIncluded: false
		});
	});
});
