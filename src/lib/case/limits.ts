import type { Case } from './case.ts';

/**
 * How much text the page takes, in one place. Everything the page accepts — a paste, a file, a
 * link, a case file — is measured here after it is unpacked, so that a small link of repetitive
 * text cannot make the page sign, compare or lay out megabytes.
 */

/** Characters in one text: the paste box, a file, and every text of a case (a request with its body, an evidence text). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;

/**
 * Lines in one text the page signs, compares or shows in a pane: a stage or evidence text, and a
 * request's head (its body may have any number of lines). A real canonical request has a few dozen;
 * AWS takes a few kilobytes of headers.
 */
export const MAX_TEXT_LINES = 20_000;

/** Above this the paste box shows a summary instead of the text: a textarea lays out megabytes slowly. */
export const LARGE_PASTE_CHARS = 200_000;
/** …or above this many lines, which cost a textarea's layout more than characters do. */
export const LARGE_PASTE_LINES = 2_000;

const number = (n: number) => n.toLocaleString('en-US');

/** Megabytes as a person reads them: "5.0 MB". */
export function megabytes(chars: number): string {
	return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/** Line breaks in `text` up to `limit` (counting stops there), and up to the first blank line when `headOnly`. */
export function countLines(text: string, opts: { headOnly?: boolean; limit?: number } = {}): number {
	const limit = opts.limit ?? Infinity;
	let lines = 1;
	for (let at = text.indexOf('\n'); at !== -1 && lines <= limit; at = text.indexOf('\n', at + 1)) {
		if (opts.headOnly && (text[at + 1] === '\n' || (text[at + 1] === '\r' && text[at + 2] === '\n'))) break;
		lines++;
	}
	return lines;
}

/** True when a paste is too large to lay into a textarea: the box shows a summary instead. */
export function isLargeText(text: string): boolean {
	return text.length > LARGE_PASTE_CHARS || countLines(text, { limit: LARGE_PASTE_LINES }) > LARGE_PASTE_LINES;
}

/** Why a paste or a file is refused, or undefined when the page takes it. */
export function pasteTooLarge(chars: number, what = 'This paste'): string | undefined {
	if (chars <= MAX_TEXT_CHARS) return undefined;
	const size = megabytes(chars) === megabytes(MAX_TEXT_CHARS) ? `just over ${megabytes(MAX_TEXT_CHARS)}` : megabytes(chars);
	return `${what} is ${size}; the page takes up to ${megabytes(MAX_TEXT_CHARS)} (cut a HAR down to the failing request, or a body to its first lines).`;
}

/**
 * Why one text of a case is refused, or undefined: `label` names it for the user ("the request",
 * "\"provided.canonicalRequest\""). `headOnly` counts a request's lines up to its body.
 */
export function textTooLarge(label: string, text: string, opts: { headOnly?: boolean; linesLimited?: boolean } = {}): string | undefined {
	if (text.length > MAX_TEXT_CHARS) {
		return `${label} has ${number(text.length)} characters, more than the ${number(MAX_TEXT_CHARS)} the page takes in one text`;
	}
	if (opts.linesLimited === false) return undefined;
	const lines = countLines(text, { headOnly: opts.headOnly ?? false, limit: MAX_TEXT_LINES });
	if (lines > MAX_TEXT_LINES) {
		const where = opts.headOnly ? ' before its body' : '';
		return `${label} has more than ${number(MAX_TEXT_LINES)} lines${where}, more than the page takes in one text`;
	}
	return undefined;
}

/** Texts measured in characters only: the paste box shows a large paste as a summary, never as lines. */
const CHARS_ONLY = new Set(['pasteText']);

/**
 * The first text of a case that is too large, as a sentence naming it by its path in the case
 * (`prefix` first: a case file keeps the case under "case"; `label` words a path), or undefined when every text fits.
 * Every string of the case counts, nested ones too (provided, server, overrides, form fields).
 */
export function caseTooLarge(c: Case, prefix = '', label: (path: string) => string = (path) => `"${path}"`): string | undefined {
	for (const [field, value] of Object.entries(c)) {
		const path = prefix === '' ? field : `${prefix}.${field}`;
		for (const [where, text] of textsOf(value, path)) {
			const problem = textTooLarge(label(where), text, { headOnly: field === 'requestText', linesLimited: !CHARS_ONLY.has(field) });
			if (problem) return problem;
		}
	}
	return undefined;
}

function textsOf(value: unknown, path: string): [string, string][] {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => textsOf(v, `${path}[${i}]`));
	if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => textsOf(v, `${path}.${k}`));
	return [];
}

/**
 * A large request as its textarea shows it: the head to read and edit, and the rest (the blank line
 * and the body) kept aside and signed as it is. The whole text is hidden when the head is large too.
 * Undefined when the request is small enough to show whole.
 */
export function hiddenBody(text: string): { shown: string; hidden: string } | undefined {
	if (!isLargeText(text)) return undefined;
	const blank = /\r?\n\r?\n/.exec(text);
	const head = blank ? text.slice(0, blank.index) : text;
	if (isLargeText(head)) return { shown: '', hidden: text };
	return { shown: head, hidden: text.slice(head.length) };
}
