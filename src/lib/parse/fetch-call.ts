import type { Header, HttpRequest } from '../sigv4/index.ts';
import type { ImportBuilder } from './import-builder.ts';
import { JsReader } from './js-literal.ts';
import { entryOf, type JsNode } from './js-node.ts';
import { addPostFormFields, readMultipart } from './post-form.ts';
import { addRequestEvidence } from './request-evidence.ts';

export const FETCH_START = /^\s*(?:(?:await|return)\s+)?fetch\s*\(/;

/**
 * Reads a browser's "Copy as fetch" / "Copy as fetch (Node.js)": fetch("url", { headers, body,
 * method }). The literal is read, never evaluated; a body that is a variable or new FormData() is
 * named in a note.
 */
export function importFetchCall(b: ImportBuilder): void {
	const text = b.text;
	const m = FETCH_START.exec(text)!;
	const reader = new JsReader(text, m[0].length);
	const urlNode = reader.value();
	reader.skipSpace();
	let init: JsNode | undefined;
	if (text[reader.i] === ',') {
		reader.i++;
		reader.skipSpace();
		if (text[reader.i] !== ')') init = reader.value();
		reader.skipSpace();
		if (text[reader.i] === ',') reader.i++;
		reader.skipSpace();
	}
	if (text[reader.i] !== ')' && reader.problems.length === 0) {
		reader.problem(
			reader.i,
			`Expected ")" to close fetch(, found ${text[reader.i] === undefined ? 'the end of the text' : `"${text[reader.i]}"`}.`,
			'Paste the whole fetch(…) call.'
		);
	}
	for (const p of reader.problems) b.error(p.offset, p.message, p.fix);

	if (!urlNode || urlNode.kind !== 'string') {
		b.error(
			urlNode?.start ?? m[0].length,
			urlNode?.kind === 'expression'
				? `The URL is the expression ${urlNode.source.slice(0, 60)}, not a string.`
				: 'fetch( has no URL string.',
			'Paste the fetch call as the browser copies it (DevTools → Network → Copy → Copy as fetch), with the URL in quotes.'
		);
		return;
	}
	if (urlNode.interpolated) b.note('The URL is a template string with ${…}: it is kept as written.');
	let url = urlNode.value;
	if (url.startsWith('/')) b.note('The URL is relative; add the scheme and host (https://…) before signing.');
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('/')) url = `https://${url}`;

	const headers: Header[] = [];
	const headersNode = entryOf(init, 'headers');
	if (headersNode) readHeaders(b, headersNode, headers);
	const methodNode = entryOf(init, 'method');
	let method = 'GET';
	if (methodNode?.kind === 'string') method = methodNode.value.toUpperCase();
	else if (methodNode) b.error(methodNode.start, 'The method is not a string.', 'Write "method": "POST".');

	let body: string | undefined;
	const bodyNode = entryOf(init, 'body');
	if (bodyNode?.kind === 'string') body = bodyNode.value;
	else if (bodyNode?.kind === 'expression') {
		b.note(`The body is the JavaScript expression ${bodyNode.source.slice(0, 60)}: paste its content into the request body.`);
	} else if (bodyNode && bodyNode.kind !== 'literal') b.note('The body is not a string; paste its content into the request body.');
	const referrer = entryOf(init, 'referrer');
	if (referrer?.kind === 'string' && referrer.value !== '') {
		b.note(
			'The browser also sends Referer, Origin, User-Agent and similar headers that the fetch copy leaves out; they matter only if they were signed.'
		);
	}

	const request: HttpRequest = { method, url, headers };
	if (body !== undefined && body !== '') request.body = body;
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) b.request = request;
	if (body) addPostFormFields(b, readMultipart(body), 'the multipart body');
	addRequestEvidence(b, request, 'the fetch call');
}

function readHeaders(b: ImportBuilder, node: JsNode, headers: Header[]): void {
	if (node.kind === 'expression' && /^new\s+Headers\s*\(/.test(node.source)) {
		const inner = new JsReader(b.text, node.start + node.source.indexOf('(') + 1).value();
		if (inner) readHeaders(b, inner, headers);
		return;
	}
	if (node.kind === 'object') {
		for (const e of node.entries) {
			const v = e.value;
			if (v.kind === 'string') headers.push([e.key, v.value]);
			else if (v.kind === 'number') headers.push([e.key, v.raw]);
			else b.note(`The header ${e.key} has a value that is not a string; it is left out.`);
		}
		return;
	}
	if (node.kind === 'array') {
		for (const item of node.items) {
			if (item.kind === 'array' && item.items[0]?.kind === 'string' && item.items[1]?.kind === 'string') {
				headers.push([item.items[0].value, item.items[1].value]);
			}
		}
		return;
	}
	b.note('The headers are not an object literal; they are left out.');
}
