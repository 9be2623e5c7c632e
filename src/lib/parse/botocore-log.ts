import type { Header, HttpRequest } from '../sigv4/index.ts';
import { addRequestFromCanonical, readCanonicalRequest } from './canonical-request-import.ts';
import { addEmbeddedError } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { readPyDict, readPyString } from './python-literal.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { addStringToSignParams, readStringToSign } from './string-to-sign.ts';
import { splitLines, stripCr } from './text-position.ts';

export const BOTOCORE_MARKER = /(?:^|[\s-])(?:CanonicalRequest|StringToSign):\s*\r?$/m;

/** Index of the last line that ends with `marker` (e.g. "CanonicalRequest:"). */
function lastMarkerLine(lines: string[], marker: RegExp): number {
	for (let i = lines.length - 1; i >= 0; i--) if (marker.test(stripCr(lines[i]!))) return i;
	return -1;
}

/**
 * botocore at DEBUG: "CanonicalRequest:\n…", "StringToSign:\n…", "Signature:\n…" and the
 * "Sending http request: <AWSPreparedRequest …>" line. A log of retries signs several times:
 * the last signing is imported (it is the one the error answers).
 */
export function importBotocoreLog(b: ImportBuilder): void {
	const lines = splitLines(b.text);
	const crLine = lastMarkerLine(lines, /(?:^|[\s-])CanonicalRequest:\s*$/);
	const stsLine = lastMarkerLine(lines, /(?:^|[\s-])StringToSign:\s*$/);
	const sigLine = lastMarkerLine(lines, /(?:^|[\s-])Signature:\s*$/);
	const count = lines.filter((l) => /(?:^|[\s-])CanonicalRequest:\s*\r?$/.test(l)).length;
	if (count > 1) b.note(`The log signs ${count} times (retries?); the last signing is imported.`);

	let crParts;
	if (crLine !== -1) {
		const read = readCanonicalRequest(lines, crLine + 1);
		if (read) {
			b.setProvided('canonicalRequest', read.text, 'the log');
			crParts = read.parts;
		} else {
			b.error(
				b.lines.lineStart(crLine + 2),
				'Expected a canonical request (method, path, query, headers, blank line, signed headers, payload hash) after "CanonicalRequest:".',
				'Paste the log lines that follow "CanonicalRequest:" too.'
			);
		}
	}
	if (stsLine !== -1) {
		const read = readStringToSign(lines, stsLine + 1);
		if (read) {
			b.setProvided('stringToSign', read.text, 'the log');
			addStringToSignParams(b, read.text, 'the logged string to sign');
		} else {
			b.error(
				b.lines.lineStart(stsLine + 2),
				'Expected a string to sign (AWS4-HMAC-SHA256, time, scope, hash) after "StringToSign:".',
				'Paste the log lines that follow "StringToSign:" too.'
			);
		}
	}
	if (sigLine !== -1) {
		const sig = stripCr(lines[sigLine + 1] ?? '').trim();
		if (/^[0-9a-fA-F]{16,}$/.test(sig)) b.setProvided('signature', sig, 'the log');
	}

	const request = preparedRequest(b.text) ?? requestParams(b.text);
	if (request) {
		b.request = request;
		addRequestEvidence(b, request, 'the logged request');
	}
	if (crParts) addRequestFromCanonical(b, crParts, 'the logged canonical request');
	addEmbeddedError(b, crLine === -1 ? 0 : b.lines.lineStart(crLine + 1));
}

/** "<AWSPreparedRequest stream_output=False, method=GET, url=https://…, headers={…}>" (the last one). */
function preparedRequest(text: string): HttpRequest | undefined {
	const all = [...text.matchAll(/<AWSPreparedRequest [^>\n]{0,200}?method=([A-Za-z]+), url=(\S{1,8000}?), headers=\{/g)];
	const m = all[all.length - 1];
	if (!m) return undefined;
	const dict = readPyDict(text, m.index + m[0].length - 1);
	const headers: Header[] = dict ? dict.entries.map(([n, v]): Header => [n, v]) : [];
	return { method: m[1]!.toUpperCase(), url: m[2]!, headers };
}

/** "Making request for OperationModel(…) with params: {'url_path': …, 'method': 'GET', 'headers': {…}, 'body': b'…', 'url': '…'}". */
function requestParams(text: string): HttpRequest | undefined {
	const at = text.lastIndexOf('with params: {');
	if (at === -1) return undefined;
	const slice = text.slice(at);
	const url = /'url':\s*'([^']*)'/.exec(slice)?.[1];
	const method = /'method':\s*'([A-Za-z]+)'/.exec(slice)?.[1];
	if (!url || !method) return undefined;
	const h = /'headers':\s*\{/.exec(slice);
	const dict = h ? readPyDict(text, at + h.index + h[0].length - 1) : undefined;
	const request: HttpRequest = { method: method.toUpperCase(), url, headers: dict ? dict.entries : [] };
	const body = /'body':\s*/.exec(slice);
	if (body) {
		const lit = readPyString(text, at + body.index + body[0].length);
		if (lit && lit.value !== '') request.body = lit.value;
	}
	return request;
}
