// Any case → link → the same case, stage for stage: with the secrets when they were included,
// without them when not. Markup and script come back as the same plain text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCase, encodeCase } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE, type Case as ShareCase } from '../../src/lib/case/index.ts';
import { SHORT_KEYS } from '../../src/lib/share/short-keys.ts';
import { anyCase, HOSTILE_TEXTS, withoutSecrets } from './share-case-arbitrary.ts';
import { carriesSecrets } from '../../src/lib/share/shareable-case.ts';

async function roundTrip(c: ShareCase, includeSecrets: boolean) {
	const fragment = await encodeCase(c, { includeSecrets });
	expect(fragment).toMatch(/^v1=[A-Za-z0-9_-]+$/);
	return decodeCase(`#${fragment}`);
}

describe('share link round trip', () => {
	it('gives back any case with its secrets, when they are included', async () => {
		await fc.assert(
			fc.asyncProperty(anyCase, async (c) => {
				const opened = await roundTrip(c, true);
				expect(opened).toStrictEqual({ case: c, secretsIncluded: carriesSecrets(c) });
			}),
			{ numRuns: 300 }
		);
	});

	it('gives back any case without its secrets, when they are not', async () => {
		await fc.assert(
			fc.asyncProperty(anyCase, async (c) => {
				expect(await roundTrip(c, false)).toStrictEqual({ case: withoutSecrets(c), secretsIncluded: false });
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps markup and script in every field as the same text', async () => {
		const hostile = HOSTILE_TEXTS.join('\n');
		const c: ShareCase = {
			...DEFAULT_CASE,
			requestText: hostile,
			accessKeyId: hostile,
			secretAccessKey: hostile,
			sessionToken: hostile,
			region: hostile,
			service: hostile,
			datetime: hostile,
			expiresIn: hostile,
			signedHeaders: hostile,
			overrides: { canonicalRequest: hostile, stringToSign: hostile, signingKey: hostile, signature: hostile },
			pasteText: hostile,
			provided: { canonicalRequest: hostile, stringToSign: hostile, signature: hostile, authorization: hostile, signedUrl: hostile },
			server: {
				canonicalRequest: hostile,
				stringToSign: hostile,
				code: hostile,
				message: hostile,
				fields: { [hostile]: hostile, __proto__x: hostile }
			},
			form: [[hostile, hostile]],
			sigv2Fields: [[hostile, hostile]],
			view: { optionsOpen: true, learnStep: 3 }
		};
		expect(await roundTrip(c, true)).toStrictEqual({ case: c, secretsIncluded: true });
	});

	it('keeps a server field named "__proto__" as an ordinary field', async () => {
		const fields = JSON.parse('{"__proto__": "<b>x</b>", "constructor": "y"}') as Record<string, string>;
		const c: ShareCase = { ...DEFAULT_CASE, server: { fields } };
		const opened = await roundTrip(c, false);
		if (!('case' in opened)) throw new Error(opened.error.message);
		expect(Object.getPrototypeOf(opened.case.server.fields)).toBe(Object.prototype);
		expect(Object.entries(opened.case.server.fields ?? {})).toStrictEqual([
			['__proto__', '<b>x</b>'],
			['constructor', 'y']
		]);
	});

	it('gives the default example back from a link that stores nothing but the version', async () => {
		const fragment = await encodeCase(DEFAULT_CASE, { includeSecrets: false });
		expect(await decodeCase(fragment)).toStrictEqual({ case: withoutSecrets(DEFAULT_CASE), secretsIncluded: false });
	});

	it('hands out fresh objects, so changing an opened case cannot change the defaults', async () => {
		const before = structuredClone(DEFAULT_CASE);
		const opened = await decodeCase(await encodeCase(DEFAULT_CASE, { includeSecrets: false }));
		if (!('case' in opened)) throw new Error(opened.error.message);
		opened.case.overrides.signature = 'changed';
		opened.case.form.push(['a', 'b']);
		opened.case.view.optionsOpen = true;
		expect(DEFAULT_CASE).toStrictEqual(before);
	});

	it('stores only the case: other properties of the object it is given stay out of the link', async () => {
		const c = { ...DEFAULT_CASE, region: 'eu-west-1', credentials: { secretAccessKey: 'NOT-IN-THE-LINK' }, extra: 'NOT-EITHER' };
		const opened = await roundTrip(c, true);
		expect(opened).toStrictEqual({ case: { ...DEFAULT_CASE, region: 'eu-west-1' }, secretsIncluded: false });
	});

	it('reads a reactive proxy of a case like the case itself', async () => {
		const c: ShareCase = { ...DEFAULT_CASE, form: [['key', 'a/b.txt']], view: { optionsOpen: true } };
		const proxy = new Proxy(c, {});
		expect(await encodeCase(proxy, { includeSecrets: true })).toBe(await encodeCase(c, { includeSecrets: true }));
	});

	it('uses a different short key for every field', () => {
		const keys = Object.values(SHORT_KEYS);
		expect(new Set(keys).size).toBe(keys.length);
		expect(Object.keys(SHORT_KEYS).sort()).toStrictEqual(Object.keys({ ...DEFAULT_CASE, sessionToken: '', bodyFile: 0 }).sort());
	});
});
