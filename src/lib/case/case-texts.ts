import type { Case } from './case.ts';

/** Where in a case a text stands, to tell the user where a secret was taken from. */
export type TextPlace = 'request' | 'paste' | 'policy' | 'postFields' | 'evidence' | 'server' | 'overrides' | 'form' | 'sigv2' | 'inputs';

export const PLACE_NAMES: Record<TextPlace, string> = {
	request: 'the request',
	paste: 'the paste box',
	policy: 'the POST policy',
	postFields: 'the POST form fields',
	evidence: 'your pasted stages',
	server: "the server's error",
	overrides: 'the edited stages',
	form: 'the POST form',
	sigv2: 'the SigV2 fields',
	inputs: 'the credentials and scope'
};

/** The text inputs besides the request and the secrets. */
const INPUT_TEXTS = ['accessKeyId', 'region', 'service', 'datetime', 'expiresIn', 'signedHeaders', 'payloadHash'] as const;

/** A text and, when it is the value of a named field (a form field, a record's key), that name. */
export type TextMap = (text: string, place: TextPlace, name?: string) => string;

function mapRecord<T extends object>(record: T, place: TextPlace, f: TextMap): T {
	// Object.fromEntries makes a key such as "__proto__" an ordinary key, as the case reader does.
	return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? f(v, place, k) : v])) as T;
}

function mapPairs(pairs: [string, string][], place: TextPlace, f: TextMap): [string, string][] {
	return pairs.map(([n, v]) => [f(n, place), f(v, place, n)]);
}

/**
 * The case with every text it holds passed through f: the request, the paste, the evidence, the
 * server's words, the overrides, the POST parts and the other inputs. The secret fields and the
 * origins (the page's own words) are left as they are.
 */
export function mapTexts(c: Case, f: TextMap): Case {
	const { fields, ...serverTexts } = c.server;
	const server: Case['server'] = mapRecord(serverTexts, 'server', f);
	if (fields) server.fields = Object.fromEntries(mapPairs(Object.entries(fields), 'server', f));
	const out: Case = {
		...c,
		requestText: f(c.requestText, 'request'),
		pasteText: f(c.pasteText, 'paste'),
		policyText: f(c.policyText, 'policy'),
		postFields: f(c.postFields, 'postFields'),
		provided: mapRecord(c.provided, 'evidence', f),
		server,
		overrides: mapRecord(c.overrides, 'overrides', f),
		form: mapPairs(c.form, 'form', f),
		sigv2Fields: mapPairs(c.sigv2Fields, 'sigv2', f)
	};
	for (const field of INPUT_TEXTS) out[field] = f(c[field], 'inputs');
	return out;
}

/** How many characters the case's texts hold in all: a cheap lower bound on its size as JSON. */
export function textLength(c: Case): number {
	let total = 0;
	mapTexts(c, (text) => {
		total += text.length;
		return text;
	});
	return total;
}
