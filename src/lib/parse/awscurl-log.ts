import type { Header, HttpRequest } from '../sigv4/index.ts';
import { addRequestFromCanonical, readCanonicalRequest } from './canonical-request-import.ts';
import { addEmbeddedError } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { readPyDict, readPyString, readPyStringGroup } from './python-literal.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { addStringToSignParams, readStringToSign } from './string-to-sign.ts';

export const AWSCURL_MARKER = /CANONICAL REQUEST = |STRING_TO_SIGN = /;

/**
 * The text after `marker` up to the end of its log entry. awscurl -v pprints its strings, so the
 * marker usually sits inside adjacent Python literals ('\n' 'CANONICAL REQUEST = GET\n' '/\n' …);
 * older versions print plain text. Both are handled.
 */
function afterMarker(text: string, marker: string): { value: string; at: number } | undefined {
	const at = text.lastIndexOf(marker);
	if (at === -1) return undefined;
	let lineStart = text.lastIndexOf('\n', at) + 1;
	const quote = /['"]/.exec(text.slice(lineStart, at));
	if (quote) {
		// Walk back over the literal-only lines of the same pprint group, up to the one that opens it
		// with "(": "('\n'" precedes the marker line.
		let start = lineStart + quote.index;
		let opened = /^\s*\(/.test(text.slice(lineStart, at));
		while (!opened) {
			const prevEnd = lineStart === 0 ? -1 : lineStart - 1;
			if (prevEnd <= 0) break;
			const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
			const prev = text.slice(prevStart, prevEnd);
			const m = /^(\s*\(?)[bru]?['"].*['"]\s*$/.exec(prev);
			if (!m) break;
			start = prevStart + m[1]!.length;
			opened = m[1]!.includes('(');
			lineStart = prevStart;
		}
		const group = readPyStringGroup(text, start);
		if (group) {
			const i = group.value.indexOf(marker);
			if (i !== -1) return { value: group.value.slice(i + marker.length), at };
		}
	}
	return { value: text.slice(at + marker.length), at };
}

/** awscurl -v: CANONICAL REQUEST = …, STRING_TO_SIGN = …, the headers dict and the request URL. */
export function importAwscurlLog(b: ImportBuilder): void {
	const text = b.text;
	const cr = afterMarker(text, 'CANONICAL REQUEST = ');
	let crParts;
	if (cr) {
		const read = readCanonicalRequest(cr.value.split('\n'), 0);
		if (read) {
			b.setProvided('canonicalRequest', read.text, 'the awscurl log');
			crParts = read.parts;
		} else b.error(cr.at, 'Expected a canonical request after "CANONICAL REQUEST = ".', 'Paste the whole awscurl -v output.');
	}
	const sts = afterMarker(text, 'STRING_TO_SIGN = ');
	if (sts) {
		const read = readStringToSign(sts.value.split('\n'), 0);
		if (read) {
			b.setProvided('stringToSign', read.text, 'the awscurl log');
			addStringToSignParams(b, read.text, 'the logged string to sign');
		} else b.error(sts.at, 'Expected a string to sign after "STRING_TO_SIGN = ".', 'Paste the whole awscurl -v output.');
	}

	const headers: Header[] = [];
	const h = text.indexOf('HEADERS++++');
	if (h !== -1) {
		const open = text.indexOf('{', h);
		const dict = open === -1 ? undefined : readPyDict(text, open);
		if (dict) headers.push(...dict.entries);
	}
	const url = /Request URL = ([^\s'"]+)/.exec(text)?.[1];
	const method = crParts?.method ?? /'request':\s*'([A-Za-z]+)'/.exec(text)?.[1];
	if (url && method) {
		const request: HttpRequest = { method: method.toUpperCase(), url, headers };
		const data = /'data':\s*/.exec(text);
		if (data) {
			const lit = readPyString(text, data.index + data[0].length);
			if (lit && lit.value !== '') request.body = lit.value;
		}
		b.request = request;
		addRequestEvidence(b, request, 'the awscurl log');
	}
	if (crParts) addRequestFromCanonical(b, crParts, 'the logged canonical request');
	addEmbeddedError(b, cr?.at ?? 0);
}
