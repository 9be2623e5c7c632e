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

/** Percent-decodes without throwing: a malformed escape stays as written. */
export function safeDecode(text: string, plusIsSpace = false): string {
	const t = plusIsSpace ? text.replace(/\+/g, ' ') : text;
	try {
		return decodeURIComponent(t);
	} catch {
		return t.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
			try {
				return decodeURIComponent(run);
			} catch {
				return run;
			}
		});
	}
}

/**
 * Splits "a=1&b=2" keeping duplicates and order. "+" stays "+" unless asked: in a presigned URL
 * a "+" is a literal the signer may or may not have meant, and the diagnosis needs to see it.
 */
export function splitQuery(query: string, plusIsSpace = false): QueryParam[] {
	const params: QueryParam[] = [];
	let offset = 0;
	for (const part of query.split('&')) {
		if (part !== '') {
			const eq = part.indexOf('=');
			const rawName = eq === -1 ? part : part.slice(0, eq);
			const rawValue = eq === -1 ? '' : part.slice(eq + 1);
			params.push({
				rawName,
				rawValue,
				name: safeDecode(rawName, plusIsSpace),
				value: safeDecode(rawValue, plusIsSpace),
				hasEquals: eq !== -1,
				offset
			});
		}
		offset += part.length + 1;
	}
	return params;
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
