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
	const serverSays = /Policy expired/i.test(evidence.server?.message ?? '');
	const against =
		signed !== undefined && expires <= signed
			? { when: `the request time (${evidence.params.datetime})`, severity: 'error' as const }
			: now !== undefined && expires <= now
				? { when: `the time checked against (${new Date(now).toISOString()})`, severity: 'error' as const }
				: serverSays
					? { when: 'the moment S3 received the upload (its error says "Policy expired")', severity: 'error' as const }
					: undefined;
	if (!against) return;
	list.add(
		'post-policy-expired',
		{
			severity: against.severity,
			...(serverSays ? { basis: 'server' as const } : {}),
			message: `The policy's expiration ${quote(text)} is before ${against.when}: S3 answers "Invalid according to Policy: Policy expired."`,
			fix: 'Set "expiration" to a time after the upload will happen (ISO 8601 in UTC, e.g. 2015-12-30T12:00:00.000Z) and sign the policy again.'
		},
		'post-policy-expired'
	);
}

/** One condition of a policy, read as S3 checks it: the field it names, the test, and the value. */
interface Condition {
	/** Lowercase field name (without "$"). */
	field: string;
	op: 'eq' | 'starts-with';
	value: string;
	/** The condition as written in the policy, for the message. */
	text: string;
}

function conditionsOf(policy: Record<string, unknown>): Condition[] {
	const out: Condition[] = [];
	const conditions = Array.isArray(policy['conditions']) ? (policy['conditions'] as unknown[]) : [];
	for (const c of conditions) {
		if (Array.isArray(c)) {
			const [op, name, value] = c as unknown[];
			if ((op === 'eq' || op === 'starts-with') && typeof name === 'string' && name.startsWith('$') && typeof value === 'string')
				out.push({ field: name.slice(1).toLowerCase(), op, value, text: JSON.stringify(c) });
		} else if (c !== null && typeof c === 'object') {
			for (const [name, value] of Object.entries(c as Record<string, unknown>))
				if (typeof value === 'string') out.push({ field: name.toLowerCase(), op: 'eq', value, text: JSON.stringify({ [name]: value }) });
		}
	}
	return out;
}

/** The bucket a POST is sent to, from its URL (virtual-hosted or path style), or undefined. */
function bucketOf(url: string): string | undefined {
	try {
		const u = new URL(url);
		const virtual = /^(.+?)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/.exec(u.hostname);
		if (virtual) return virtual[1];
		const first = u.pathname.split('/')[1];
		return first ? decodeURIComponent(first) : undefined;
	} catch {
		return undefined;
	}
}

const keyOf = (op: string, field: string, value: string) => `${op}|${field.toLowerCase()}|${value}`;

/** The condition S3's error names ("Policy Condition failed: [...]"), as a key of keyOf, or the text when it is not eq / starts-with. */
function serverCondition(message: string | undefined): string | undefined {
	const m = /Policy Condition failed:\s*(\[.*\]|\{.*\})/i.exec(message ?? '');
	if (!m) return undefined;
	try {
		const c = JSON.parse(m[1]!) as unknown;
		const read = conditionsOf({ conditions: [c] })[0];
		return read ? keyOf(read.op, read.field, read.value) : m[1]!;
	} catch {
		return m[1]!;
	}
}

/**
 * Each eq / starts-with condition (and {"name": value}) the form's value fails: S3 refuses the upload
 * with "Invalid according to Policy: Policy Condition failed: [...]". A field the form does not send
 * fails its condition too; where S3's own message names the condition, the finding is the server's.
 * The bucket is the one in the URL; content-length-range is judged only when S3 names it (the file
 * size is not in the paste).
 */
export function checkConditions(policy: Record<string, unknown>, evidence: Evidence, list: FindingList): void {
	const form = evidence.form ?? [];
	const named = serverCondition(evidence.server?.message);
	for (const c of conditionsOf(policy)) {
		const sent =
			c.field === 'bucket'
				? (form.find(([n]) => n.toLowerCase() === 'bucket')?.[1] ?? bucketOf(evidence.request.url))
				: form.find(([n]) => n.toLowerCase() === c.field)?.[1];
		const byServer = named === keyOf(c.op, c.field, c.value);
		const fails = sent === undefined ? true : c.op === 'eq' ? sent !== c.value : !sent.startsWith(c.value);
		if (!fails && !byServer) continue;
		const what = c.op === 'eq' ? `equal to ${quote(c.value)}` : c.value === '' ? 'present' : `starting with ${quote(c.value)}`;
		list.add(
			'post-condition-failed',
			{
				// A field the form does not send fails its condition; but a paste may leave fields out, so that alone is a warning.
				severity: byServer || sent !== undefined ? 'error' : 'warning',
				...(byServer ? { basis: 'server' as const } : {}),
				message:
					sent === undefined
						? `The policy's condition ${c.text} needs a form field ${c.field} ${what}, but the form sends none${byServer ? ': S3 says "Policy Condition failed"' : ''}.`
						: `The policy's condition ${c.text} needs ${c.field} ${what}, but the form sends ${quote(sent, 60)}: S3 answers "Invalid according to Policy: Policy Condition failed: ${c.text}".`,
				fix:
					sent === undefined
						? `Send a ${c.field} field that meets the condition, or remove the condition from the policy (a form cannot send some fields, e.g. Content-Length: use ["content-length-range", min, max]).`
						: `Make the policy and the form agree: send ${c.field} = ${quote(c.value)}${c.op === 'starts-with' ? '…' : ''}, or write the condition for the value you send (e.g. the exact x-amz-date of the form), and sign the policy again.`
			},
			`post-condition:${c.field}`
		);
	}
	if (
		named !== undefined &&
		!list.hasKey('post-condition:server') &&
		!conditionsOf(policy).some((c) => keyOf(c.op, c.field, c.value) === named)
	) {
		// S3 names a condition this reading does not evaluate (content-length-range, a policy other than the one pasted).
		list.add(
			'post-condition-failed',
			{
				basis: 'server',
				message: `S3 says a condition of the policy failed: ${quote(evidence.server!.message!, 120)}.`,
				fix: 'Make the form meet that condition (for content-length-range: a file within its bounds), or change the condition and sign the policy again.'
			},
			'post-condition:server'
		);
	}
}
