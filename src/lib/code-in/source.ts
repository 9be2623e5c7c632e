import type { SourceLanguage } from './languages.ts';
import { tokenize, type Token } from './lexer.ts';

/** A token range [from, to) in `Source.tokens`. */
export interface Range {
	from: number;
	to: number;
}

/** A call `name(args)`: the index of its name, its parentheses, and its arguments' ranges. */
export interface Call {
	name: number;
	open: number;
	close: number;
	args: Range[];
}

/** Signer source read once: its significant tokens (no line breaks), statements and assignments. */
export interface Source {
	language: SourceLanguage;
	tokens: Token[];
	/** For each token, the index of its matching bracket, or -1. */
	match: number[];
	/** For each token, the statement range it belongs to. */
	statementOf: Range[];
	/** Every `name = value` (also `name := value`, `name += value`), by name, in source order. */
	assignments: Map<string, { at: number; value: Range }[]>;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** A line break after one of these (or before `.`, `+`, `?`) does not end a statement. */
const CONTINUES = new Set([
	'+',
	'-',
	'*',
	'.',
	',',
	'(',
	'[',
	'{',
	'=',
	'+=',
	'.=',
	':=',
	'&&',
	'||',
	'?',
	':',
	'=>',
	'->',
	'::',
	'<<',
	'|',
	'&',
	'\\'
]);

export function readSource(text: string, language: SourceLanguage): Source {
	const all = tokenize(text, language);
	const tokens: Token[] = [];
	const endsLine: boolean[] = [];
	for (const t of all) {
		if (t.k === 'nl') {
			if (tokens.length) endsLine[tokens.length - 1] = true;
		} else tokens.push(t);
	}
	const match = matchBrackets(tokens);
	const statementOf = statements(tokens, match, endsLine);
	return { language, tokens, match, statementOf, assignments: assignmentsOf(tokens, statementOf) };
}

function matchBrackets(tokens: Token[]): number[] {
	const match = tokens.map(() => -1);
	const stack: number[] = [];
	tokens.forEach((t, i) => {
		if (t.k !== 'op') return;
		if (OPEN[t.t]) stack.push(i);
		else if (t.t === ')' || t.t === ']' || t.t === '}') {
			// Pasted fragments lose brackets: unwind to the nearest opener of the same kind, if any.
			const at = stack.map((o) => OPEN[tokens[o]!.t]).lastIndexOf(t.t);
			if (at < 0) return;
			const o = stack[at]!;
			stack.length = at;
			match[o] = i;
			match[i]! = o;
		}
	});
	return match;
}

function statements(tokens: Token[], match: number[], endsLine: boolean[]): Range[] {
	const of: Range[] = new Array(tokens.length);
	let start = 0;
	let depth = 0;
	const close = (end: number) => {
		const r = { from: start, to: end };
		for (let k = start; k < end; k++) of[k] = r;
		start = end;
	};
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.k === 'op' && (t.t === '(' || t.t === '[') && match[i]! > i) depth++;
		else if (t.k === 'op' && (t.t === ')' || t.t === ']') && match[i]! >= 0 && match[i]! < i) depth = Math.max(0, depth - 1);
		if (t.k === 'op' && (t.t === ';' || t.t === '{' || t.t === '}')) {
			close(i + 1);
			continue;
		}
		const next = tokens[i + 1]!;
		const lineEnds =
			endsLine[i] &&
			depth === 0 &&
			!(t.k === 'op' && CONTINUES.has(t.t)) &&
			!(next && next.k === 'op' && ['.', '+', '?', ':', '->', '&&', '||', '.='].includes(next.t));
		if (lineEnds) close(i + 1);
	}
	if (start < tokens.length) close(tokens.length);
	return of;
}

const ASSIGN = new Set(['=', ':=', '+=', '.=']);
const STATEMENT_KEYWORDS = new Set([
	'return',
	'throw',
	'if',
	'for',
	'foreach',
	'while',
	'def',
	'function',
	'func',
	'public',
	'private',
	'static'
]);

function assignmentsOf(tokens: Token[], statementOf: Range[]): Source['assignments'] {
	const map: Source['assignments'] = new Map();
	for (let i = 1; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.k !== 'op' || !ASSIGN.has(t.t)) continue;
		const name = tokens[i - 1]!;
		if (name.k !== 'id') continue;
		const st = statementOf[i]!;
		let to = st.to;
		// A fragment that lost its ';' or ')' runs on into the next statement: stop at a statement keyword.
		const stop = tokens.findIndex((x, k) => k > i && k < to && x.k === 'id' && STATEMENT_KEYWORDS.has(x.t));
		if (stop > 0) to = stop;
		while (to > i + 1 && tokens[to - 1]!.k === 'op' && [';', '{', '}'].includes(tokens[to - 1]!.t)) to--;
		const key = bare(name.t);
		const list = map.get(key) ?? [];
		list.push({ at: i - 1, value: { from: i + 1, to } });
		map.set(key, list);
	}
	return map;
}

