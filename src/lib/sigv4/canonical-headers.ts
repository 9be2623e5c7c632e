import type { Header } from './types.ts';

export interface CanonicalHeader {
	/** Lowercased name. */
	name: string;
	/** Trimmed, whitespace runs collapsed, repeated headers joined with ','. */
	value: string;
	/** The headers as given that made this line. */
	inputs: Header[];
	rules: string[];
}

/**
 * Trim, unfold obs-fold continuation lines and collapse runs of spaces and tabs, also inside
 * quotes: the value AWS computes on its side.
 */
export function canonicalHeaderValue(value: string): string {
	return value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical header lines for the names in `signed` (lowercase), sorted by name. A name
 * that is signed but absent from the request becomes an empty value, as a server would see it.
 */
export function canonicalHeaders(headers: Header[], signed: ReadonlySet<string>): CanonicalHeader[] {
	const byName = new Map<string, Header[]>();
	for (const header of headers) {
		const name = header[0].toLowerCase();
		if (!signed.has(name)) continue;
		const list = byName.get(name);
		if (list) list.push(header);
		else byName.set(name, [header]);
	}
	const lines: CanonicalHeader[] = [];
	for (const name of signed) {
		const inputs = byName.get(name) ?? [];
		const rules: string[] = [];
		if (inputs.length === 0) rules.push('signed but not in the request: an empty value');
		if (inputs.some(([n]) => n !== name)) rules.push('name lowercased');
		const values = inputs.map(([, v]) => {
			const c = canonicalHeaderValue(v);
			if (/[\r\n]/.test(v)) rules.push('folded continuation lines joined with single spaces');
			else if (c !== v.replace(/^ /, ''))
				rules.push(/^[ \t]|[ \t]$/.test(v) ? 'value trimmed' : 'runs of white space collapsed to one space');
			return c;
		});
		if (inputs.length > 1) rules.push(`${inputs.length} headers of this name joined with "," in the order received`);
		if (rules.length === 0) rules.push('name and value already canonical');
		lines.push({ name, value: values.join(','), inputs, rules: [...new Set(rules)] });
	}
	return lines.sort((a, b) => compare(a.name, b.name));
}
