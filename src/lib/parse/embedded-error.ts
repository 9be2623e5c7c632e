import { knownMessage } from './aws-message.ts';
import { hasQuotedStages } from './quoted-stages.ts';
import { addXmlErrorBody } from './error-body.ts';
import type { ImportBuilder } from './import-builder.ts';
import { readPyString } from './python-literal.ts';
import { addServiceErrorMessage } from './service-error.ts';
import { stripCr } from './text-position.ts';

/**
 * An AWS error body inside a longer text: the response printed by curl -v, a botocore "Response
 * body: b'<?xml…'" line, an HTTP response pasted with its headers. Reads it into `server`.
 * Returns what was found: an XML body, a text (JSON or plain) error, or nothing.
 */
export function addEmbeddedError(b: ImportBuilder, from = 0): 'xml' | 'text' | undefined {
	const text = b.text;
	const py = /\bb?(['"])<(?:\?xml|Error>|ErrorResponse)/.exec(text.slice(from));
	if (py) {
		const at = from + py.index;
		const literal = readPyString(text, at);
		if (literal && /<Code>/.test(literal.value)) {
			addXmlErrorBody(b, literal.value, literal.value.search(/<(?:\?xml|Error>|ErrorResponse)/), () => at);
			b.note('The error body was read from a Python bytes literal in the log.');
			return 'xml';
		}
	}
	const xml = text.slice(from).search(/<\?xml|<Error>|<ErrorResponse[\s>]/);
	if (xml !== -1 && /<Code>/.test(text.slice(from + xml))) {
		addXmlErrorBody(b, text, from + xml);
		return 'xml';
	}
	const rest = text.slice(from);
	if (hasQuotedStages(rest)) {
		const json = rest.lastIndexOf('{', rest.search(/The Canonical String for this request|The String-to-Sign should/));
		const start = json !== -1 && !rest.slice(json, rest.search(/The Canonical String|The String-to-Sign/)).includes('\n\n') ? json : 0;
		const end = start === json ? matchingBrace(rest, json) : rest.length;
		addServiceErrorMessage(b, rest.slice(start, end), (o) => from + start + o);
		return 'text';
	}
	// A JSON error without stages ({"message":"The security token included in the request is invalid."}).
	const json = /\{\s*"(?:__type|message|Message|code|Code)"\s*:/.exec(rest);
	if (json) {
		const end = matchingBrace(rest, json.index);
		addServiceErrorMessage(b, rest.slice(json.index, end), (o) => from + json.index + o);
		return b.server.message !== undefined || b.server.code !== undefined ? 'text' : undefined;
	}
	return undefined;
}

/**
 * The error after the request in the same paste (a response body, an SDK's one-line message):
 * read into `server`. `from` is the offset where the request ended. Returns what was found.
 */
export function addTrailingError(b: ImportBuilder, from: number): 'xml' | 'text' | undefined {
	const rest = b.text.slice(from);
	if (rest.trim() === '') return undefined;
	const found = addEmbeddedError(b, from);
	if (found) return found;
	return addMessageLine(b, from) ? 'text' : undefined;
}

/** A known one-line AWS message (with the line it is on) after `from`, read as the error. */
export function addMessageLine(b: ImportBuilder, from: number): boolean {
	const rest = b.text.slice(from);
	const m = knownMessage(rest);
	if (!m) return false;
	const lineStart = rest.lastIndexOf('\n', m.index) + 1;
	const nl = rest.indexOf('\n', m.index);
	const line = stripCr(rest.slice(lineStart, nl === -1 ? rest.length : nl));
	addServiceErrorMessage(b, line, (o) => from + lineStart + o);
	const header = /^x-amzn-ErrorType:\s*([A-Za-z]+)/im.exec(b.text);
	if (header) b.setServer('code', header[1]);
	return true;
}

function matchingBrace(text: string, open: number): number {
	let depth = 0;
	let inString = false;
	for (let i = open; i < text.length; i++) {
		const c = text[i]!;
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i + 1;
	}
	return text.length;
}
