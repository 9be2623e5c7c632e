import type { HttpRequest } from '../sigv4/index.ts';
import { addRequestFromCanonical, readCanonicalRequest } from './canonical-request-import.ts';
import { curlCommandStart, importCurlCommand } from './curl-command.ts';
import { addEmbeddedError } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { parseRawHttp } from './raw-http.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { addStringToSignParams } from './string-to-sign.ts';
import { splitLines, stripCr } from './text-position.ts';

export const CURL_VERBOSE_MARKER = /^\* aws_sigv4:|^> [A-Z]+ \S+ HTTP\/[\d.]+\r?$/m;

/** The text inside "[…]" that starts after `marker` and ends at the first "]" closing a line. */
function bracketed(text: string, marker: RegExp): { value: string; at: number } | undefined {
	const m = marker.exec(text);
	if (!m) return undefined;
	const from = m.index + m[0].length;
	const close = /\](?=\r?\n|$)/g;
	close.lastIndex = from;
	const end = close.exec(text);
	return { value: text.slice(from, end ? end.index : text.length), at: m.index };
}

/**
 * curl -v with --aws-sigv4: the "* aws_sigv4:" lines hold curl's canonical request, string to
 * sign and signature, the "> " lines the request as sent, the rest the response (an error body
 * among it). A curl command pasted above the output supplies the body and the scheme.
 */
export function importCurlVerbose(b: ImportBuilder): void {
	const text = b.text;
	const lines = splitLines(text);

	const start = curlCommandStart(text);
	let commandEnd = 0;
	if (start !== -1) {
		commandEnd = importCurlCommand(b, start);
	}
	const fromCommand = b.request;

	// The request as sent: "> METHOD target HTTP/x" and the "> " lines after it.
	const first = lines.findIndex((l, i) => i >= b.lines.at(commandEnd).line - 1 && /^> [A-Za-z]+ \S+/.test(l));
	if (first !== -1) {
		const block: string[] = [];
		for (let i = first; i < lines.length; i++) {
			const l = stripCr(lines[i]!);
			if (!l.startsWith('>')) break;
			const content = l.replace(/^> ?/, '');
			if (content === '') break;
			block.push(content);
		}
		const scheme = /^\* .*port 80\b/m.test(text) && !/^\* (?:SSL|TLS|ALPN)/m.test(text) ? 'http' : 'https';
		const parsed = parseRawHttp(
			block.join('\n'),
			fromCommand ? ((/^http:/i.test(fromCommand.url) ? 'http' : 'https') as 'http' | 'https') : scheme
		);
		for (const e of parsed.errors) b.error(b.lines.lineStart(first + e.line) + e.column + 1, e.message, e.fix);
		if (parsed.request) {
			const request: HttpRequest = { ...parsed.request };
			if (fromCommand?.body !== undefined) request.body = fromCommand.body;
			b.request = request;
			if (fromCommand)
				b.note('The request is taken from the "> " lines (what curl sent, with its own headers); the body from the command.');
			addRequestEvidence(b, request, 'the request curl sent', b.lines.lineStart(first + 1));
		}
	}
	const cr = bracketed(text, /^\* aws_sigv4: Canonical request \(enclosed in \[\]\) - \[/m);
	if (cr) {
		b.setProvided('canonicalRequest', cr.value, 'curl');
		const read = readCanonicalRequest(cr.value.split('\n'), 0);
		if (read) addRequestFromCanonical(b, read.parts, "curl's canonical request");
	}
	const sts = bracketed(text, /^\* aws_sigv4: String to sign \(enclosed in \[\]\) - \[/m);
	if (sts) {
		b.setProvided('stringToSign', sts.value, 'curl');
		addStringToSignParams(b, sts.value, "curl's string to sign");
	}
	const sig = /^\* aws_sigv4: Signature - ([0-9a-fA-F]+)\s*$/m.exec(text);
	if (sig) b.setProvided('signature', sig[1], 'curl');

	const status = /^< HTTP\/[\d.]+ (\d{3})[^\n]*$/m.exec(text);
	if (status) b.note(`The server answered ${status[1]}.`);
	addEmbeddedError(b, status ? status.index : 0);
}
