import { FINDING_CODES, type FindingCode } from './codes.ts';
import type { Finding } from './finding.ts';

/**
 * Codes that cannot stand together in one diagnosis: each row is [kept, dropped]. When both are
 * found, the second is the weaker (the false) one and is dropped (DESIGN §5: no two findings that
 * contradict each other).
 */
const NAMED: [kept: FindingCode, dropped: FindingCode][] = [
	// A header signed but not sent (S3 shows it in its canonical request with an empty value) was not "added after signing".
	['signed-header-absent', 'header-added-after-signing'],
	// The token was in the request, unsigned: it is not missing.
	['session-token-added-after-signing', 'session-token-missing'],
	// S3 encodes once and signs the path as sent; other services encode twice and normalize: never both.
	['path-double-encoded', 'path-not-double-encoded'],
	// A path encoded once where the service encodes twice (its escapes kept as they are) was encoded, not left raw: when one
	// value is read both ways (e.g. /index-%2A signed for es), the service's rule names it.
	['path-not-double-encoded', 'path-not-encoded'],
	['s3-path-normalized', 'path-not-normalized'],
	// One value is either base64 or uppercase hex; line 4 either a hash or the canonical request itself.
	['payload-hash-base64', 'payload-hash-uppercase'],
	['raw-canonical-request-in-sts', 'hash-base64-not-hex'],
	// "The stages that would show why are not given" is false once every string is known to match.
	['wrong-secret-key', 'signature-mismatch']
];

/**
 * `wrong-secret-key` says every string matches and no known derivation mistake makes the user's
 * key: any finding that a string (canonical request, string to sign, scope, time), the signature's
 * form or the key derivation differs contradicts it, and wins. Checks of the request alone that
 * leave the strings as they are (clock, expiry, an unsignable header, SSE in the URL, a POST field)
 * do not.
 */
const STRING_STAGES = new Set<string>(['canonical-request', 'string-to-sign', 'signing-key', 'signature', 'credentials']);
const CHANGES_THE_STRINGS = new Set<FindingCode>([
	'signed-header-absent',
	'x-amz-header-not-signed',
	'header-added-after-signing',
	'header-value-non-ascii',
	'payload-hash-missing',
	'session-token-missing',
	'session-token-added-after-signing',
	'sigv2-request',
	'sigv2-fields-in-sigv4',
	'header-hoisted-to-query'
]);
// A signing key that differs from the correct chain is what another secret makes too: no contradiction.
const NOT_A_STRING_DIFFERENCE = new Set<string>([
	'wrong-secret-key',
	'signature-mismatch',
	'unsignable-header-signed',
	'signing-key-differs'
]);

/** The table: the rows above, and every code that shows a string differs against `wrong-secret-key`. */
export const INCOMPATIBLE: readonly (readonly [kept: FindingCode, dropped: FindingCode])[] = [
	...NAMED,
	...(Object.keys(FINDING_CODES) as FindingCode[])
		.filter((code) => !NOT_A_STRING_DIFFERENCE.has(code) && !code.startsWith('post-'))
		.filter((code) => STRING_STAGES.has(FINDING_CODES[code].stage) || CHANGES_THE_STRINGS.has(code))
		.map((code) => [code, 'wrong-secret-key'] as const)
];

const DROPPED_BY = new Map<FindingCode, Set<FindingCode>>();
for (const [kept, dropped] of INCOMPATIBLE) {
	if (!DROPPED_BY.has(dropped)) DROPPED_BY.set(dropped, new Set());
	DROPPED_BY.get(dropped)!.add(kept);
}

/**
 * The pairs of findings that contradict each other, [kept, dropped] by the table; a warning never
 * drops an error. Empty when the list is consistent.
 */
export function incompatiblePairs(findings: Finding[]): [Finding, Finding][] {
	const pairs: [Finding, Finding][] = [];
	for (const weaker of findings) {
		const by = DROPPED_BY.get(weaker.code);
		if (!by) continue;
		for (const stronger of findings) {
			if (by.has(stronger.code) && (stronger.severity === 'error' || weaker.severity !== 'error')) pairs.push([stronger, weaker]);
		}
	}
	return pairs;
}

/** The findings without those that a stronger finding contradicts (the table's second column). */
export function withoutIncompatible(findings: Finding[]): Finding[] {
	const dropped = new Set(incompatiblePairs(findings).map(([, weaker]) => weaker));
	return dropped.size === 0 ? findings : findings.filter((f) => !dropped.has(f));
}
