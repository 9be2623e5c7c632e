import { percentDecode, uriEncodeBytes } from './encoding.ts';

/** One parameter of a query string, as written in the URL. */
export interface RawQueryParam {
	raw: string;
	key: string;
	value: string;
	hasEquals: boolean;
}

export function splitQuery(query: string | undefined): RawQueryParam[] {
	if (!query) return [];
	const params: RawQueryParam[] = [];
	for (const raw of query.split('&')) {
		if (raw === '') continue;
		const eq = raw.indexOf('=');
		params.push(
			eq < 0 ? { raw, key: raw, value: '', hasEquals: false } : { raw, key: raw.slice(0, eq), value: raw.slice(eq + 1), hasEquals: true }
		);
	}
	return params;
}

/** The decoded key of a parameter (for matching names such as X-Amz-Signature). */
export function decodedKey(param: RawQueryParam): string {
	return new TextDecoder().decode(percentDecode(param.key, true));
}

/** A key or value as it appears in the canonical query: decoded ('+' is a space), then encoded. */
export function canonicalQueryComponent(text: string): string {
	// Most keys and values need no work: skip the byte round trip for them (it is the hot path).
	if (/^[A-Za-z0-9\-_.~]*$/.test(text)) return text;
	return uriEncodeBytes(percentDecode(text, true));
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by encoded key, then by encoded value (byte order); each pair written as key=value. */
export function canonicalQueryString(pairs: [key: string, value: string][]): string {
	return pairs
		.slice()
		.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
}
