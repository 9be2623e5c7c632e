export interface HexDecode {
	text?: string;
	/** Index in the raw string of the first character that is not hex or white space. */
	badIndex?: number;
	oddLength?: boolean;
	invalidUtf8?: boolean;
}

/**
 * Decodes the *Bytes fields of an S3 error. AWS writes lowercase pairs ("47 45 54 0a"), LocalStack
 * uppercase 2-byte groups ("47 4554 0A2F"): dropping the white space and reading pairs handles both.
 */
export function decodeHexBytes(raw: string): HexDecode {
	const bad = /[^0-9A-Fa-f\s]/.exec(raw);
	if (bad) return { badIndex: bad.index };
	const hex = raw.replace(/\s+/g, '');
	if (hex.length % 2 === 1) return { oddLength: true };
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
	let text: string;
	let invalidUtf8 = false;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('utf-8').decode(bytes);
		invalidUtf8 = true;
	}
	return invalidUtf8 ? { text, invalidUtf8 } : { text };
}

/** A character named so the difference is visible: CR, LF, TAB, NBSP, U+XXXX for other invisibles. */
export function visibleChar(c: string | undefined): string {
	if (c === undefined) return 'the end of the text';
	const names: Record<string, string> = { '\r': 'CR (0d)', '\n': 'LF (0a)', '\t': 'TAB (09)', ' ': 'a space', '\u00a0': 'NBSP (U+00A0)' };
	const named = names[c];
	if (named) return named;
	const code = c.codePointAt(0) ?? 0;
	if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xfeff || (code >= 0x2000 && code <= 0x200f)) {
		return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	}
	return `"${c}"`;
}

/** Where two texts first differ, as "line L: A where the other has B", or undefined when equal. */
export function firstDifference(a: string, b: string): { line: number; a: string; b: string } | undefined {
	if (a === b) return undefined;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const line = a.slice(0, i).split('\n').length;
	return { line, a: visibleChar(a[i]), b: visibleChar(b[i]) };
}
