import type { SourceLanguage } from './languages.ts';

/** One token of signer source. Comments are dropped; strings keep their text (`v`) so rules can read literals. */
export interface Token {
	/** id: identifier or keyword; str: string literal; rx: regex literal; num; op: punctuation; nl: a line break. */
	k: 'id' | 'str' | 'rx' | 'num' | 'op' | 'nl';
	/** The token's source text (for str/rx, with its quotes). */
	t: string;
	/** str/rx: the text between the quotes, escapes as written; else t. */
	v: string;
	/** 1-based line and column of the token's first character. */
	line: number;
	col: number;
}

interface Family {
	line: string[];
	block: boolean;
	/** Quote characters that open a string; strings in these quotes do not cross a line break unless listed in `multiline`. */
	quotes: string;
	multiline: string;
	/** Interpolation that holds code inside a string: JS `${…}`, Ruby `#{…}`, Python f/C# $ `{…}`. */
	interp?: '${' | '#{' | '{';
	regex: boolean;
	identExtra: string;
}

const C_LIKE: Family = { line: ['//'], block: true, quotes: `"'`, multiline: '', regex: false, identExtra: '' };
const FAMILIES: Record<SourceLanguage, Family> = {
	apex: C_LIKE,
	java: C_LIKE,
	csharp: { ...C_LIKE, identExtra: '' },
	javascript: { ...C_LIKE, quotes: '"\'`', multiline: '`', interp: '${', regex: true },
	go: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
	php: { ...C_LIKE, line: ['//', '#'], identExtra: '$' },
	python: { line: ['#'], block: false, quotes: `"'`, multiline: '', regex: false, identExtra: '' },
	ruby: { line: ['#'], block: false, quotes: `"'`, multiline: '"\'', interp: '#{', regex: true, identExtra: '@' }
};

const TWO_CHAR_OPS = new Set(['+=', '=>', '::', '->', ':=', '==', '!=', '&&', '||', '.=', '<<', '<=', '>=', '?.', '??']);
/** After these, a `/` starts a regex literal rather than a division. */
const BEFORE_REGEX = new Set([
	'(',
	',',
	'=',
	':',
	'[',
	'!',
	'&',
	'|',
	'?',
	'{',
	'}',
	';',
	'+',
	'-',
	'*',
	'%',
	'<',
	'>',
	'~',
	'^',
	'=>',
	'==',
	'!=',
	'&&',
	'||',
	'+='
]);
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'when', 'if', 'unless', 'and', 'or', 'not']);

const isIdentStart = (c: string, extra: string) => /[A-Za-z_]/.test(c) || extra.includes(c) || c > '\u007f';
const isIdent = (c: string, extra: string) => /[A-Za-z0-9_]/.test(c) || extra.includes(c) || c > '\u007f';

/**
 * The tokens of `source` read as `language`: a small hand lexer per language family, so that rules
 * never match inside comments and always know a string literal from code. It never throws: text it
 * cannot read (an unterminated string in pasted prose) ends at the line break.
 */
export function tokenize(source: string, language: SourceLanguage): Token[] {
	const f = FAMILIES[language]!;
	const out: Token[] = [];
	lex(source, f, language, 0, 1, 1, out);
	return out;
}

function lex(src: string, f: Family, language: SourceLanguage, start: number, line0: number, col0: number, out: Token[]): void {
	let i = start;
	let line = line0;
	let col = col0;
	const advance = (to: number) => {
		for (; i < to; i++) {
			if (src[i] === '\n') {
				line++;
				col = 1;
			} else col++;
		}
	};
	const push = (k: Token['k'], from: number, to: number, v: string, l: number, c: number) =>
		out.push({ k, t: src.slice(from, to), v, line: l, col: c });
	while (i < src.length) {
		const c = src[i]!;
		const l = line;
		const cl = col;
		if (c === '\n') {
			push('nl', i, i + 1, '\n', l, cl);
			advance(i + 1);
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
			advance(i + 1);
			continue;
		}
		if (f.line.some((m) => src.startsWith(m, i))) {
			const end = src.indexOf('\n', i);
			advance(end < 0 ? src.length : end);
			continue;
		}
		if (f.block && src.startsWith('/*', i)) {
			const end = src.indexOf('*/', i + 2);
			advance(end < 0 ? src.length : end + 2);
			continue;
		}
		if (language === 'ruby' && cl === 1 && src.startsWith('=begin', i)) {
			const end = src.indexOf('\n=end', i);
			advance(end < 0 ? src.length : end + 5);
			continue;
		}
		const str = stringAt(src, i, f, language);
		if (str) {
			push('str', i, str.end, src.slice(str.open, str.close), l, cl);
			const inner = { line, col };
			advance(str.end);
			if (str.interp) lexInterpolations(src, str, f, language, inner, out);
			continue;
		}
		if (c === '/' && f.regex && regexAllowed(out)) {
			const end = regexEnd(src, i);
			if (end > 0) {
				push('rx', i, end, src.slice(i + 1, end), l, cl);
				advance(end);
				continue;
			}
		}
		if (isIdentStart(c, f.identExtra)) {
			let j = i + 1;
			while (j < src.length && isIdent(src[j]!, f.identExtra)) j++;
			push('id', i, j, src.slice(i, j), l, cl);
			advance(j);
			continue;
		}
		if (/[0-9]/.test(c)) {
			let j = i + 1;
			while (j < src.length && /[0-9A-Za-z_.]/.test(src[j]!)) j++;
			push('num', i, j, src.slice(i, j), l, cl);
			advance(j);
			continue;
		}
		const two = src.slice(i, i + 2);
		const len = TWO_CHAR_OPS.has(two) ? 2 : 1;
		push('op', i, i + len, src.slice(i, i + len), l, cl);
		advance(i + len);
	}
}

