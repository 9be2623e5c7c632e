/**
 * JSON for POST policies: where a policy the user wrote is broken (line and column, the same in
 * every JavaScript engine), and one deterministic way to write a policy back out.
 */

export interface JsonProblem {
	/** 0-based offset in the text (UTF-16 code units). */
	offset: number;
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
	message: string;
}

class Stop extends Error {
	constructor(
		readonly offset: number,
		message: string
	) {
		super(message);
	}
}

function describe(ch: string | undefined): string {
	if (ch === undefined) return 'the end of the text';
	if (ch === "'") return 'a single quote (JSON strings use double quotes)';
	if (ch === '\u201c' || ch === '\u201d' || ch === '\u2018' || ch === '\u2019') return `a typographic quote "${ch}" (use a plain ")`;
	if (ch === '\ufeff') return 'a byte order mark';
	const code = ch.charCodeAt(0);
	if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `"${ch}"`;
}

/** A strict JSON (RFC 8259) syntax check that says where the first error is. */
function scan(text: string): void {
	let i = 0;
	const ws = () => {
		while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
	};
	const fail = (message: string, at = i): never => {
		throw new Stop(at, message);
	};
	const string = () => {
		i++; // opening quote
		for (;;) {
			if (i >= text.length) fail('Unterminated string: the closing " is missing.');
			const c = text.charCodeAt(i);
			if (c === 0x22) return void i++;
			if (c < 0x20) fail(`A string contains ${describe(text[i])}; write it as an escape such as \\n.`);
			if (c === 0x5c) {
				const e = text[i + 1];
				if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
				else fail(`Invalid escape "\\${e ?? ''}" in a string.`);
			} else i++;
		}
	};
	const number = () => {
		const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
		if (!m) fail(`Unexpected ${describe(text[i])}: not a JSON value.`);
		i += m![0].length;
	};
	const value = (depth: number): void => {
		if (depth > 512) fail('The JSON is nested too deeply.');
		ws();
		const c = text[i];
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${describe(text[i])}.`);
				string();
				ws();
				if (text[i] !== ':') fail(`Expected ":" after the property name, found ${describe(text[i])}.`);
				i++;
				value(depth + 1);
				ws();
				if (text[i] === '}') return void i++;
				if (text[i] !== ',') fail(`Expected "," or "}" in an object, found ${describe(text[i])}.`);
				const comma = i++;
				ws();
				if (text[i] === '}') fail('A trailing comma before "}" is not allowed in JSON.', comma);
			}
		}
		if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value(depth + 1);
				ws();
				if (text[i] === ']') return void i++;
				if (text[i] !== ',') fail(`Expected "," or "]" in an array, found ${describe(text[i])}.`);
				const comma = i++;
				ws();
				if (text[i] === ']') fail('A trailing comma before "]" is not allowed in JSON.', comma);
			}
		}
		if (c === '"') return string();
		for (const word of ['true', 'false', 'null']) {
			if (text.startsWith(word, i)) return void (i += word.length);
		}
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
		fail(c === undefined ? 'The text ends where a JSON value should be.' : `Unexpected ${describe(c)}: not a JSON value.`);
	};
	value(0);
	ws();
	if (i < text.length) fail(`Unexpected ${describe(text[i])} after the end of the JSON value.`);
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		if (text[i] === '\n') {
			line++;
			start = i + 1;
		}
	}
	return { line, column: offset - start + 1 };
}

/** Parses JSON text; on failure, where and why, never an exception. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		let offset = 0;
		let message = e instanceof Error ? e.message : String(e);
		try {
			scan(text);
		} catch (stop) {
			if (!(stop instanceof Stop)) throw stop;
			offset = stop.offset;
			message = stop.message;
		}
		return { ok: false, problem: { offset, ...lineColumn(text, offset), message } };
	}
}

/** A value on one line: `{"a": "b"}`, `["eq", "$key", "x"]`. */
export function inlineJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		return `{${Object.entries(value)
			.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`)
			.join(', ')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A policy written out the one way this tool writes policies: top-level keys in their order, one
 * condition a line, two-space indent, no trailing line break, `eol` between lines.
 */
export function serializePolicy(policy: Record<string, unknown>, eol: '\n' | '\r\n' = '\n'): string {
	const entries = Object.entries(policy);
	const lines = ['{'];
	entries.forEach(([key, value], index) => {
		const comma = index < entries.length - 1 ? ',' : '';
		if (key === 'conditions' && Array.isArray(value) && value.length > 0) {
			lines.push(`  ${JSON.stringify(key)}: [`);
			value.forEach((c, j) => lines.push(`    ${inlineJson(c)}${j < value.length - 1 ? ',' : ''}`));
			lines.push(`  ]${comma}`);
		} else lines.push(`  ${JSON.stringify(key)}: ${inlineJson(value)}${comma}`);
	});
	lines.push('}');
	return lines.join(eol);
}
