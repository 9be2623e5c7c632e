// Real signer snippets with known bugs (tests/fixtures/code-in/corpus.json, each with its source
// address): at least 90% of them must be named with their expected codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../src/lib/findings/index.ts';
import { lintSignerCode, SOURCE_LANGUAGES, type SourceLanguage } from '../../../src/lib/code-in/index.ts';
import { FIXTURES } from './helpers.ts';

interface Snippet {
	id: string;
	url: string;
	language: SourceLanguage;
	codes: string[];
	code: string;
}
const { snippets } = JSON.parse(readFileSync(join(FIXTURES, 'corpus.json'), 'utf8')) as { snippets: Snippet[] };

describe('the real-world corpus of buggy signer snippets', () => {
	it('records a source address, a language and known codes for every snippet', () => {
		expect(snippets.length).toBeGreaterThanOrEqual(31);
		expect(new Set(snippets.map((s) => s.id)).size).toBe(snippets.length);
		for (const s of snippets) {
			expect(s.url).toMatch(/^https:\/\//);
			expect(SOURCE_LANGUAGES).toContain(s.language);
			for (const code of s.codes) expect(Object.keys(FINDING_CODES)).toContain(code);
		}
		// Every language "Your code" reads has a real snippet here.
		expect(new Set(snippets.map((s) => s.language)).size).toBe(SOURCE_LANGUAGES.length);
	});

	it('names at least 90% of them with their expected codes, given the language', () => {
		const missed = snippets.filter((s) => {
			const got = new Set(lintSignerCode(s.code, s.language).map((f) => f.code));
			return !s.codes.every((c) => got.has(c as never));
		});
		expect(missed.map((s) => s.id)).toEqual([]);
		expect(1 - missed.length / snippets.length).toBeGreaterThanOrEqual(0.9);
	});

	it('names them as well when the language is detected, not given', () => {
		const named = snippets.filter((s) => {
			const got = new Set(lintSignerCode(s.code).map((f) => f.code));
			return s.codes.every((c) => got.has(c as never));
		});
		expect(named.length / snippets.length).toBeGreaterThanOrEqual(0.9);
	});
});