/** An identifier without PHP's `$` or Ruby's `@`. */
export const bare = (name: string) => name.replace(/^[$@]+/, '');

/** The call whose opening parenthesis is at `open` (the name just before it). */
export function callAt(src: Source, open: number): Call | undefined {
	const close = src.match[open]!;
	if (close < open || open < 1) return undefined;
	return { name: open - 1, open, close, args: split(src, open + 1, close) };
}

/** The top-level comma-separated ranges of [from, to). */
export function split(src: Source, from: number, to: number): Range[] {
	const out: Range[] = [];
	let start = from;
	for (let k = from; k < to; k++) {
		const t = src.tokens[k]!;
		if (t.k === 'op' && OPEN[t.t] && src.match[k]! > k && src.match[k]! < to) {
			k = src.match[k]!;
			continue;
		}
		if (t.k === 'op' && t.t === ',') {
			out.push({ from: start, to: k });
			start = k + 1;
		}
	}
	if (to > start) out.push({ from: start, to });
	return out;
}

/** Every call of a function or method whose name matches `name` (the last part of a dotted name). */
export function callsNamed(src: Source, name: RegExp): Call[] {
	const out: Call[] = [];
	src.tokens.forEach((t, i) => {
		if (t.k !== 'id' || !name.test(bare(t.t))) return;
		const next = src.tokens[i + 1]!;
		if (next?.k === 'op' && next.t === '(') {
			const call = callAt(src, i + 1);
			if (call) out.push(call);
		}
	});
	return out;
}

/** The dotted path that ends at token `i` (`EncodingUtil.base64Encode`, `OpenSSL::HMAC.digest`), as text. */
export function pathTo(src: Source, i: number): string {
	let k = i;
	while (k >= 2 && src.tokens[k - 1]!.k === 'op' && ['.', '::', '->', '?.'].includes(src.tokens[k - 1]!.t) && src.tokens[k - 2]!.k === 'id')
		k -= 2;
	return src.tokens
		.slice(k, i + 1)
		.map((t) => t.t)
		.join('')
		.replace(/::|->|\?\./g, '.');
}

/** The receiver expression of the member access whose `.` is at `dot`: back over names, calls and indexes. */
export function receiverOf(src: Source, dot: number): Range {
	let k = dot;
	for (;;) {
		const prev = src.tokens[k - 1]!;
		if (!prev) break;
		if (prev.k === 'op' && (prev.t === ')' || prev.t === ']') && src.match[k - 1]! >= 0 && src.match[k - 1]! < k - 1) {
			k = src.match[k - 1]!;
			continue;
		}
		if (prev.k === 'id' || prev.k === 'str' || prev.k === 'num') {
			k--;
			const before = src.tokens[k - 1]!;
			if (before && before.k === 'op' && ['.', '::', '->', '?.'].includes(before.t)) {
				k--;
				continue;
			}
			if (before && before.k === 'id' && before.t === 'new') k--;
			break;
		}
		break;
	}
	return { from: k, to: dot };
}

/** The method calls chained after the token at `end` (`x.digest().hex()` → digest, hex). */
export function chainAfter(src: Source, end: number): Call[] {
	const out: Call[] = [];
	let k = end + 1;
	while (src.tokens[k]?.k === 'op' && ['.', '?.', '->'].includes(src.tokens[k]!.t) && src.tokens[k + 1]?.k === 'id') {
		const open = k + 2;
		if (src.tokens[open]?.t !== '(') {
			k = k + 2;
			continue;
		}
		const call = callAt(src, open);
		if (!call) break;
		out.push(call);
		k = call.close + 1;
	}
	return out;
}

export const text = (src: Source, r: Range) =>
	src.tokens
		.slice(r.from, r.to)
		.map((t) => t.t)
		.join(' ');
export const ids = (src: Source, r: Range) => src.tokens.slice(r.from, r.to).filter((t) => t.k === 'id');
export const strings = (src: Source, r: Range) => src.tokens.slice(r.from, r.to).filter((t) => t.k === 'str');

/**
 * The tokens of `r` and, for each plain name in it, the value last assigned to it before `r` (up
 * to `depth` levels): `kDate` reads as `HMAC("AWS4" + secret, date)`.
 */
export function expand(src: Source, r: Range, depth = 3, seen = new Set<string>()): Token[] {
	const out = src.tokens.slice(r.from, r.to);
	if (depth === 0) return out;
	for (const t of src.tokens.slice(r.from, r.to)) {
		if (t.k !== 'id') continue;
		const value = valueOf(src, bare(t.t), r.from);
		if (!value || seen.has(t.t)) continue;
		seen.add(t.t);
		out.push(...expand(src, value, depth - 1, seen));
	}
	return out;
}

/** The range last assigned to `name` before token `before` (or anywhere, when none is before). */
export function valueOf(src: Source, name: string, before: number): Range | undefined {
	const list = src.assignments.get(name);
	if (!list) return undefined;
	const prior = list.filter((a) => a.at < before && !(a.value.from <= before && before < a.value.to));
	return (prior.length ? prior[prior.length - 1]! : list[0]!).value;
}
