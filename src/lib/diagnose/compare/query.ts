import { canonicalQueryComponent, SESSION_TOKEN_QUERY_PARAM } from '../../sigv4/index.ts';
import type { DiagnoseContext } from '../context.ts';
import { describeDifference } from '../describe-difference.ts';
import type { FindingList } from '../finding-list.ts';
import { listQuoted, quote } from '../../findings/index.ts';
import { sameDecoded, spellingFaults } from '../spelling-faults.ts';
import { AlikeIndex, decodedKey } from '../alike-index.ts';
import { sessionTokenNotSigned } from '../session-token-not-signed.ts';

interface Pair {
	raw: string;
	key: string;
	value: string;
	hasEquals: boolean;
}

function pairs(text: string): Pair[] {
	return text
		.split('&')
		.filter((p) => p !== '')
		.map((raw) => {
			const eq = raw.indexOf('=');
			return eq < 0
				? { raw, key: raw, value: '', hasEquals: false }
				: { raw, key: raw.slice(0, eq), value: raw.slice(eq + 1), hasEquals: true };
		});
}

/** Same text, or the same bytes spelled another way ("+" read either as a space or as a plus). */
function alike(user: string, correct: string): boolean {
	return user === correct || sameDecoded(user, correct, true) || sameDecoded(user, correct, false);
}

/** The keys under which a key alike this one is filed: its bytes with "+" read either way. */
function keyKeys(key: string): string[] {
	return [`+${decodedKey(key, true)}`, `=${decodedKey(key, false)}`];
}

/** A pair's keys: its key and its value alike, each with "+" read either way. */
function pairKeys(p: Pair): string[] {
	const keys = keyKeys(p.key);
	const values = keyKeys(p.value);
	return keys.flatMap((k) => values.map((v) => `${k.length}:${k}${v}`));
}

