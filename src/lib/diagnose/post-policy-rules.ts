import { POST_AUTH_FIELDS } from '../sigv4/index.ts';
import type { FindingList } from './finding-list.ts';
import { quote } from '../findings/index.ts';
import type { Evidence } from './types.ts';

/** The lowercase field names the policy's conditions constrain: {"name": …} keys and the "$name" of ["eq" | "starts-with", "$name", …]. */
export function coveredFields(policy: Record<string, unknown>): Set<string> {
	const covered = new Set<string>();
	const conditions = Array.isArray(policy['conditions']) ? (policy['conditions'] as unknown[]) : [];
	for (const c of conditions) {
		if (Array.isArray(c)) {
			if (typeof c[1] === 'string' && c[1].startsWith('$')) covered.add(c[1].slice(1).toLowerCase());
		} else if (c !== null && typeof c === 'object') {
			for (const key of Object.keys(c)) covered.add(key.toLowerCase());
		}
	}
	return covered;
}

/** Each form field no condition covers: S3 refuses the whole upload for it. */
export function checkFieldsCovered(policy: Record<string, unknown>, form: [string, string][], list: FindingList): void {
	const covered = coveredFields(policy);
	for (const [name, value] of form) {
		const lower = name.toLowerCase();
		// S3 never looks for the file, the policy, the signature or x-ignore-* in the conditions (S3 API Reference, "Creating a POST
		// policy"); the other auth fields signPostPolicy writes itself, and SigV2's are named by a finding of their own.
		if (POST_AUTH_FIELDS.has(lower) || lower.startsWith('x-ignore-') || covered.has(lower)) continue;
		list.add(
			'post-field-not-in-policy',
			{
				message: `The form sends ${name} = ${quote(value, 60)}, but no condition of the policy names it: S3 answers "Invalid according to Policy: Extra input fields: ${name}".`,
				fix: `Add a condition for it to the policy (e.g. {"${name}": ${JSON.stringify(value)}} or ["starts-with", "$${name}", ""]), or remove the field (or prefix it x-ignore- to send it unchecked).`
			},
			`post-field:${lower}`
		);
	}
}

/** 20150830T123600Z as a time, or undefined. */
function requestTime(datetime: string | undefined): number | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(datetime ?? '');
	if (!m) return undefined;
	const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
	return Number.isNaN(t) ? undefined : t;
}

/**
 * An expiration before the request time (the signer made it already dead) or before the moment
 * checked against. Without an explicit `now`, nothing: a form pasted for study may be old on
 * purpose, and this machine's clock says nothing about when it was sent (as in checkTime).
 */
export function checkExpiration(policy: Record<string, unknown>, evidence: Evidence, list: FindingList): void {
	const text = policy['expiration'];
	if (typeof text !== 'string') return;
	const expires = Date.parse(text);
	if (Number.isNaN(expires)) return;
	const signed = requestTime(evidence.params.datetime);
	const now = evidence.now?.getTime();
	const against =
		signed !== undefined && expires <= signed
			? { when: `the request time (${evidence.params.datetime})`, severity: 'error' as const }
			: now !== undefined && expires <= now
				? { when: `the time checked against (${new Date(now).toISOString()})`, severity: 'error' as const }
				: undefined;
	if (!against) return;
	list.add(
		'post-policy-expired',
		{
			severity: against.severity,
			message: `The policy's expiration ${quote(text)} is before ${against.when}: S3 answers "Invalid according to Policy: Policy expired."`,
			fix: 'Set "expiration" to a time after the upload will happen (ISO 8601 in UTC, e.g. 2015-12-30T12:00:00.000Z) and sign the policy again.'
		},
		'post-policy-expired'
	);
}
