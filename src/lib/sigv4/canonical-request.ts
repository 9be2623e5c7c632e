import type { CanonicalHeader } from './canonical-headers.ts';
import { headerLine } from './format-request.ts';
import type { Provenance } from './types.ts';

/** Each part of the canonical request with the input it came from and the rules applied. */
export interface CanonicalRequestParts {
	method: { value: string; input: string };
	path: { value: string; input: string; rules: string[] };
	query: { value: string; input: string; rules: string[] };
	headers: CanonicalHeader[];
	payloadHash: { value: string; input: string; rules: string[] };
}

export interface CanonicalRequest {
	text: string;
	signedHeaders: string[];
	provenance: Provenance[];
}

/** Six parts joined with "\n": method, URI, query, header lines + blank line, signed headers, payload hash. */
export function assembleCanonicalRequest(parts: CanonicalRequestParts): CanonicalRequest {
	const provenance: Provenance[] = [];
	const add = (part: Provenance['part'], text: string, input: string, rules: string[]) =>
		provenance.push({ line: provenance.length + 1, part, text, input, rules });

	const { method, path, query, headers, payloadHash } = parts;
	add('method', method.value, method.input, [method.input === method.value ? 'HTTP method as sent' : 'HTTP method, uppercased']);
	add('path', path.value, path.input, path.rules);
	add('query', query.value, query.input, query.rules);
	for (const h of headers) {
		add('header', `${h.name}:${h.value}`, h.inputs.map(([n, v]) => headerLine(n, v)).join('\n'), h.rules);
	}
	add('blank', '', '', ['the header block ends with an empty line']);
	const signedHeaders = headers.map((h) => h.name);
	add('signed-headers', signedHeaders.join(';'), headers.map((h) => h.name).join(', '), [
		'the canonical header names, sorted, joined with ";"'
	]);
	add('payload-hash', payloadHash.value, payloadHash.input, payloadHash.rules);

	return { text: provenance.map((p) => p.text).join('\n'), signedHeaders, provenance };
}
