import { addTrailingError } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addPostFormFields, readMultipart } from './post-form.ts';
import { parseRawHttp } from './raw-http.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { splitLines } from './text-position.ts';

// One quantifier after the target's start: "\S*.*$" retried every split of a long line that a CR cuts (13 s for 78 KB).
export const REQUEST_LINE = /^[ \t]*(?:GET|PUT|POST|HEAD|DELETE|PATCH|OPTIONS|TRACE|CONNECT|[A-Z]{3,10}) +(?:\/|https?:\/\/|\*).*$/;

/**
 * A raw HTTP request. parseRawHttp is all-or-nothing; for the import a request with one bad
 * header line is still worth having, so the bad lines are reported and the rest is read again
 * without them.
 */
export function importRawHttp(b: ImportBuilder): void {
	const cut = responseStart(b.text);
	const text = cut === undefined ? b.text : b.text.slice(0, cut);
	readRequest(b, text);
	if (cut !== undefined && addTrailingError(b, cut)) b.note('The response after the request is read as the server’s answer.');
}

/** An AWS error in the body: XML with a <Code>, or JSON with a message or __type. */
const ERROR_BODY = /^\s*(?:<\?xml[^>]*>\s*)?<(?:Error|ErrorResponse)[\s>][\s\S]*<Code>|^\s*\{\s*"(?:__type|message|Message|code|Code)"\s*:/;

/**
 * Where the response starts when the paste holds the request and then its answer: a status line
 * ("HTTP/1.1 403 Forbidden") after the request, or an AWS error body where the request's body
 * would be.
 */
function responseStart(text: string): number | undefined {
	const status = /\n[ \t]*HTTP\/\d(?:\.\d)? \d{3}\b/.exec(text);
	if (status) return status.index + 1;
	const blank = /\n[ \t]*\r?\n/.exec(text);
	if (!blank) return undefined;
	const bodyAt = blank.index + blank[0].length;
	return ERROR_BODY.test(text.slice(bodyAt)) ? bodyAt : undefined;
}

function readRequest(b: ImportBuilder, text: string): void {
	const first = parseRawHttp(text);
	for (const e of first.errors) b.errorAt(e.line, e.column, e.message, e.fix);
	let request = first.request;
	if (!request && first.errors.length > 0) {
		const bad = new Set(first.errors.map((e) => e.line - 1));
		const lines = splitLines(text);
		const headerEnd = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, '') === '' && lines.slice(0, i).some((x) => x.trim() !== ''));
		const kept = lines.filter((_, i) => !bad.has(i) || (headerEnd !== -1 && i > headerEnd) || i === firstNonBlank(lines));
		request = parseRawHttp(kept.join('\n')).request;
		if (request) b.note('Lines with errors were left out of the request.');
	}
	if (!request) return;
	b.request = request;
	if (typeof request.body === 'string') addPostFormFields(b, readMultipart(request.body), 'the multipart body');
	addRequestEvidence(b, request, 'the request');
}

function firstNonBlank(lines: string[]): number {
	return lines.findIndex((l) => l.trim() !== '');
}
