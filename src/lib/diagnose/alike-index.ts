import { percentDecode } from '../sigv4/index.ts';

/** The bytes a text decodes to, as a string to look up (one character per byte). */
export function decodedKey(text: string, plusIsSpace: boolean): string {
	// Printable ASCII without "%" and "+" is its own bytes (the common case, and the cheap one).
	if (/^[ -$&-*,-~]*$/.test(text)) return text;
	const bytes = percentDecode(text, plusIsSpace);
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return out;
}

/**
 * Items looked up by any of several keys, taken once each, in their order: what a search of "the
 * first unused item alike this one" finds by scanning, in time linear in the items.
 */
export class AlikeIndex<T> {
	readonly #items: T[];
	readonly #used: boolean[];
	readonly #byKey = new Map<string, { at: number[]; head: number }>();

	constructor(items: T[], keysOf: (item: T) => string[]) {
		this.#items = items;
		this.#used = items.map(() => false);
		items.forEach((item, i) => {
			for (const key of new Set(keysOf(item))) {
				const entry = this.#byKey.get(key);
				if (entry) entry.at.push(i);
				else this.#byKey.set(key, { at: [i], head: 0 });
			}
		});
	}

	/** The first unused item under any of `keys`, now used; undefined when none is left. */
	take(keys: string[]): T | undefined {
		let best = -1;
		for (const key of keys) {
			const entry = this.#byKey.get(key);
			if (!entry) continue;
			while (entry.head < entry.at.length && this.#used[entry.at[entry.head]!]) entry.head++;
			const i = entry.at[entry.head];
			if (i !== undefined && (best < 0 || i < best)) best = i;
		}
		if (best < 0) return undefined;
		this.#used[best] = true;
		return this.#items[best];
	}

	/** The items not taken, in their order. */
	rest(): T[] {
		return this.#items.filter((_, i) => !this.#used[i]);
	}
}
