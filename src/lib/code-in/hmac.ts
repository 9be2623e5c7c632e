import type { Token } from './lexer.ts';
import { bare, callAt, callsNamed, chainAfter, pathTo, split, type Call, type Range, type Source } from './source.ts';
import { BASE64_OUT, HEX_IN, HEX_OUT, WRAPPERS } from './words.ts';

/** One HMAC computed in the source: where, with which key and data (when they can be told), and whether it yields hex. */
export interface HmacUse {
	at: Token;
	key?: Range;
	data?: Range;
	hexOut: boolean;
}

/** A function the source defines that computes an HMAC: which parameter is the key, which the data. */
interface Helper {
	name: string;
	def: number;
	key: number;
	data: number;
	hexOut: boolean;
}

const arg = (c: Call, n: number): Range | undefined => c.args[n];
const argText = (src: Source, r: Range | undefined) => (r ? src.tokens.slice(r.from, r.to).map((t) => t.v) : []);

/** The HMACs of library primitives, by language: their key and data arguments. */
function primitives(src: Source): HmacUse[] {
	const out: HmacUse[] = [];
	const chainHas = (c: Call, name: RegExp, argRe?: RegExp) =>
		chainAfter(src, c.close).some(
			(m) => name.test(src.tokens[m.name]!.t) && (!argRe || argText(src, m.args[0]).some((v) => argRe.test(v)))
		);
	for (const c of callsNamed(
		src,
		/^(generateMac|new|digest|hexdigest|hash_hmac|createHmac|HmacSHA256|HmacSHA1|SecretKeySpec|HMACSHA256|New|importKey|computeHmacSha256Signature)$/
	)) {
		const path = pathTo(src, c.name);
		const at = src.tokens[c.name]!;
		const prev = src.tokens[c.name - 1]!;
		if (/generateMac$/.test(path)) out.push({ at, data: arg(c, 1), key: arg(c, 2), hexOut: false });
		// Google Apps Script: computeHmacSha256Signature(value, key).
		else if (path === 'Utilities.computeHmacSha256Signature') out.push({ at, data: arg(c, 0), key: arg(c, 1), hexOut: false });
		else if (/^hmac\.(new|digest)$/.test(path)) out.push({ at, key: arg(c, 0), data: arg(c, 1), hexOut: chainHas(c, /^hexdigest$/) });
		else if (path === 'hash_hmac') {
			const raw = argText(src, arg(c, 3)).some((v) => /^(true|1)$/i.test(v));
			out.push({ at, data: arg(c, 1), key: arg(c, 2), hexOut: !raw });
		} else if (/HMAC\.(digest|hexdigest)$/.test(path))
			out.push({ at, key: arg(c, 1), data: arg(c, 2), hexOut: path.endsWith('hexdigest') });
		else if (/createHmac$/.test(path)) {
			const update = chainAfter(src, c.close).find((m) => src.tokens[m.name]!.t === 'update');
			out.push({ at, key: arg(c, 1), data: update?.args[0], hexOut: chainHas(c, /^digest$/, /^hex$/) });
		} else if (/^CryptoJS\.Hmac\w+$/.test(path)) {
			const str = chainAfter(src, c.close).find((m) => src.tokens[m.name]!.t === 'toString');
			out.push({
				at,
				data: arg(c, 0),
				key: arg(c, 1),
				hexOut: !!str && (str.args.length === 0 || /Hex/.test(argText(src, str.args[0]).join('')))
			});
		} else if (path === 'SecretKeySpec' && argText(src, arg(c, 1)).some((v) => /hmac/i.test(v)))
			out.push({ at, key: arg(c, 0), hexOut: false });
		else if (path === 'HMACSHA256' && prev?.t === 'new' && c.args.length === 1) {
			const compute = chainAfter(src, c.close).find((m) => src.tokens[m.name]!.t === 'ComputeHash');
			out.push({ at, key: arg(c, 0), data: compute?.args[0], hexOut: false });
		} else if (path === 'hmac.New') out.push({ at, key: arg(c, 1), hexOut: false });
		else if (/subtle\.importKey$/.test(path) && c.args.length >= 3 && argText(src, arg(c, 2)).some((v) => /^HMAC$/i.test(v)))
			out.push({ at, key: arg(c, 1), hexOut: false });
	}
	// C#: `kha.Key = key;` on a KeyedHashAlgorithm.
	for (const a of src.assignments.get('Key') ?? []) {
		const dot = src.tokens[a.at - 1]!;
		if (dot?.t === '.') out.push({ at: src.tokens[a.at]!, key: a.value, hexOut: false });
	}
	return out;
}

