import { jsonSyntaxError } from './json-syntax-error.ts';
import { readCase } from '../case/read-case.ts';
import { carriesSecrets, shareableCase } from './shareable-case.ts';
import { shareLinkError, type OpenedCase } from './share-link-error.ts';
import { MAX_CASE_FILE_CHARS } from './share-limits.ts';
import type { Case } from '../case/case.ts';

export const CASE_FILE_FORMAT = 'sigv4-debugger-case';
export const CASE_FILE_VERSION = 1;

const ELSEWHERE = 'Export the case again from the page, or fix the file where it says.';

/**
 * The case as a JSON file, `{ "format": "sigv4-debugger-case", "version": 1, "case": {...} }`:
 * every field under its full name (a file is for people to read, and size matters less), pretty
 * printed. Without includeSecrets every secret is redacted, as in a link (see outgoingCase).
 */
export function caseToJson(c: Case, opts: { includeSecrets: boolean }): string {
	const file = { format: CASE_FILE_FORMAT, version: CASE_FILE_VERSION, case: shareableCase(c, opts.includeSecrets) };
	return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Opens a case file's text. Never throws; the message of an error says what is wrong and where
 * (the line and column of a JSON syntax error, the field with the wrong type). Fields missing
 * from the case take the page's defaults, unknown ones are ignored, as in a link.
 */
export function caseFromJson(text: string): OpenedCase {
	try {
		return read(typeof text === 'string' ? text : '');
	} catch (e) {
		// Not expected: every step reports its own failures. Kept so that a surprise still gives a message.
		return shareLinkError('bad-shape', `This file could not be opened (${String(e)}).`);
	}
}

function read(text: string): OpenedCase {
	// Editors on some systems start UTF-8 files with a byte-order mark, which JSON does not allow.
	const json = text.replace(/^\uFEFF/, '');
	if (json.trim() === '') return shareLinkError('empty', 'This file is empty. Choose a case file exported from this page.');
	if (json.length > MAX_CASE_FILE_CHARS) {
		return shareLinkError(
			'too-large',
			`This file is too large to be a case (${json.length.toLocaleString('en-US')} characters; a case file holds up to ${MAX_CASE_FILE_CHARS.toLocaleString('en-US')}).`
		);
	}

	let file: unknown;
	try {
		file = JSON.parse(json);
	} catch (e) {
		return shareLinkError('not-json', `This file is not valid JSON: ${syntaxError(json, e)}. ${ELSEWHERE}`);
	}

	if (typeof file !== 'object' || file === null || Array.isArray(file) || (file as Record<string, unknown>).format !== CASE_FILE_FORMAT) {
		return shareLinkError(
			'bad-shape',
			`This JSON file is not a SigV4 Debugger case: it should be an object with "format": "${CASE_FILE_FORMAT}". Choose a case file exported from this page.`
		);
	}
	const { version, case: c } = file as Record<string, unknown>;
	if (version !== CASE_FILE_VERSION) {
		if (typeof version === 'number' && Number.isSafeInteger(version) && version > CASE_FILE_VERSION) {
			return shareLinkError(
				'future-version',
				`This file was made by a newer version of this page (case format ${version}), which this version cannot read. Reload the page to get the newest version, then open the file again.`
			);
		}
		return shareLinkError(
			'unknown-version',
			`This file's "version" should be ${CASE_FILE_VERSION}, but it is ${JSON.stringify(version) ?? 'missing'}. ${ELSEWHERE}`
		);
	}

	if (!Object.hasOwn(file, 'case')) {
		return shareLinkError(
			'bad-shape',
			`This case file has no "case": the file names its format and version, but the case itself is missing. ${ELSEWHERE}`
		);
	}
	const opened = readCase(c, 'case');
	if ('problem' in opened && opened.tooLarge)
		return shareLinkError('too-large', `This case file is too large for this page: ${opened.problem}.`);
	if ('problem' in opened) return shareLinkError('bad-shape', `This case file is not valid: ${opened.problem}. ${ELSEWHERE}`);
	return { case: opened.case, secretsIncluded: carriesSecrets(opened.case) };
}

/** Where and how the text stops being JSON, in the same words in every browser. */
function syntaxError(text: string, e: unknown): string {
	const found = jsonSyntaxError(text);
	if (found) return `at line ${found.line}, column ${found.column}: ${found.problem}`;
	// The scanner found nothing wrong but JSON.parse did: give the engine's own words.
	return e instanceof Error ? e.message : String(e);
}
