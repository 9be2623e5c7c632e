import { percentDecode } from '../sigv4/index.ts';

/** Two encodings of the same bytes (decoded once; "+" a space only when `plusIsSpace`). */
export function sameDecoded(a: string, b: string, plusIsSpace: boolean): boolean {
	const x = percentDecode(a, plusIsSpace);
	const y = percentDecode(b, plusIsSpace);
	return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** How a user's encoding of some text departs from AWS's UriEncode, when both mean the same bytes. */
export interface SpellingFaults {
	/** %xx written with lowercase hex digits. */
	lowercaseHex: string[];
	/** Unreserved characters percent-encoded (%7E for ~). */
	unreservedEncoded: string[];
	/** Characters AWS encodes, left as they are. */
	notEncoded: string[];
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** `keep` lists what may stay raw besides the unreserved set ("/" in a path, "+" where it is judged apart). */
export function spellingFaults(text: string, keep: string): SpellingFaults {
	const faults: SpellingFaults = { lowercaseHex: [], unreservedEncoded: [], notEncoded: [] };
	const escapes = text.match(/%[0-9A-Fa-f]{2}/g) ?? [];
	for (const e of escapes) {
		if (/[a-f]/.test(e)) faults.lowercaseHex.push(e);
		const c = String.fromCharCode(parseInt(e.slice(1), 16));
		if (UNRESERVED.test(c)) faults.unreservedEncoded.push(e);
	}
	for (const c of text.replace(/%[0-9A-Fa-f]{2}/g, '')) {
		if (!UNRESERVED.test(c) && !keep.includes(c)) faults.notEncoded.push(c);
	}
	const unique = (list: string[]) => [...new Set(list)];
	return {
		lowercaseHex: unique(faults.lowercaseHex),
		unreservedEncoded: unique(faults.unreservedEncoded),
		notEncoded: unique(faults.notEncoded)
	};
}
