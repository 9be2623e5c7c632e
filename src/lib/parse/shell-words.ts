export interface ShellWord {
	value: string;
	/** Offsets of the word as written (quotes included). */
	start: number;
	end: number;
	/** Names of $VARIABLES left unexpanded in the word. */
	variables: string[];
}

export interface ShellProblem {
	offset: number;
	message: string;
	fix: string;
}

export interface ShellWords {
	words: ShellWord[];
	/** Offset where the command ends (end of text, a pipe, a ";", or a line break not continued). */
	end: number;
	problems: ShellProblem[];
}

const ANSI_C: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	a: '\x07',
	b: '\b',
	e: '\x1b',
	E: '\x1b',
	f: '\f',
	v: '\v',
	'\\': '\\',
	"'": "'",
	'"': '"',
	'?': '?'
};

/**
 * Splits one shell command into words the way bash would, without running anything: '…' is
 * literal, "…" keeps \" \\ \$ \`, $'…' decodes C escapes, a backslash before a line break joins
 * lines, and variables stay as written (they are noted, never expanded). `cmd` handles Windows
 * "Copy as cURL (cmd)", where ^ escapes the next character. Stops at |, ;, &, a redirection's
 * target is skipped.
 */
export function splitShellWords(text: string, start: number, cmd = false): ShellWords {
	const words: ShellWord[] = [];
	const problems: ShellProblem[] = [];
	let i = start;
	const len = text.length;
	const escape = cmd ? '^' : '\\';

	outer: while (i < len) {
		// Blanks and continuations between words.
		const c = text[i]!;
		if (c === ' ' || c === '\t' || c === '\r') {
			i++;
			continue;
		}
		if ((c === escape || c === '`') && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
			i += text[i + 1] === '\r' ? 3 : 2;
			continue;
		}
		if (c === '\n' || c === '|' || c === '&' || (c === ';' && !cmd)) break;
		if (c === '#') break;

		const wordStart = i;
		let value = '';
		const variables: string[] = [];
		let redirect = false;
		if (c === '>' || c === '<' || (/\d/.test(c) && (text[i + 1] === '>' || text[i + 1] === '<'))) redirect = true;

		// cmd: ^" is a quote for the program's own argument parser (it groups words and disappears).
		let crtQuote = false;
		while (i < len) {
			const ch = text[i]!;
			if (!crtQuote && (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r')) break;
			if (crtQuote && ch === '\n') break;
			if (!redirect && !crtQuote && (ch === '|' || ch === '&' || (ch === ';' && !cmd))) break;
			if (ch === escape) {
				const next = text[i + 1];
				if (next === undefined) {
					i++;
					break;
				}
				if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
					i += next === '\r' ? 3 : 2;
					continue;
				}
				if (cmd && next === '"') crtQuote = !crtQuote;
				else value += next;
				i += 2;
				continue;
			}
			if (ch === "'" && !cmd) {
				const close = text.indexOf("'", i + 1);
				if (close === -1) {
					problems.push({
						offset: i,
						message: "This ' quote is never closed.",
						fix: 'Close the quote, or check whether the command was cut off.'
					});
					value += text.slice(i + 1);
					i = len;
					break;
				}
				value += text.slice(i + 1, close);
				i = close + 1;
				continue;
			}
			if (ch === '$' && text[i + 1] === "'" && !cmd) {
				const r = ansiC(text, i + 2);
				if (r.end === -1) {
					problems.push({
						offset: i,
						message: "This $' quote is never closed.",
						fix: 'Close the quote, or check whether the command was cut off.'
					});
					value += r.value;
					i = len;
					break;
				}
				value += r.value;
				i = r.end;
				continue;
			}
			if (ch === '"') {
				let j = i + 1;
				let closed = false;
				while (j < len) {
					const d = text[j]!;
					if (d === '"') {
						closed = true;
						break;
					}
					if (!cmd && d === '\\' && j + 1 < len) {
						const e = text[j + 1]!;
						if (e === '\n') j += 2;
						else if ('"\\$`'.includes(e)) {
							value += e;
							j += 2;
						} else {
							value += d;
							j++;
						}
						continue;
					}
					if (!cmd && d === '$') {
						const v = variableAt(text, j);
						if (v) variables.push(v);
					}
					value += d;
					j++;
				}
				if (!closed) {
					problems.push({
						offset: i,
						message: 'This " quote is never closed.',
						fix: 'Close the quote, or check whether the command was cut off.'
					});
					i = len;
					break;
				}
				i = j + 1;
				continue;
			}
			if (ch === '$' && !cmd) {
				const v = variableAt(text, i);
				if (v) variables.push(v);
			}
			value += ch;
			i++;
		}
		if (redirect) {
			// "> file", "2>&1", "<<EOF": skip the operator and its target.
			if (/^\d?[<>]+&?\d*$/.test(value)) {
				while (i < len && (text[i] === ' ' || text[i] === '\t')) i++;
				while (i < len && !/[\s|;&]/.test(text[i]!)) i++;
			}
			continue outer;
		}
		words.push({ value, start: wordStart, end: i, variables });
	}
	return { words, end: i, problems };
}

function variableAt(text: string, i: number): string | undefined {
	const m = /^\$(?:\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*)|\((.*?)\))/.exec(text.slice(i, i + 200));
	if (!m) return undefined;
	return m[1] ?? m[2] ?? `$(${m[3] ?? ''})`;
}

function ansiC(text: string, from: number): { value: string; end: number } {
	let value = '';
	let i = from;
	while (i < text.length) {
		const c = text[i]!;
		if (c === "'") return { value, end: i + 1 };
		if (c !== '\\' || i + 1 >= text.length) {
			value += c;
			i++;
			continue;
		}
		const e = text[i + 1]!;
		const simple = ANSI_C[e];
		if (simple !== undefined) {
			value += simple;
			i += 2;
			continue;
		}
		const hex = /^(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})|([0-7]{1,3}))/.exec(text.slice(i + 1, i + 11));
		if (hex) {
			const code = parseInt(hex[1] ?? hex[2] ?? hex[3] ?? hex[4]!, hex[4] !== undefined ? 8 : 16);
			value += code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
			i += 1 + hex[0].length;
			continue;
		}
		value += c + e;
		i += 2;
	}
	return { value, end: -1 };
}
