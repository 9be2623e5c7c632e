import type { Case } from '../case/case.ts';
import { PLACE_NAMES, type TextPlace } from '../case/case-texts.ts';
import { leftNothingOut, PLACEHOLDERS, redactSecrets, type LeftOut, type SecretKind } from '../case/redact-secrets.ts';
import type { Sanitized } from '../case/sanitize.ts';
import { isPublicSecret } from './shareable-case.ts';

const NAMES: Record<SecretKind, string> = {
	secretAccessKey: 'secret access key',
	sessionToken: 'session token',
	customerKey: 'SSE-C key'
};

/** The input a secret is typed into, besides the texts it was taken from. */
const FIELDS: Partial<Record<SecretKind, string>> = { secretAccessKey: 'Secret access key', sessionToken: 'Session token' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function list(items: string[]): string {
	return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const placesOf = (l: LeftOut) =>
	(Object.entries(l.places) as [SecretKind, number][]).map(([kind, n]) => `the ${NAMES[kind]} (${plural(n, 'place')})`);
const EXAMPLE = "AWS's example secret key (public, but without the rest it would sign another request)";
const signingKeys = (l: LeftOut) => (l.signingKeys > 0 ? [`your pasted signing keys (${l.signingKeys})`] : []);

/**
 * What a link or a file holds and leaves out of a case, in one sentence for the status line:
 * "Left out: the secret access key (2 places), the session token (1 place)." It is computed
 * from the case the same way the redaction runs, so it says what the link really holds.
 */
export function secretsSentence(c: Case, included: boolean): string {
	const held = redactSecrets(c).leftOut;
	if (leftNothingOut(held)) {
		return isPublicSecret(c, 'secretAccessKey')
			? "It holds AWS's public example keys (no secret of yours)."
			: 'The case holds no secret, so nothing was left out.';
	}
	if (!included) {
		const out = [...placesOf(held), ...(held.exampleSecret ? [EXAMPLE] : []), ...signingKeys(held)];
		return `Left out: ${list(out)}.`;
	}
	const carried = placesOf(held);
	const kept = signingKeys(held);
	return (
		(carried.length > 0 ? `With its secrets in it: ${list(carried)}; anyone who has it can sign as you.` : '') +
		(kept.length > 0 ? `${carried.length > 0 ? ' ' : ''}Left out: ${list(kept)}.` : '')
	);
}

/**
 * What the page asks of whoever opened a case that came without some secrets: which, where
 * their placeholders stand, and where to type them.
 */
export function askForSecrets(missing: { kind: SecretKind; places: TextPlace[] }[]): string[] {
	return missing.map(({ kind, places }) => {
		const field = FIELDS[kind];
		return (
			`This case came without its ${NAMES[kind]}: paste it in place of ${PLACEHOLDERS[kind]} in ${list(places.map((p) => PLACE_NAMES[p]))}` +
			`${field ? `, and into ${field}` : ''}.`
		);
	});
}

/** An access key ID shortened so that the status line does not repeat it whole. */
const shortKey = (key: string) => (key.length > 10 ? `${key.slice(0, 4)}…${key.slice(-3)}` : key);

/**
 * What Sanitize did, for the status line: "Replaced: access key ID AKIA…XYZ → AKIAIOSFODNN7EXAMPLE
 * (3 places); bucket my-bucket → examplebucket (5 places). Removed: the secret access key (1 place)."
 * New names change the canonical request, so it says the signatures no longer match the real ones.
 */
export function sanitizedSentence(s: Sanitized): string {
	const replaced = s.replaced.map(
		(r) => `${r.what} ${r.what === 'access key ID' ? shortKey(r.from) : r.from} → ${r.to} (${plural(Math.max(r.places, 1), 'place')})`
	);
	const removed = [...placesOf(s.removed), ...signingKeys(s.removed)];
	const renamed = s.replaced.some((r) => r.what !== 'access key ID');
	return [
		replaced.length > 0 ? `Replaced: ${replaced.join('; ')}.` : 'No access key ID of yours to replace.',
		removed.length > 0 ? `Removed: ${list(removed)}.` : 'No secret to remove.',
		s.case.secretAccessKey === undefined
			? 'Your pasted signatures were made with your own secret key, so the case holds none: it compares the canonical request and string to sign, and signs once a secret key is typed.'
			: 'Signatures now follow the example keys.',
		renamed ? 'The new names change the canonical request: a signature made for the real names no longer matches it.' : ''
	]
		.filter(Boolean)
		.join(' ');
}
