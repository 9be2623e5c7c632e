/**
 * String literals that each language reads back as exactly the text given: every character
 * outside printable ASCII is escaped, so that no byte of a request changes on its way through a
 * source file (and nothing invisible, such as a no-break space, hides in one).
 */
export type LiteralStyle = 'python' | 'js' | 'java' | 'go' | 'php' | 'ruby' | 'csharp' | 'apex';

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

const utf16 = (cp: number) =>
	cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\u${hex(0xd800 + ((cp - 0x10000) >> 10), 4)}\\u${hex(0xdc00 + ((cp - 0x10000) & 0x3ff), 4)}`;

/** A control character (below U+0020, or U+007F) other than \n, \r and \t. */
function control(cp: number, style: LiteralStyle): string {
	switch (style) {
		case 'java':
			// Java reads \uXXXX before it lexes, so "\u000A" would end the literal: octal is safe.
			return `\\${cp.toString(8).padStart(3, '0')}`;
		case 'csharp':
		case 'apex':
			// C#'s \x takes up to four hex digits and would swallow what follows.
			return `\\u${hex(cp, 4)}`;
		default:
			return `\\x${hex(cp, 2)}`;
	}
}

function nonAscii(cp: number, style: LiteralStyle): string {
	switch (style) {
		case 'python':
		case 'go':
			return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
		case 'php':
		case 'ruby':
			return `\\u{${hex(cp, 4)}}`;
		default:
			return utf16(cp);
	}
}

/** `text` as a quoted string literal of the language. */
export function literal(text: string, style: LiteralStyle): string {
	const quote = style === 'apex' ? "'" : '"';
	let out = quote;
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (ch === quote || ch === '\\') out += `\\${ch}`;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else if (cp < 0x20 || cp === 0x7f) out += control(cp, style);
		else if (cp > 0x7f) out += nonAscii(cp, style);
		else if (style === 'php' && ch === '$') out += '\\$';
		else if (style === 'ruby' && ch === '#') out += '\\#';
		else out += ch;
	}
	return out + quote;
}
