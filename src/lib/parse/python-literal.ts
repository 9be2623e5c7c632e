/**
 * Python string literals as they appear in logs: botocore prints headers as a dict of bytes
 * (b'…'), awscurl pprints its strings ('…' '…' split over lines). Read only, never evaluated.
 */

const ESCAPES: Record<string, string> = {
	n: '\n',
	r: '\r',
	t: '\t',
	'\\': '\\',
	"'": "'",
	'"': '"',
	a: '\x07',
	b: '\b',
	f: '\f',
	v: '\v',
	'0': '\0'
};

export interface PyString {
	value: string;
	start: number;
	end: number;
}

/** A literal starting at `i` (prefix b/r/u/f allowed); undefined when there is none. */
export function readPyString(text: string, i: number): PyString | undefined {
	const m = /^([bBrRuUfF]{0,2})('''|"""|'|")/.exec(text.slice(i, i + 5));
	if (!m) return undefined;
	const raw = /r/i.test(m[1]!);
	const quote = m[2]!;
	let j = i + m[0].length;
	let value = '';
	while (j < text.length) {
		if (text.startsWith(quote, j)) return { value, start: i, end: j + quote.length };
		const c = text[j]!;
		if (c === '\n' && quote.length === 1) return undefined;
		if (c === '\\' && !raw && j + 1 < text.length) {
			const e = text[j + 1]!;
			const simple = ESCAPES[e];
			if (simple !== undefined) {
				value += simple;
				j += 2;
				continue;
			}
			if (e === '\n') {
				j += 2;
				continue;
			}
			const hex = /^(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/.exec(text.slice(j + 1, j + 11));
			if (hex) {
				const code = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
				value += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
				j += 1 + hex[0].length;
				continue;
			}
			value += c + e;
			j += 2;
			continue;
		}
		value += c;
		j++;
	}
	return undefined;
}

/** Adjacent literals ('a' 'b' or across lines inside parentheses) joined, as Python does. */
export function readPyStringGroup(text: string, i: number): PyString | undefined {
	const first = readPyString(text, i);
	if (!first) return undefined;
	let value = first.value;
	let end = first.end;
	for (;;) {
		const gap = /^\s*/.exec(text.slice(end, end + 200))![0].length;
		const next = readPyString(text, end + gap);
		if (!next) break;
		value += next.value;
		end = next.end;
	}
	return { value, start: i, end };
}

/** A dict of string keys and string values ({'Host': b'x', …}); other values are skipped. */
export function readPyDict(text: string, i: number): { entries: [string, string][]; end: number } | undefined {
	if (text[i] !== '{') return undefined;
	const entries: [string, string][] = [];
	let j = i + 1;
	for (let guard = 0; guard < 10000; guard++) {
		j += /^[\s,]*/.exec(text.slice(j, j + 200))![0].length;
		if (text[j] === '}') return { entries, end: j + 1 };
		const key = readPyStringGroup(text, j);
		if (!key) return entries.length > 0 ? { entries, end: j } : undefined;
		j = key.end;
		const colon = /^\s*:\s*/.exec(text.slice(j, j + 100));
		if (!colon) return { entries, end: j };
		j += colon[0].length;
		const value = readPyStringGroup(text, j);
		if (value) {
			entries.push([key.value, value.value]);
			j = value.end;
		} else {
			// None, a number, a nested value: skip to the next top-level comma or brace.
			const rest = /^[^,}]*/.exec(text.slice(j, j + 2000))![0];
			j += rest.length;
		}
	}
	return { entries, end: j };
}
