const ESCAPES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

/**
 * Text quoted for a message, with what is invisible made visible: CR, LF and tab as \r \n \t,
 * NBSP and other non-printing characters as \u{…}. Long text is cut in the middle.
 */
export function quote(text: string, max = 100): string {
	const shown = text.length > max ? `${text.slice(0, max - 20)}…${text.slice(-19)}` : text;
	const escaped = shown.replace(/[\r\n\t"\\]|[^\P{C}]|[\p{Zs}\u2028\u2029]/gu, (c) =>
		c === ' ' ? ' ' : (ESCAPES[c] ?? `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`)
	);
	return `"${escaped}"`;
}

/** A short list of quoted items for a message: "a", "b" and 3 more. */
export function listQuoted(items: string[], max = 6): string {
	const shown = items.slice(0, max).map((c) => JSON.stringify(c));
	return shown.join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');
}
