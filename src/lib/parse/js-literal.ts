/**
 * A lenient reader for the JavaScript literals in a browser's "Copy as fetch" (and for locating a
 * JSON syntax error): objects, arrays, strings in any quote, numbers, true/false/null, comments,
 * unquoted keys, trailing commas. Anything else (a variable, new FormData(), a function call) is
 * kept as an expression's source text. Nothing is ever evaluated.
 */

import type { JsNode } from './js-node.ts';

export interface JsProblem {
	offset: number;
	message: string;
	fix: string;
}

const MAX_DEPTH = 200;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

export class JsReader {
	i: number;
	readonly problems: JsProblem[] = [];

	constructor(
		readonly text: string,
		start = 0
	) {
		this.i = start;
	}

	skipSpace(): void {
		const t = this.text;
		while (this.i < t.length) {
			const c = t[this.i]!;
			if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\ufeff') this.i++;
			else if (c === '/' && t[this.i + 1] === '/') {
				const nl = t.indexOf('\n', this.i);
				this.i = nl === -1 ? t.length : nl + 1;
			} else if (c === '/' && t[this.i + 1] === '*') {
				const close = t.indexOf('*/', this.i + 2);
				this.i = close === -1 ? t.length : close + 2;
			} else break;
		}
	}

	problem(offset: number, message: string, fix: string): void {
		this.problems.push({ offset, message, fix });
	}

	value(depth = 0): JsNode | undefined {
		this.skipSpace();
		const t = this.text;
		const start = this.i;
		const c = t[start];
		if (c === undefined) {
			this.problem(start, 'The text ends where a value was expected.', 'Paste the whole text; it looks cut off.');
			return undefined;
		}
		if (depth > MAX_DEPTH) {
			this.problem(start, `Values are nested more than ${MAX_DEPTH} deep.`, 'Paste the request as the browser copied it.');
			this.i = t.length;
			return undefined;
		}
		if (c === '{') return this.object(depth);
		if (c === '[') return this.array(depth);
		if (c === '"' || c === "'" || c === '`') return this.string();
		const num = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(t.slice(start, start + 40));
		if (num && !/[\w$]/.test(t[start + num[0].length] ?? '')) {
			this.i += num[0].length;
			return { kind: 'number', start, end: this.i, value: Number(num[0]), raw: num[0] };
		}
		const word = /^(true|false|null|undefined)(?![\w$])/.exec(t.slice(start, start + 10));
		if (word) {
			this.i += word[0].length;
			const value = word[1] === 'true' ? true : word[1] === 'false' ? false : word[1] === 'null' ? null : undefined;
			return { kind: 'literal', start, end: this.i, value };
		}
		return this.expression();
	}

	/** Source text up to the next top-level , } ] or ). */
	private expression(): JsNode | undefined {
		const t = this.text;
		const start = this.i;
		let depth = 0;
		while (this.i < t.length) {
			const c = t[this.i]!;
			if (c === '"' || c === "'" || c === '`') {
				this.string();
				continue;
			}
			if (c === '(' || c === '[' || c === '{') depth++;
			else if (c === ')' || c === ']' || c === '}') {
				if (depth === 0) break;
				depth--;
			} else if (c === ',' && depth === 0) break;
			this.i++;
		}
		const source = t.slice(start, this.i).trim();
		if (source === '') {
			this.problem(start, `Expected a value here, found "${t[start] ?? ''}".`, 'Check the punctuation around this point.');
			return undefined;
		}
		return { kind: 'expression', start, end: this.i, source };
	}

