/** Half of a UTF-16 surrogate pair without its other half: no character at all. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 9: 'TAB', 10: 'LF, a line break', 13: 'CR', 27: 'ESC', 127: 'DEL' };

/** "U+0000 (NUL)": a character the user cannot see, named so they can find it. */
export function describeCharacter(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	const name = CONTROL_NAMES[code];
	return name ? `${hex} (${name})` : hex;
}

/** The first lone surrogate of a text and its offset; UTF-8 has no bytes for it, so a signer sends U+FFFD. */
export function findLoneSurrogate(text: string): { index: number; character: string } | undefined {
	const m = LONE_SURROGATE.exec(text);
	return m ? { index: m.index, character: m[0] } : undefined;
}
