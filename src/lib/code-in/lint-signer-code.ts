import type { CodeFinding } from './code-finding.ts';
import { detectLanguage, type SourceLanguage } from './languages.ts';
import { dateRules } from './rules-date.ts';
import { encodeRules } from './rules-encode.ts';
import { fieldRules } from './rules-fields.ts';
import { headerRules } from './rules-headers.ts';
import { keyRules } from './rules-key.ts';
import { outputRules } from './rules-output.ts';
import { readSource } from './source.ts';

/** Past this size a paste is not one signer; reading stops there so the page stays responsive. */
export const MAX_SOURCE_CHARS = 200_000;

/**
 * The known SigV4 mistakes in signer source, each at its line and column, in source order. The
 * language is detected when not given; text that reads as no language gives no findings.
 */
export function lintSignerCode(source: string, language?: SourceLanguage): CodeFinding[] {
	const text = source.slice(0, MAX_SOURCE_CHARS).replace(/\r\n?/g, '\n');
	const lang = language ?? detectLanguage(text);
	if (!lang) return [];
	const src = readSource(text, lang);
	const all = [...dateRules(src), ...keyRules(src), ...outputRules(src), ...encodeRules(src), ...headerRules(src), ...fieldRules(src)];
	const seen = new Set<string>();
	return all
		.filter((f) => {
			const key = `${f.code}@${f.line}:${f.column}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => a.line - b.line || a.column - b.column);
}
