/**
 * Where JSON text first goes wrong, and how, in plain words. JSON.parse says so differently in
 * each engine, and V8 often gives no position at all; a case file's error must name the place.
 * Iterative (an explicit stack), so deeply nested hostile text cannot overflow the call stack.
 * Returns undefined for valid JSON.
 */
export function jsonSyntaxError(text: string): { at: number; line: number; column: number; problem: string } | undefined {
	let i = 0;
	const stack: ('{' | '[')[] = [];
	const show = (c: string | undefined) => (c === undefined ? 'the end of the text' : JSON.stringify(c));
	const fail = (problem: string) => {
		const before = text.slice(0, i);
		return { at: i, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), problem };
	};
	const skipSpace = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};

	const string = () => {
		const start = i++;
		for (;;) {
			const c = text[i];
			if (c === undefined) {
				// Where the quote opened is what the reader needs to find, not the end of the text.
				i = start;
				return fail('the text in quotes that starts here is never closed (is the file complete?)');
			}
			if (c === '"') {
				i++;
				return undefined;
			}
			if (c < ' ') return fail('a control character (such as a line break) inside quotes must be written as an escape like \\n');
			if (c === '\\') {
				const next = text[i + 1];
				if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
				else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
				else return fail(`${show(`\\${next ?? ''}`)} is not an escape JSON knows`);
			} else i++;
		}
	};

	const scalar = () => {
		const c = text[i];
		if (c === '"') return string();
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
			const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
			number.lastIndex = i;
			if (!number.test(text)) return fail('a number is malformed');
			i = number.lastIndex;
			return undefined;
		}
		for (const word of ['true', 'false', 'null']) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return undefined;
			}
		}
		return fail(c === undefined ? 'the text ends where a value should be' : `unexpected ${show(c)} where a value should be`);
	};

	let state: 'value' | 'name' | 'after' = 'value';
	for (;;) {
		skipSpace();
		const c = text[i];
		if (state === 'value') {
			if (c === '{' || c === '[') {
				i++;
				skipSpace();
				if (text[i] === (c === '{' ? '}' : ']')) {
					i++;
					state = 'after';
				} else {
					stack.push(c);
					if (c === '{') state = 'name';
				}
				continue;
			}
			const problem = scalar();
			if (problem) return problem;
			state = 'after';
		} else if (state === 'name') {
			if (c === undefined) return fail('the text ends inside an object (is the file complete?)');
			if (c !== '"') return fail(`expected a name in quotes, found ${show(c)}`);
			const problem = string();
			if (problem) return problem;
			skipSpace();
			if (text[i] !== ':') return fail(`expected ":" after a name, found ${show(text[i])}`);
			i++;
			state = 'value';
		} else {
			const open = stack[stack.length - 1];
			if (open === undefined) return c === undefined ? undefined : fail(`unexpected ${show(c)} after the end of the JSON`);
			const close = open === '{' ? '}' : ']';
			if (c === ',') {
				i++;
				state = open === '{' ? 'name' : 'value';
			} else if (c === close) {
				i++;
				stack.pop();
			} else if (c === undefined) {
				return fail(`the text ends inside ${open === '{' ? 'an object' : 'a list'} (is the file complete?)`);
			} else return fail(`expected "," or "${close}", found ${show(c)}`);
		}
	}
}