	string(): JsNode {
		const t = this.text;
		const start = this.i;
		const quote = t[start]!;
		let value = '';
		let interpolated = false;
		this.i++;
		while (this.i < t.length) {
			const c = t[this.i]!;
			if (c === quote) {
				this.i++;
				const node: JsNode = { kind: 'string', start, end: this.i, value };
				if (interpolated) node.interpolated = true;
				return node;
			}
			if (c === '\n' && quote !== '`') break;
			if (quote === '`' && c === '$' && t[this.i + 1] === '{') interpolated = true;
			if (c === '\\' && this.i + 1 < t.length) {
				const e = t[this.i + 1]!;
				const simple = SIMPLE_ESCAPES[e];
				if (simple !== undefined && !(e === '0' && /\d/.test(t[this.i + 2] ?? ''))) {
					value += simple;
					this.i += 2;
					continue;
				}
				const hex = /^(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\})/.exec(t.slice(this.i + 1, this.i + 10));
				if (hex) {
					const code = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
					value += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
					this.i += 1 + hex[0].length;
					continue;
				}
				if (e === '\n') {
					this.i += 2;
					continue;
				}
				value += e;
				this.i += 2;
				continue;
			}
			value += c;
			this.i++;
		}
		this.problem(start, `This ${quote} string is never closed.`, 'Close the string, or paste the whole text; it looks cut off.');
		return { kind: 'string', start, end: this.i, value };
	}

	/** The entries of an object or the items of an array: `item` reads one, the list the brackets and commas. */
	private list<T>(close: '}' | ']', item: (into: T[]) => void): { start: number; end: number; items: T[] } {
		const t = this.text;
		const start = this.i;
		const open = t[start];
		this.i++;
		const items: T[] = [];
		for (;;) {
			this.skipSpace();
			const c = t[this.i];
			if (c === undefined) {
				this.problem(start, `This ${open} is never closed with ${close}.`, 'Paste the whole text; it looks cut off.');
				return { start, end: this.i, items };
			}
			if (c === close) {
				this.i++;
				return { start, end: this.i, items };
			}
			if (c === ',') {
				this.i++;
				continue;
			}
			item(items);
		}
	}

	/**
	 * After a value in a list: a "," or the closing bracket. A missing comma before something that
	 * can start the next item is read on from there rather than lose it.
	 */
	private separator(close: '}' | ']', message: (found: string) => string, fix: string, next: RegExp): void {
		this.skipSpace();
		const after = this.text[this.i];
		if (after === ',' || after === close || after === undefined) return;
		this.problem(this.i, message(after), fix);
		if (!next.test(after)) this.skipTo(`,${close}`);
	}

	private object(depth: number): JsNode {
		const t = this.text;
		const { start, end, items } = this.list<{ key: string; keyStart: number; value: JsNode }>('}', (entries) => {
			const c = t[this.i]!;
			const keyStart = this.i;
			let key: string;
			if (c === '"' || c === "'" || c === '`') {
				const s = this.string();
				key = s.kind === 'string' ? s.value : '';
			} else if (t.startsWith('...', this.i)) {
				this.i += 3;
				const spread = this.value(depth + 1);
				if (spread) entries.push({ key: '...', keyStart, value: spread });
				return;
			} else {
				const m = /^[\w$-]+/.exec(t.slice(this.i, this.i + 200));
				if (!m) {
					this.problem(this.i, `Expected a property name or "}", found "${c}".`, 'Check the punctuation around this point.');
					this.skipTo(',}');
					return;
				}
				key = m[0];
				this.i += key.length;
			}
			this.skipSpace();
			if (t[this.i] !== ':') {
				if (t[this.i] === ',' || t[this.i] === '}') {
					entries.push({ key, keyStart, value: { kind: 'expression', start: keyStart, end: this.i, source: key } });
					return;
				}
				this.problem(this.i, `Expected ":" after the property name "${key}".`, 'Write properties as "name": value.');
				this.skipTo(',}');
				return;
			}
			this.i++;
			const value = this.value(depth + 1);
			if (value) entries.push({ key, keyStart, value });
			else this.skipTo(',}');
			this.separator(
				'}',
				(found) => `Expected "," or "}" after the value of "${key}", found "${found}".`,
				'Put a comma between properties.',
				/["'`\w$]/
			);
		});
		return { kind: 'object', start, end, entries: items };
	}

	private array(depth: number): JsNode {
		const { start, end, items } = this.list<JsNode>(']', (into) => {
			const before = this.i;
			const value = this.value(depth + 1);
			if (value) into.push(value);
			if (this.i === before) this.skipTo(',]');
			this.separator(']', (found) => `Expected "," or "]" in the list, found "${found}".`, 'Put a comma between items.', /["'`{[\w$-]/);
		});
		return { kind: 'array', start, end, items };
	}

	/**
	 * Moves past the rest of a broken value to one of `stops` at this level. The callers consume the
	 * stops themselves; any other closing bracket at this level is junk and is consumed here, so
	 * every call makes progress or leaves a stop for the caller.
	 */
	private skipTo(stops: string): void {
		const t = this.text;
		let depth = 0;
		while (this.i < t.length) {
			const c = t[this.i]!;
			if (c === '"' || c === "'" || c === '`') {
				this.string();
				continue;
			}
			if (depth === 0 && stops.includes(c)) return;
			if (c === '{' || c === '[' || c === '(') depth++;
			else if ((c === '}' || c === ']' || c === ')') && depth > 0) depth--;
			this.i++;
		}
	}
}
