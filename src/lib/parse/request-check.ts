import { findLoneSurrogate, parseWireUrl, SigningError, type HttpRequest } from '../sigv4/index.ts';
import type { ImportBuilder } from './import-builder.ts';

/**
 * The offset in the paste of character `at` of `value`, found by the longest run of `value`
 * ending there that the paste holds; `fallback` when the value was decoded on the way in.
 */
function offsetInPaste(text: string, value: string, at: number, fallback: number): number {
	for (let k = Math.min(at, 40); k >= 0; k--) {
		const found = text.indexOf(value.slice(at - k, at + 1));
		if (found !== -1) return found + k;
	}
	return fallback;
}

/**
 * What the importers read must be signable as a request: a URL the signer refuses (a control
 * character, a space in the host) is an error where the paste shows it, and the request is left
 * out rather than replacing a good one. A lone surrogate is read, but said: it is signed as U+FFFD.
 */
export function checkImportedRequest(b: ImportBuilder): void {
	const request = b.request;
	if (!request) return;
	const start = Math.max(0, b.text.search(/\S/));
	try {
		parseWireUrl(request.url);
	} catch (e) {
		if (!(e instanceof SigningError)) throw e;
		const lead = request.url.length - request.url.trimStart().length;
		const host = /^\s*[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(request.url)?.[1] ?? '';
		const offset =
			e.index !== undefined ? offsetInPaste(b.text, request.url, lead + e.index, start) : b.locate(host || request.url.slice(0, 40), start);
		b.error(offset, e.message, e.fix);
		b.request = undefined;
		return;
	}
	noteLoneSurrogate(b, request, start);
}

/** The first lone surrogate, where the paste shows it, else where a decoded value of the request holds it. */
function noteLoneSurrogate(b: ImportBuilder, request: HttpRequest, start: number): void {
	const inPaste = findLoneSurrogate(b.text);
	const places: [string, string][] = [
		['the URL', request.url],
		...request.headers.flatMap(([n, v]): [string, string][] => [
			[`the header name "${n}"`, n],
			[`the value of header "${n}"`, v]
		]),
		['the body', typeof request.body === 'string' ? request.body : '']
	];
	const place = places.find(([, value]) => findLoneSurrogate(value) !== undefined);
	if (!inPaste && !place) return;
	const lone = inPaste ?? findLoneSurrogate(place![1])!;
	const { line, column } = b.lines.at(inPaste ? inPaste.index : start);
	const code = `U+${lone.character.charCodeAt(0).toString(16).toUpperCase()}`;
	b.note(
		`Line ${line}, column ${column}: ${place ? place[0] : 'the paste'} has ${code}, half of a UTF-16 surrogate pair without its other half. It is no character, so it is signed as U+FFFD (bytes EF BF BD), as a browser sends it; paste the whole character.`
	);
}
