import { base64UrlToBytes, bytesToBase64Url } from './base64url.ts';
import { CaseTooLargeError } from './case-too-large-error.ts';
import { compactCase, expandCase } from './compact-case.ts';
import { deflate } from './deflate.ts';
import { inflateCapped } from './inflate-capped.ts';
import { readCase } from '../case/read-case.ts';
import { textLength } from '../case/case-texts.ts';
import { carriesSecrets, shareableCase } from './shareable-case.ts';
import { shareLinkError, type OpenedCase } from './share-link-error.ts';
import { MAX_CASE_BYTES, MAX_FRAGMENT_LENGTH } from './share-limits.ts';
import type { Case } from '../case/case.ts';

const PREFIX = 'v1=';
const COPY_AGAIN = 'Copy the whole link again, or ask whoever sent it for a new one.';

const number = (n: number) => n.toLocaleString('en-US');

/**
 * The URL fragment (without '#') that reopens the case: `v1=` and the base64url of the
 * compressed JSON of the case, stored under short keys and without the fields that equal the
 * page's default. Without includeSecrets every secret the case holds is redacted (see
 * outgoingCase) before anything is serialised.
 *
 * Rejects with a CaseTooLargeError, and only then, when the link would be too large to open again
 * (MAX_FRAGMENT_LENGTH characters, or MAX_CASE_BYTES of JSON): such a case is shared as a file.
 */
export async function encodeCase(c: Case, opts: { includeSecrets: boolean }): Promise<string> {
	// Redaction reads every text: a case far past the cap is told so before that work. Twice the
	// cap, because a redaction can shorten a case (a placeholder is shorter than a long token).
	const chars = textLength(c);
	if (chars > 2 * MAX_CASE_BYTES) {
		throw new CaseTooLargeError(
			`This case is too large for a link (${number(chars)} characters of text; a link holds up to ${number(MAX_CASE_BYTES)} bytes). Export it as a file instead.`
		);
	}
	const json = new TextEncoder().encode(JSON.stringify(compactCase(shareableCase(c, opts.includeSecrets))));
	if (json.byteLength > MAX_CASE_BYTES) {
		throw new CaseTooLargeError(
			`This case is too large for a link (${number(json.byteLength)} bytes; a link holds up to ${number(MAX_CASE_BYTES)}). Export it as a file instead.`
		);
	}
	const fragment = PREFIX + bytesToBase64Url(await deflate(json));
	if (fragment.length > MAX_FRAGMENT_LENGTH) {
		throw new CaseTooLargeError(
			`This case is too large for a link (${number(fragment.length)} characters; a link holds up to ${number(MAX_FRAGMENT_LENGTH)}). Export it as a file instead.`
		);
	}
	return fragment;
}

/**
 * Opens a link's fragment, with or without its '#'. Never throws: a broken, foreign or hostile
 * link gives an error whose message says what is wrong and what to do. The case's texts come back
 * exactly as they went in; the page shows them as text only.
 */
export async function decodeCase(fragment: string): Promise<OpenedCase> {
	try {
		return await decode(typeof fragment === 'string' ? fragment : '');
	} catch (e) {
		// Not expected: every step reports its own failures. Kept so that a surprise still gives a message.
		return shareLinkError('bad-shape', `This link could not be opened (${String(e)}). ${COPY_AGAIN}`);
	}
}

async function decode(fragment: string): Promise<OpenedCase> {
	const text = fragment.trim().replace(/^#/, '');
	if (text === '') return shareLinkError('empty', 'This link has no case in it: nothing follows the "#". Ask for the whole link.');
	if (text.length > MAX_FRAGMENT_LENGTH) {
		return shareLinkError(
			'too-large',
			`This link is too long to open (${number(text.length)} characters; a link holds up to ${number(MAX_FRAGMENT_LENGTH)}). Ask for the case as a file instead.`
		);
	}

	const version = /^v(0|[1-9][0-9]*)=/.exec(text);
	if (!version) {
		if (/^v[0-9]*$/.test(text)) return shareLinkError('truncated', `This link is cut off: it ends at "#${text}". ${COPY_AGAIN}`);
		return shareLinkError(
			'unknown-version',
			'This link does not hold a SigV4 Debugger case (those start with "#v1="). Check that the whole link was copied, and that it is a link to this page.'
		);
	}
	if (version[1] !== '1') {
		if (Number(version[1]) > 1) {
			return shareLinkError(
				'future-version',
				`This link was made by a newer version of this page (format v${version[1]}), which this version cannot read. Reload the page to get the newest version, then open the link again.`
			);
		}
		return shareLinkError('unknown-version', `This link is in a format this page never made (v${version[1]}). Ask for a new link.`);
	}

	const payload = text.slice(version[0].length);
	if (payload === '') return shareLinkError('truncated', `This link is cut off right after "v1=". ${COPY_AGAIN}`);
	const decoded = base64UrlToBytes(payload);
	if ('badAt' in decoded) {
		const at = decoded.badAt + version[0].length;
		return shareLinkError(
			'not-base64',
			`This link is damaged: the character ${JSON.stringify(text[at])} (at position ${at + 1} after the "#") cannot be part of a case link. If something was pasted onto its end, remove it; otherwise ${COPY_AGAIN.toLowerCase()}`
		);
	}

	const inflated = await inflateCapped(decoded.bytes, MAX_CASE_BYTES);
	if ('error' in inflated) {
		if (inflated.error === 'too-large') {
			return shareLinkError(
				'too-large',
				`This link unpacks to more than ${number(MAX_CASE_BYTES)} bytes, more than any case a link can hold, so it was not opened.`
			);
		}
		return shareLinkError('truncated', `This link is incomplete or damaged: its data ends too early or does not check out. ${COPY_AGAIN}`);
	}

	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
	} catch {
		return shareLinkError('not-json', `This link is damaged: it unpacks, but not to a case. ${COPY_AGAIN}`);
	}
	const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
	const read = readCase(isObject ? expandCase(json as Record<string, unknown>) : json);
	if ('problem' in read) {
		if (read.tooLarge)
			return shareLinkError('too-large', `This link's case is too large for this page: ${read.problem}. Ask for a smaller case.`);
		return shareLinkError(
			'bad-shape',
			`This link's case is not valid: ${read.problem}. It was probably edited by hand or made by another tool; ask for a new link.`
		);
	}
	return { case: read.case, secretsIncluded: carriesSecrets(read.case) };
}
