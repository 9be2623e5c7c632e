import { isStandIn, SECRET_PATTERNS, secretFieldKind, type SecretKind } from '../parse/secret-patterns.ts';
import { mapTexts, type TextPlace } from './case-texts.ts';
import { findAll, WINDOW } from './find-all.ts';
import type { Case } from './case.ts';
import { EXAMPLE_CREDENTIALS } from './examples.ts';

export type { SecretKind };

/**
 * What stands where a secret was. Only characters that need no escaping in a URL, a shell word,
 * JSON or a header, so the text around it still reads (and parses) as it did; in capitals, so it
 * is seen.
 */
export const PLACEHOLDERS: Record<SecretKind, string> = {
	secretAccessKey: 'SECRET-ACCESS-KEY-LEFT-OUT',
	sessionToken: 'SESSION-TOKEN-LEFT-OUT',
	customerKey: 'SSE-C-KEY-LEFT-OUT'
};

export const SECRET_KINDS = Object.keys(PLACEHOLDERS) as SecretKind[];

/** What a redaction took out of a case. */
export interface LeftOut {
	/** How many places each secret was taken from; its own field counts as one. */
	places: Partial<Record<SecretKind, number>>;
	/**
	 * AWS's published example secret, public, but taken out with the rest: without what was left
	 * out it would sign another request, and the other side would be told a signature is wrong.
	 */
	exampleSecret: boolean;
	/** Pasted signing keys, which never leave the page. */
	signingKeys: number;
}

/** A secret shorter than findAll's window is found by where it stands only: searched for everywhere, it would take innocent text with it. */
const MIN_SEARCHED = WINDOW;

const isPlaceholder = (value: string) => SECRET_KINDS.some((k) => value.includes(PLACEHOLDERS[k]));
const isPublic = (value: string) => value === EXAMPLE_CREDENTIALS.secretAccessKey;

type Span = { start: number; end: number; kind: SecretKind };

/** The secrets that where they stand (after --user, in a token header, …) say what they are. */
function spansIn(text: string, name: string | undefined): Span[] {
	const byName = name === undefined ? undefined : secretFieldKind(name);
	if (byName) return isStandIn(text.trim()) || isPlaceholder(text) ? [] : [{ start: 0, end: text.length, kind: byName }];
	const spans: Span[] = [];
	for (const { re, kind } of SECRET_PATTERNS) {
		for (const m of text.matchAll(re)) {
			const value = m[1];
			const at = m.indices?.[1];
			if (!value || !at || isStandIn(value) || isPlaceholder(value) || isPublic(value)) continue;
			spans.push({ start: at[0], end: at[1], kind });
		}
	}
	return spans;
}

/** The forms a secret takes in text: as it is, and percent-encoded or decoded as a URL has it. */
function variants(value: string): string[] {
	const out = new Set([value]);
	// Either throws on text that cannot be a URL's (a lone surrogate, a stray "%"): then the value stands alone.
	for (const code of [encodeURIComponent, decodeURIComponent]) {
		try {
			out.add(code(value));
		} catch {
			continue;
		}
	}
	return [...out].filter((v) => v.length >= MIN_SEARCHED && !isPublic(v));
}

/** Every occurrence of the known secrets, plus the spans; overlapping ones joined. */
function allSpans(text: string, spans: Span[], known: Map<string, SecretKind>): Span[] {
	const found = [...spans, ...findAll(text, known)];
	found.sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: Span[] = [];
	for (const span of found) {
		const last = merged[merged.length - 1];
		if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
		else merged.push({ ...span });
	}
	return merged;
}

/**
 * The case as it may leave the page without "include secrets": the secret access key and the
 * session token fields gone, pasted signing keys gone, and every secret found in any of its texts
 * (by where it stands, and every other occurrence of the same value, raw or percent-encoded)
 * replaced by its placeholder. Returns what it took out, so the page can say so truthfully.
 * AWS's published example secret stays unless something else had to go.
 */
export function redactSecrets(c: Case): { case: Case; leftOut: LeftOut } {
	const places: Partial<Record<SecretKind, number>> = {};
	const count = (kind: SecretKind) => (places[kind] = (places[kind] ?? 0) + 1);

	const known = new Map<string, SecretKind>();
	const learn = (value: string, kind: SecretKind) => {
		for (const v of variants(value)) if (!isPlaceholder(v) && !known.has(v)) known.set(v, kind);
	};
	const secret = c.secretAccessKey ?? '';
	if (secret !== '' && !isPublic(secret)) {
		count('secretAccessKey');
		learn(secret, 'secretAccessKey');
	}
	if ((c.sessionToken ?? '') !== '') {
		count('sessionToken');
		learn(c.sessionToken!, 'sessionToken');
	}
	// The spans of each text, found once: the second pass over the texts replaces them.
	const spansOf = new Map<string | undefined, Map<string, Span[]>>();
	const spans = (text: string, name: string | undefined) => {
		const byText = spansOf.get(name) ?? spansOf.set(name, new Map()).get(name)!;
		return byText.get(text) ?? byText.set(text, spansIn(text, name)).get(text)!;
	};
	mapTexts(c, (text, _place, name) => {
		for (const span of spans(text, name)) learn(text.slice(span.start, span.end), span.kind);
		return text;
	});

	const redact = (text: string, _place: TextPlace, name?: string) => {
		const found = allSpans(text, spans(text, name), known);
		if (found.length === 0) return text;
		let out = '';
		let at = 0;
		for (const span of found) {
			out += text.slice(at, span.start) + PLACEHOLDERS[span.kind];
			at = span.end;
			count(span.kind);
		}
		return out + text.slice(at);
	};
	const out = mapTexts(c, redact);
	delete out.secretAccessKey;
	delete out.sessionToken;

	const exampleSecret = isPublic(secret) && Object.keys(places).length > 0;
	if (isPublic(secret) && !exampleSecret) out.secretAccessKey = secret;
	let signingKeys = 0;
	if (out.provided.signingKeys) {
		const { signingKeys: keys, ...provided } = out.provided;
		signingKeys = Object.values(keys).filter((k) => k !== undefined && k !== '').length;
		out.provided = provided;
	}
	return { case: out, leftOut: { places, exampleSecret, signingKeys } };
}

/** True when a redaction took nothing out. */
export function leftNothingOut(l: LeftOut): boolean {
	return Object.keys(l.places).length === 0 && !l.exampleSecret && l.signingKeys === 0;
}

/** The secrets an opened case came without, by the placeholders in its texts, and where they stand. */
export function missingSecrets(c: Case): { kind: SecretKind; places: TextPlace[] }[] {
	const found = new Map<SecretKind, Set<TextPlace>>();
	mapTexts(c, (text, place) => {
		for (const kind of SECRET_KINDS) {
			if (text.includes(PLACEHOLDERS[kind])) found.set(kind, (found.get(kind) ?? new Set()).add(place));
		}
		return text;
	});
	return SECRET_KINDS.filter((k) => found.has(k)).map((kind) => ({ kind, places: [...found.get(kind)!] }));
}