const CALLERS = new Set([
	'return',
	'new',
	'await',
	'yield',
	'throw',
	'else',
	'case',
	'in',
	'of',
	'typeof',
	'and',
	'or',
	'not',
	'if',
	'while',
	'puts',
	'print',
	'echo',
	'elif',
	'unless',
	'then',
	'do',
	'when'
]);

/** The parameter names of a definition's parameter list. */
function paramNames(src: Source, c: Call): string[] {
	return c.args.map((r) => {
		const ts = src.tokens.slice(r.from, r.to);
		const eq = ts.findIndex((t) => t.t === '=');
		const head = eq >= 0 ? ts.slice(0, eq) : ts;
		const colon = head.findIndex((t) => t.t === ':');
		const named = (colon >= 0 ? head.slice(0, colon) : head).filter((t) => t.k === 'id');
		if (!named.length) return '';
		return bare(src.language === 'go' ? named[0]!.t : named[named.length - 1]!.t);
	});
}

/** The body of the definition whose parameter list closes at `close`: its braces, or (Python, Ruby, braceless pastes) its indented lines. */
function bodyOf(src: Source, defAt: number, close: number): Range | undefined {
	const ts = src.tokens;
	for (let k = close + 1; k < Math.min(ts.length, close + 12); k++) {
		if (ts[k]!.t === '{' && src.match[k]! > k) return { from: k + 1, to: src.match[k]! };
		if (ts[k]!.t === ';' || ts[k]!.t === '}') return undefined;
		if (ts[k]!.t === ':' && src.language === 'python') break;
	}
	if (src.language !== 'python' && src.language !== 'ruby') return undefined;
	// The body is indented deeper than the line the definition starts on.
	let first = defAt;
	while (first > 0 && ts[first - 1]!.line === ts[defAt]!.line) first--;
	const indent = ts[first]!.col;
	let k = close + 1;
	if (ts[k]?.t === ':') k++;
	const line = ts[close]!.line;
	let to = k;
	for (; to < ts.length; to++) {
		const first = ts[to]!.line !== ts[to - 1]!.line;
		if (ts[to]!.line > line && first && ts[to]!.col <= indent) break;
	}
	return { from: k, to };
}

const KEY_PARAM = /key|secret|^k$/i;
const DATA_PARAM = /data|msg|message|str|string|text|input|content|payload|value|plain|src|^s$|^m$|^d$/i;

function helpers(src: Source, prims: HmacUse[]): Helper[] {
	const out: Helper[] = [];
	const ts = src.tokens;
	ts.forEach((t, i) => {
		if (t.k !== 'id' || ts[i + 1]?.t !== '(') return;
		const prev = ts[i - 1]!;
		const before = ts[i - 2]!;
		const isDef =
			(prev && prev.k === 'id' && !CALLERS.has(prev.t) && prev.line === t.line) ||
			(prev && (prev.t === ']' || prev.t === '>') && prev.line === t.line && before?.k !== 'op') ||
			(prev?.t === '=' && (ts[i]?.t === 'function' || ts[i]?.t === 'async'));
		const arrow = prev?.t === '=' && before?.k === 'id' && ts[src.match[i + 1]! + 1]?.t === '=>';
		if (!isDef && !arrow) return;
		const call = callAt(src, i + 1);
		if (!call || !call.args.length) return;
		const name = arrow ? bare(before!.t) : bare(t.t);
		if (name === 'function' || name === 'async') return;
		const params = paramNames(src, call);
		const body = bodyOf(src, arrow ? i - 2 : i, call.close);
		let key = -1;
		let data = -1;
		let hexOut = false;
		if (body) {
			for (const p of prims) {
				const at = ts.indexOf(p.at);
				if (at < body.from || at >= body.to) continue;
				const names = (r?: Range) =>
					r
						? ts
								.slice(r.from, r.to)
								.filter((x) => x.k === 'id')
								.map((x) => bare(x.t))
						: [];
				key = params.findIndex((n) => names(p.key).includes(n));
				data = params.findIndex((n, j) => j !== key && names(p.data).includes(n));
				hexOut = p.hexOut;
			}
			if (ts.slice(body.from, body.to).some((x) => x.k === 'id' && HEX_OUT.test(x.t))) hexOut = true;
		}
		if (key < 0) key = params.findIndex((n) => KEY_PARAM.test(n));
		if (data < 0) data = params.findIndex((n, j) => j !== key && DATA_PARAM.test(n) && !KEY_PARAM.test(n));
		if (key < 0 || data < 0) return;
		// Without a body to read, only a name that says HMAC makes a function an HMAC helper (not getSignatureKey).
		if (!body && !/hmac|mac$|^hash$/i.test(name)) return;
		if (body && !prims.some((p) => ts.indexOf(p.at) >= body.from && ts.indexOf(p.at) < body.to)) return;
		out.push({ name, def: i, key, data, hexOut });
	});
	return out;
}

