import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSignerCode, type CodeFinding, type SourceLanguage } from '../../../src/lib/code-in/index.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/code-in');

/** Lines [from, to] (1-based, inclusive) of a seed story, and the findings of that code with the seed's own line numbers. */
export function lintSeedLines(seed: string, from: number, to: number, language?: SourceLanguage): CodeFinding[] {
	const lines = readFileSync(join(FIXTURES, 'seeds', seed), 'utf8').split('\n');
	return lintSignerCode(lines.slice(from - 1, to).join('\n'), language).map((f) => ({ ...f, line: f.line + from - 1 }));
}

/** "code@line" for each finding, for readable assertions. */
export const at = (findings: CodeFinding[]) => findings.map((f) => `${f.code}@${f.line}`);
export const errors = (findings: CodeFinding[]) => findings.filter((f) => f.severity === 'error');
