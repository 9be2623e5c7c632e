// The mutator of the input fuzz: a seeded generator, the odd characters people paste by accident,
// the formats' own tokens, and edits that splice, cut, repeat and reorder realistic text.

import { FUZZ_TOKENS } from '../helpers/fuzz-tokens.ts';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same inputs on every machine. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type Rand = () => number;
export const int = (r: Rand, n: number): number => Math.floor(r() * n);
export const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)]!;

/** Characters and fragments a copy, a terminal or an editor slips into a paste. */
export const ODD = [
	'\0',
	'\u0001',
	'\u0007',
	'\b',
	'\t',
	'\n',
	'\r',
	'\r\n',
	'\u000b',
	'\u000c',
	'\u001b',
	'\u001f',
	'\u007f',
	'\u0085',
	'\u00a0',
	'\u200b',
	'\u2028',
	'\u2029',
	'\ud800',
	'\udbff',
	'\udc00',
	'\udce3',
	'\udfff',
	'\ud83d',
	'\ude00',
	'\ud83d\ude00',
	'\ufeff',
	'\ufffd',
	'\ufffe',
	'\uffff',
	'é',
	'…',
	'"',
	"'",
	'`',
	'\\',
	'\\"',
	"\\'",
	'$(',
	'${',
	'$',
	'%',
	'%00',
	'%0A',
	'%zz',
	'%e2%82',
	'%ED%A0%80',
	'%',
	'&',
	'<',
	'>',
	'&#0;',
	'&#xD800;',
	'&amp;',
	'\\u0000',
	'\\ud800',
	'{',
	'}',
	'[',
	']',
	':',
	';',
	'=',
	',',
	'@',
	'#',
	'?',
	'/',
	'//',
	'..',
	'+',
	' ',
	'  ',
	'-',
	'0',
	'-1',
	'1e309',
	'9007199254740993',
	'null',
	'true',
	'[]',
	'{}',
	'""',
	'__proto__',
	'constructor',
	'toString'
];

/** Pieces of the formats the importers read: splicing them in reaches deep branches. */
export const TOKENS = FUZZ_TOKENS;

const MAX_GROWTH = 50_000;

/** One edit of `text`; `donors` are other samples to splice from. */
export function mutateOnce(r: Rand, text: string, donors: readonly string[]): string {
	const n = text.length;
	const i = int(r, n + 1);
	const j = int(r, n + 1);
	const [lo, hi] = i < j ? [i, j] : [j, i];
	switch (int(r, 12)) {
		case 0:
			return text.slice(0, i);
		case 1:
		case 2:
			return text.slice(0, i) + pick(r, ODD) + text.slice(i);
		case 3:
			return text.slice(0, i) + pick(r, TOKENS) + text.slice(i);
		case 4: {
			// Splice: a piece of another sample in place of a piece of this one.
			const donor = pick(r, donors);
			const a = int(r, donor.length + 1);
			const piece = donor.slice(a, a + int(r, 200));
			return text.slice(0, lo) + piece + text.slice(Math.min(hi, lo + 200));
		}
		case 5:
			return text.slice(0, lo) + text.slice(Math.min(hi, lo + 1 + int(r, 40)));
		case 6: {
			// Huge repetition, bounded: a short piece many times over.
			const piece = text.slice(lo, lo + 1 + int(r, 20)) || pick(r, ODD);
			const times = Math.min(1 + int(r, 5000), Math.floor(MAX_GROWTH / piece.length));
			return text.slice(0, lo) + piece.repeat(times) + text.slice(lo);
		}
		case 7: {
			const lines = text.split('\n');
			const x = int(r, lines.length);
			const y = int(r, lines.length);
			[lines[x], lines[y]] = [lines[y]!, lines[x]!];
			return lines.join('\n');
		}
		case 8:
			return r() < 0.5 ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r?\n/g, '\r');
		case 9: {
			const lines = text.split('\n');
			const x = int(r, lines.length);
			lines.splice(x, 0, lines[x]!);
			return lines.join('\n');
		}
		case 10:
			// Replace one character: a typo, or an odd character in place of a separator.
			return text.slice(0, i) + pick(r, ODD) + text.slice(i + 1);
		default: {
			const words = text.split(' ');
			const x = int(r, words.length);
			words[x] = pick(r, r() < 0.5 ? ODD : TOKENS);
			return words.join(' ');
		}
	}
}

/** One to four edits. */
export function mutate(r: Rand, text: string, donors: readonly string[]): string {
	let out = text;
	for (let k = 1 + int(r, 4); k > 0; k--) out = mutateOnce(r, out, donors);
	return out;
}

/** Sometimes as it is, else mutated: keeps most of a structure valid while one field goes wrong. */
export function maybe(r: Rand, text: string, donors: readonly string[], p = 0.3): string {
	return r() < p ? mutate(r, text, donors) : text;
}