interface StringSpan {
	open: number;
	close: number;
	end: number;
	interp?: Family['interp'];
}

/** The string literal starting at `i` (with its prefix: Python r/b/f, C# @ and $), or undefined. */
function stringAt(src: string, i: number, f: Family, language: SourceLanguage): StringSpan | undefined {
	let j = i;
	let raw = false;
	let interp: Family['interp'];
	let verbatim = false;
	if (language === 'python') {
		const m = /^([rRbBuUfF]{1,2})(?=['"])/.exec(src.slice(i, i + 3));
		if (m) {
			if (i > 0 && isIdent(src[i - 1]!, '')) return undefined;
			raw = /r/i.test(m[1]!);
			if (/f/i.test(m[1]!)) interp = '{';
			j += m[1]!.length;
		}
	} else if (language === 'csharp') {
		const m = /^(\$@|@\$|@|\$)(?=")/.exec(src.slice(i, i + 3));
		if (m) {
			verbatim = m[1]!.includes('@');
			if (m[1]!.includes('$')) interp = '{';
			j += m[1]!.length;
		}
	}
	const q = src[j]!;
	if (!f.quotes.includes(q)) return undefined;
	if (language === 'python' && src.startsWith(q.repeat(3), j)) {
		const close = src.indexOf(q.repeat(3), j + 3);
		const end = close < 0 ? src.length : close + 3;
		return { open: j + 3, close: close < 0 ? src.length : close, end, interp };
	}
	if (q === '`') interp = f.interp === '${' ? '${' : undefined;
	if (language === 'ruby' && q === '"') interp = '#{';
	const multiline = verbatim || f.multiline.includes(q);
	let k = j + 1;
	while (k < src.length) {
		const ch = src[k]!;
		if (ch === '\\' && !raw && !verbatim && !(language === 'go' && q === '`')) {
			k += 2;
			continue;
		}
		if (ch === q) {
			if (verbatim && src[k + 1] === q) {
				k += 2;
				continue;
			}
			return { open: j + 1, close: k, end: k + 1, interp };
		}
		if (ch === '\n' && !multiline) return { open: j + 1, close: k, end: k, interp };
		k++;
	}
	return { open: j + 1, close: src.length, end: src.length, interp };
}

/** The code inside a string's interpolations, as tokens after the string's own (so `${encodeURIComponent(k)}` is seen). */
function lexInterpolations(
	src: string,
	s: StringSpan,
	f: Family,
	language: SourceLanguage,
	at: { line: number; col: number },
	out: Token[]
) {
	const opener = s.interp!;
	let k = s.open;
	while (k < s.close) {
		const found = src.indexOf(opener, k);
		if (found < 0 || found >= s.close) return;
		if (opener === '{' && src[found + 1] === '{') {
			k = found + 2;
			continue;
		}
		let depth = 1;
		let e = found + opener.length;
		for (; e < s.close && depth > 0; e++) {
			if (src[e] === '{') depth++;
			else if (src[e] === '}') depth--;
		}
		const line = at.line + src.slice(s.open, found).split('\n').length - 1;
		const inner: Token[] = [];
		lex(src.slice(0, e - 1), f, language, found + opener.length, line, 1, inner);
		out.push(...inner.filter((t) => t.k !== 'nl'));
		k = e;
	}
}

function regexAllowed(out: Token[]): boolean {
	for (let n = out.length - 1; n >= 0; n--) {
		const t = out[n]!;
		if (t.k === 'nl') continue;
		if (t.k === 'op') return BEFORE_REGEX.has(t.t);
		if (t.k === 'id') return REGEX_KEYWORDS.has(t.t);
		return false;
	}
	return true;
}

/** The end (exclusive) of the regex literal starting at `i`, or -1 when the line holds none. */
function regexEnd(src: string, i: number): number {
	let inClass = false;
	for (let k = i + 1; k < src.length; k++) {
		const ch = src[k]!;
		if (ch === '\n') return -1;
		if (ch === '\\') {
			k++;
			continue;
		}
		if (ch === '[') inClass = true;
		else if (ch === ']') inClass = false;
		else if (ch === '/' && !inClass) {
			let e = k + 1;
			while (e < src.length && /[a-z]/.test(src[e]!)) e++;
			return k === i + 1 ? -1 : e;
		}
	}
	return -1;
}
