import { describeCharacter, type Header, type HttpRequest } from '../sigv4/index.ts';
import type { ParseError } from './parse-error.ts';

export interface RawHttpResult {
	request?: HttpRequest;
	errors: ParseError[];
}

const HTTP_VERSION = /^HTTP\/\d(?:\.\d)?$/i;

/**
 * Reads an HTTP/1.1 request as text: request line, headers (continuation lines kept as obs-fold),
 * blank line, body. The request target may be a full URL or a path with a Host header; a path
 * keeps raw spaces and UTF-8, since signing suites and users paste them so.
 */
export function parseRawHttp(text: string, defaultScheme: 'https' | 'http' = 'https'): RawHttpResult {
	const errors: ParseError[] = [];
	const lines = text
		.replace(/^\uFEFF/, '')
		.split('\n')
		.map((l) => l.replace(/\r$/, ''));
	let first = 0;
	while (first < lines.length && lines[first]!.trim() === '') first++;
	if (first === lines.length) {
		return {
			errors: [
				{ line: 1, column: 1, message: 'The request is empty.', fix: 'Start with a request line such as "GET /photos/a.jpg HTTP/1.1".' }
			]
		};
	}

	const requestLine = lines[first]!;
	const parts = requestLine.trim().split(' ');
	const method = parts[0]!;
	let targetParts = parts.slice(1);
	if (targetParts.length > 1 && HTTP_VERSION.test(targetParts[targetParts.length - 1]!)) targetParts = targetParts.slice(0, -1);
	const target = targetParts.join(' ');
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	const control = /[\u0000-\u001f\u007f]/.exec(requestLine.trim());
	if (control) {
		const column = requestLine.length - requestLine.trimStart().length + control.index + 1;
		errors.push({
			line: first + 1,
			column,
			message: `The request line has the control character ${describeCharacter(control[0])} at column ${column}: no HTTP request line carries one.`,
			fix: 'Remove it; if it is part of the path or the query, percent-encode it (U+0000 is %00).'
		});
	}
	if (target === '') {
		errors.push({
			line: first + 1,
			column: requestLine.length + 1,
			message: 'The request line has no path or URL after the method.',
			fix: 'Write the request line as "METHOD /path?query HTTP/1.1", e.g. "GET / HTTP/1.1".'
		});
	}

	const headers: Header[] = [];
	let i = first + 1;
	for (; i < lines.length; i++) {
		const line = lines[i]!;
		if (line === '') break;
		if (/^[ \t]/.test(line)) {
			const last = headers[headers.length - 1];
			if (last) last[1] += '\n' + line;
			else
				errors.push({
					line: i + 1,
					column: 1,
					message: 'A continuation line (starting with white space) comes before any header.',
					fix: 'Remove the leading white space or put a header before it.'
				});
			continue;
		}
		const colon = line.indexOf(':');
		if (colon <= 0) {
			errors.push({
				line: i + 1,
				column: colon === 0 ? 1 : line.length + 1,
				message: colon === 0 ? 'This header line has no name before ":".' : `"${line.slice(0, 40)}" is not a header: there is no ":".`,
				fix: 'Write headers as "Name: value", and leave an empty line before the body.'
			});
			continue;
		}
		const name = line.slice(0, colon);
		if (/\s/.test(name)) {
			errors.push({
				line: i + 1,
				column: name.search(/\s/) + 1,
				message: `The header name "${name}" contains white space.`,
				fix: 'Remove the space before ":".'
			});
			continue;
		}
		// The value stays as written, white space included: trimming it is the signer's job, and the
		// debugger shows when that matters.
		headers.push([name, line.slice(colon + 1)]);
	}
	const body = i < lines.length ? lines.slice(i + 1).join('\n') : undefined;

	let url = target;
	if (target !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
		const host = headers.find(([n]) => n.toLowerCase() === 'host');
		if (!host) {
			errors.push({
				line: first + 1,
				column: requestLine.indexOf(target) + 1,
				message: 'The request line has a path but there is no Host header, so the URL is unknown.',
				fix: 'Add a "Host: example.amazonaws.com" header, or write the full URL in the request line.'
			});
		} else if (!target.startsWith('/')) {
			errors.push({
				line: first + 1,
				column: requestLine.indexOf(target) + 1,
				message: `The request target "${target}" is neither a path starting with "/" nor a full URL.`,
				fix: 'Write a path such as /photos/a.jpg.'
			});
		} else {
			url = `${defaultScheme}://${host[1].trim()}${target}`;
		}
	}
	if (errors.length > 0) return { errors };
	const request: HttpRequest = { method, url, headers };
	if (body !== undefined && body !== '') request.body = body;
	return { request, errors };
}
