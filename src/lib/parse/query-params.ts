import { splitQuery } from '../sigv4/index.ts';
import { safeDecode } from './safe-decode.ts';

/** One query (or form-urlencoded) parameter: the raw text as pasted and its decoded name and value. */
export interface QueryParam {
	rawName: string;
	rawValue: string;
	name: string;
	value: string;
	hasEquals: boolean;
	/** Offset of the parameter in the string that was split. */
	offset: number;
}

/**
 * The parameters of "a=1&b=2" (the core's split: duplicates and order kept), each decoded and
 * with its offset. "+" stays "+" unless asked: in a presigned URL a "+" is a literal the signer
 * may or may not have meant, and the diagnosis needs to see it.
 */
export function queryParams(query: string, plusIsSpace = false): QueryParam[] {
	let offset = 0;
	return splitQuery(query).map((p) => {
		// The core skips empty parts ("a&&b"): the next parameter starts after the run of "&".
		while (query[offset] === '&') offset++;
		const param: QueryParam = {
			rawName: p.key,
			rawValue: p.value,
			name: safeDecode(p.key, plusIsSpace),
			value: safeDecode(p.value, plusIsSpace),
			hasEquals: p.hasEquals,
			offset
		};
		offset += p.raw.length + 1;
		return param;
	});
}

/** The raw query of an absolute URL or a request target ('' when there is none). */
export function queryOf(url: string): string {
	const noFragment = url.split('#')[0] ?? '';
	const q = noFragment.indexOf('?');
	return q === -1 ? '' : noFragment.slice(q + 1);
}

/** The host (with port) of an absolute URL, or undefined. */
export function hostOf(url: string): string | undefined {
	const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
	if (!m) return undefined;
	const authority = m[1]!;
	const at = authority.lastIndexOf('@');
	return at === -1 ? authority : authority.slice(at + 1);
}

/** Case-insensitive lookup of the first parameter with this name. */
export function findParam(params: QueryParam[], name: string): QueryParam | undefined {
	const lower = name.toLowerCase();
	return params.find((p) => p.name.toLowerCase() === lower);
}