/** Every HMAC the source computes: library calls and calls of its own HMAC helpers. */
export function hmacUses(src: Source): { uses: HmacUse[]; helperNames: Set<string>; hexHelpers: Set<string> } {
	const prims = primitives(src);
	const defs = helpers(src, prims);
	const uses = [...prims];
	for (const h of defs) {
		for (const c of callsNamed(src, new RegExp(`^${h.name.replace(/[^\w]/g, '')}$`))) {
			if (c.name === h.def || c.name === h.def - 2) continue;
			if (src.tokens[c.name - 1]?.t === 'function' || src.tokens[c.name - 1]?.t === 'def') continue;
			if (defs.some((d) => d.def === c.name)) continue;
			uses.push({ at: src.tokens[c.name]!, key: c.args[h.key], data: c.args[h.data], hexOut: h.hexOut });
		}
	}
	return { uses, helperNames: new Set(defs.map((d) => d.name)), hexHelpers: new Set(defs.filter((d) => d.hexOut).map((d) => d.name)) };
}

export type ValueKind = 'hex' | 'base64' | 'raw' | 'unknown';

/** What an expression's value is, from its outermost call: hex text, base64 text, or bytes. */
export function valueKind(src: Source, r: Range, hexHelpers: Set<string>, depth = 3): ValueKind {
	const ts = src.tokens;
	let { from, to } = r;
	while (to - from >= 2 && ts[from]!.t === '(' && src.match[from] === to - 1) {
		from++;
		to--;
	}
	if (to - from === 1 && ts[from]!.k === 'id' && depth > 0) {
		const list = src.assignments.get(bare(ts[from]!.t));
		const prior = list?.filter((a) => a.at < from);
		const value = prior?.length ? prior[prior.length - 1]!.value : undefined;
		return value ? valueKind(src, value, hexHelpers, depth - 1) : 'unknown';
	}
	// A SHA-256 written out as 64 hex digits is hex text, whatever produced it.
	if (to - from === 1 && ts[from]!.k === 'str' && /^[0-9a-f]{64}$/i.test(ts[from]!.v)) return 'hex';
	const last = ts[to - 1]!;
	if (!last || last.t !== ')' || src.match[to - 1]! < from) return 'unknown';
	const open = src.match[to - 1]!;
	const name = ts[open - 1]!;
	if (!name || name.k !== 'id') return 'unknown';
	for (let k = from; k < open - 1; k++) {
		// A top-level operator (concatenation) makes the whole value something else.
		if (ts[k]!.k === 'op' && ['+', '.', '-', '*', '<<'].includes(ts[k]!.t) && !(ts[k]!.t === '.' && ts[k + 1]?.k === 'id'))
			return 'unknown';
		if (ts[k]!.t === '(' || ts[k]!.t === '[') k = Math.max(k, src.match[k]!);
	}
	const args = split(src, open + 1, to - 1);
	const argStrings = args.flatMap((a) => ts.slice(a.from, a.to).map((t) => t.v));
	const n = bare(name.t);
	const isMethod = ts[open - 2]?.k === 'op' && ['.', '->', '?.'].includes(ts[open - 2]!.t);
	const path = pathTo(src, open - 1);
	if (HEX_IN.test(n) || (n === 'from' && argStrings.includes('hex'))) return 'raw';
	if (HEX_OUT.test(n) || /hex\.EncodeToString$/.test(path)) return 'hex';
	if ((n === 'digest' || n === 'toString') && argStrings.includes('hex')) return 'hex';
	if ((n === 'unpack1' || n === 'unpack') && argStrings.includes('H*')) return 'hex';
	if (BASE64_OUT.test(n) || ((n === 'digest' || n === 'toString') && argStrings.includes('base64'))) return 'base64';
	if (n === 'hash_hmac') return argStrings.some((v) => /^(true|1)$/i.test(v)) ? 'raw' : 'hex';
	if (hexHelpers.has(n)) return 'hex';
	if (WRAPPERS.test(n)) {
		if (isMethod && !/^(Blob|Encoding|Buffer|String)\b/.test(path)) return valueKind(src, { from, to: open - 2 }, hexHelpers, depth);
		return args[0] ? valueKind(src, args[0], hexHelpers, depth) : 'unknown';
	}
	return 'unknown';
}
