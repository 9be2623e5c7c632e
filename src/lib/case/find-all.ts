/** Needles shorter than this are not searched for (see redactSecrets). */
export const WINDOW = 8;

const BASE = 31;
// BASE ** (WINDOW - 1), 32-bit: what the character leaving the window had counted.
const TOP = Array.from({ length: WINDOW - 1 }).reduce<number>((h) => Math.imul(h, BASE), 1);

function hashAt(text: string, at: number): number {
	let h = 0;
	for (let i = at; i < at + WINDOW; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
	return h;
}

const FEW = 16;

function findEach<K>(text: string, needles: ReadonlyMap<string, K>): { start: number; end: number; kind: K }[] {
	const found: { start: number; end: number; kind: K }[] = [];
	for (const [needle, kind] of needles) {
		if (needle.length < WINDOW) continue;
		for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
			found.push({ start: at, end: at + needle.length, kind });
		}
	}
	return found;
}

/**
 * Every place where one of the needles (each at least WINDOW long) stands in the text, the longest
 * needle first where several start at one place; a match is skipped past, not searched inside.
 * Overlapping finds are for the caller to join. Past a few needles, one pass over the text with a
 * rolling hash of their first WINDOW characters, so the time does not grow with the number of
 * needles: a HAR file can hold thousands of distinct tokens.
 */
export function findAll<K>(text: string, needles: ReadonlyMap<string, K>): { start: number; end: number; kind: K }[] {
	// A few needles: the engine's own search, once each, is faster than any pass in script.
	if (needles.size <= FEW) return findEach(text, needles);
	const byHash = new Map<number, string[]>();
	for (const needle of [...needles.keys()].sort((a, b) => b.length - a.length)) {
		if (needle.length < WINDOW) continue;
		const h = hashAt(needle, 0);
		const list = byHash.get(h);
		if (list) list.push(needle);
		else byHash.set(h, [needle]);
	}
	const found: { start: number; end: number; kind: K }[] = [];
	if (byHash.size === 0 || text.length < WINDOW) return found;
	let h = hashAt(text, 0);
	for (let i = 0; i + WINDOW <= text.length;) {
		const needle = byHash.get(h)?.find((n) => text.startsWith(n, i));
		if (needle !== undefined) {
			found.push({ start: i, end: i + needle.length, kind: needles.get(needle)! });
			i += needle.length;
			if (i + WINDOW <= text.length) h = hashAt(text, i);
			continue;
		}
		if (i + WINDOW < text.length) h = (Math.imul(h - Math.imul(text.charCodeAt(i), TOP), BASE) + text.charCodeAt(i + WINDOW)) | 0;
		i++;
	}
	return found;
}