const MAX_DETAILS = 10;

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares line 3 of the user's canonical request with the correct canonical query string. */
export function compareQuery(user: string, line: number, ctx: DiagnoseContext, list: FindingList): void {
	const correct = ctx.correct.query?.text ?? '';
	if (user === correct) return;
	const before = list.size;
	const u = pairs(user);
	const c = pairs(correct);
	const where = `Line ${line} ${quote(user)}`;

	const noEquals = u.filter((p) => !p.hasEquals);
	if (noEquals.length > 0) {
		list.add('query-missing-equals', {
			line,
			message: `${where} writes ${listQuoted(noEquals.map((p) => p.raw))} without "="; a parameter without a value is signed as "${noEquals[0]!.raw}=".`,
			fix: 'Write every parameter as key=value, with an empty value as "key=" (e.g. "acl=", "uploads=").'
		});
	}

	// Match each of the user's parameters to the first correct one meaning the same (indexed: a query can hold 100,000 parameters).
	const pairIndex = new AlikeIndex(c, pairKeys);
	const matched: { u: Pair; c: Pair }[] = [];
	const unmatched: Pair[] = [];
	for (const p of u) {
		const other = pairIndex.take(pairKeys(p));
		if (other) matched.push({ u: p, c: other });
		else unmatched.push(p);
	}

	const plus: string[] = [];
	const raw: string[] = [];
	const unreserved: string[] = [];
	const lower: string[] = [];
	for (const m of matched) {
		for (const [mine, theirs] of [
			[m.u.key, m.c.key],
			[m.u.value, m.c.value]
		] as const) {
			if (mine === theirs) continue;
			const faults = spellingFaults(mine, '+');
			if (mine.includes('+') && theirs.includes('%20') && sameDecoded(mine, theirs, true)) plus.push(mine);
			else if (mine.includes('+')) raw.push('+');
			raw.push(...faults.notEncoded);
			unreserved.push(...faults.unreservedEncoded);
			lower.push(...faults.lowercaseHex);
		}
	}
	if (plus.length > 0) {
		list.add('query-plus-for-space', {
			line,
			message: `${where} encodes a space as "+" (${listQuoted(plus)}); SigV4 writes a space as %20.`,
			fix: 'Encode query keys and values with RFC 3986 rules (%20 for a space), not form encoding (URLSearchParams, URLEncoder).'
		});
	}
	if (raw.length > 0) {
		list.add('query-not-encoded', {
			line,
			message: `${where} leaves ${listQuoted([...new Set(raw)])} unencoded in the query; the correct line is ${quote(correct)}.`,
			fix: 'URI-encode each key and value: everything except A-Z a-z 0-9 - _ . ~ (so "/" is %2F, ":" is %3A, "+" is %2B).'
		});
	}
	if (unreserved.length > 0) {
		list.add('unreserved-encoded', {
			line,
			message: `${where} encodes unreserved characters (${listQuoted([...new Set(unreserved)])}) in the query.`,
			fix: 'Leave A-Z a-z 0-9 - _ . ~ as they are.'
		});
	}
	if (lower.length > 0) {
		list.add('percent-hex-lowercase', {
			line,
			message: `${where} writes percent-escapes in lowercase hex (${listQuoted([...new Set(lower)])}).`,
			fix: 'Write percent-escapes with uppercase hex digits: %2F, %3A.'
		});
	}

	// Sorted? Judge by the canonical spelling of the user's own pairs, so a spelling fault is not an order fault.
	const keys = u.map((p) => [canonicalQueryComponent(p.key), canonicalQueryComponent(p.value)] as const);
	const unsorted = keys.findIndex((k, i) => i > 0 && (compare(keys[i - 1]![0], k[0]) || compare(keys[i - 1]![1], k[1])) > 0);
	if (unsorted > 0) {
		list.add('query-not-sorted', {
			line,
			message: `${where} is not sorted: ${quote(u[unsorted]!.raw)} comes after ${quote(u[unsorted - 1]!.raw)}; the correct order is ${quote(correct)}.`,
			fix: 'Encode each key and value first, then sort by encoded key (byte order, uppercase before lowercase), then by encoded value.'
		});
	}

	const missing = pairIndex.rest();
	const tokenMissing = missing.find((p) => p.key === SESSION_TOKEN_QUERY_PARAM);
	if (tokenMissing && !unmatched.some((p) => alike(p.key, SESSION_TOKEN_QUERY_PARAM))) {
		sessionTokenNotSigned(ctx, list, { stage: 'canonical-request', line, where: `${where} has no X-Amz-Security-Token` });
		missing.splice(missing.indexOf(tokenMissing), 1);
	}
	const missingIndex = new AlikeIndex(missing, (m) => keyKeys(m.key));
	const details: string[] = [];
	for (const p of unmatched) {
		const other = missingIndex.take(keyKeys(p.key));
		if (other) {
			details.push(`${quote(p.raw)} should be ${quote(other.raw)} (${describeDifference(p.value, other.value)})`);
		} else if (/^X-Amz-Signature$/i.test(p.key)) {
			details.push(`${quote(p.raw)} is there, but X-Amz-Signature is never part of the canonical query: it is what is being computed`);
		} else {
			details.push(`${quote(p.raw)} is not in the correct query`);
		}
	}
	for (const m of missingIndex.rest()) details.push(`${quote(m.raw)} is missing`);
	// Thousands of differences are told by the first few and their count.
	if (details.length > MAX_DETAILS) details.splice(MAX_DETAILS, Infinity, `${details.length - MAX_DETAILS} more differences`);
	if (details.length > 0 || list.size === before) {
		list.add('canonical-request-differs', {
			line,
			message: `${where} differs from the correct query ${quote(correct)}: ${details.length > 0 ? details.join('; ') : describeDifference(user, correct)}.`,
			fix: 'Sign the parameters the URL carries: each key and value URI-encoded, sorted, joined with "&"; in a presigned URL, every X-Amz-* parameter but X-Amz-Signature.'
		});
	}
}
