// No error finding on correct signers: the page's own exported programs (every language, header
// and presigned modes, with a session token), aws4 and aws4fetch as installed, and public correct
// snippets (tests/fixtures/code-in/correct.json, each with its source address).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, exampleCase } from '../../../src/lib/case/index.ts';
import { detectLanguage, lintSignerCode, type SourceLanguage } from '../../../src/lib/code-in/index.ts';
import { exportSigner, LANGUAGES, type Language } from '../../../src/lib/export/index.ts';
import { errors, FIXTURES } from './helpers.ts';

const SOURCE_OF: Record<Exclude<Language, 'curl'>, SourceLanguage> = {
	python: 'python',
	node: 'javascript',
	browser: 'javascript',
	java: 'java',
	go: 'go',
	php: 'php',
	ruby: 'ruby',
	csharp: 'csharp',
	apex: 'apex'
};
const ROOT = join(import.meta.dirname, '../../..');

describe('correct signers give no error finding', () => {
	const base = edit(exampleCase(), { sessionToken: 'IQoJb3JpZ2luX2VjTOKEN' });
	for (const mode of ['header', 'query'] as const)
		for (const language of LANGUAGES.filter((l): l is Exclude<Language, 'curl'> => l !== 'curl'))
			it(`the exported ${language} program (${mode}) is read as ${SOURCE_OF[language]} and is clean`, () => {
				const { code } = exportSigner(edit(base, { mode, service: mode === 'query' ? 's3' : 'sns' }), language);
				expect(detectLanguage(code)).toBe(SOURCE_OF[language]);
				expect(errors(lintSignerCode(code))).toEqual([]);
			});

	for (const file of ['node_modules/aws4/aws4.js', 'node_modules/aws4fetch/dist/aws4fetch.esm.mjs'])
		it(`${file} is clean`, () => {
			const path = join(ROOT, file);
			expect(existsSync(path)).toBe(true);
			const code = readFileSync(path, 'utf8');
			expect(detectLanguage(code)).toBe('javascript');
			expect(errors(lintSignerCode(code))).toEqual([]);
		});

	const { snippets } = JSON.parse(readFileSync(join(FIXTURES, 'correct.json'), 'utf8')) as {
		snippets: { url: string; language: SourceLanguage; code: string }[];
	};
	it('reads at least eight public correct signers', () => expect(snippets.length).toBeGreaterThanOrEqual(8));
	for (const s of snippets)
		it(`${s.url} is clean (given ${s.language}, and detected)`, () => {
			expect(errors(lintSignerCode(s.code, s.language))).toEqual([]);
			expect(errors(lintSignerCode(s.code))).toEqual([]);
		});
});
