import { canonicalPath } from '../../sigv4/index.ts';
import type { FindingCode } from '../../findings/index.ts';
import type { DiagnoseContext } from '../context.ts';
import { describeDifference } from '../describe-difference.ts';
import type { FindingList } from '../finding-list.ts';
import { listQuoted, quote } from '../../findings/index.ts';
import { sameDecoded, spellingFaults } from '../spelling-faults.ts';

interface Candidate {
	code: FindingCode;
	value: string;
	message: string;
	fix: string;
}

/** The canonical path under each rule the user may have got wrong, for this request. */
function candidates(ctx: DiagnoseContext, correct: string): Candidate[] {
	const raw = ctx.wire.path === '' ? '/' : ctx.wire.path;
	const rules = { uriEscapePath: ctx.uriEscapePath, normalizePath: ctx.normalizePath };
	const service = ctx.params.service;
	const list: Candidate[] = [];
	const add = (code: FindingCode, opts: typeof rules, message: string, fix: string, path = raw) => {
		const value = canonicalPath(path, opts).value;
		if (value !== correct) list.push({ code, value, message, fix });
	};
	if (rules.uriEscapePath) {
		add(
			'path-not-double-encoded',
			{ ...rules, uriEscapePath: false },
			`is encoded once; ${service} (like every service but S3) encodes the path as received, so an existing "%XX" becomes "%25XX"`,
			'URI-encode the path as it is sent, escapes included (double encoding): only S3 encodes once.'
		);
	} else {
		add(
			'path-double-encoded',
			{ ...rules, uriEscapePath: true },
			`is encoded twice; ${service} signs the object key encoded once`,
			'Decode the key once, then URI-encode each segment once (S3 rule: no double encoding).'
		);
	}
	if (rules.normalizePath) {
		add(
			'path-not-normalized',
			{ ...rules, normalizePath: false },
			`keeps "//", "." or ".." segments; ${service} removes them before signing`,
			'Normalize the path: remove "." and ".." segments and collapse repeated slashes (every service but S3).'
		);
	} else {
		add(
			's3-path-normalized',
			{ ...rules, normalizePath: true },
			`is normalized; ${service} signs the path exactly as sent, "//", "." and ".." included`,
			'Do not normalize S3 paths: sign the key as it is sent, repeated slashes and dot segments included.'
		);
	}
	if (!rules.uriEscapePath && raw.includes('+')) {
		add(
			'plus-in-s3-key',
			rules,
			'signs the "+" of the key as a space (%20); in an S3 key "+" is a literal plus',
			'Encode "+" in a key as %2B; only %20 means a space.',
			raw.replace(/\+/g, '%20')
		);
	}
	return list;
}

/** Compares line 2 of the user's canonical request with the correct canonical URI and names the rule broken. */
export function comparePath(user: string, line: number, ctx: DiagnoseContext, list: FindingList): void {
	const correct = ctx.correct.path?.text ?? '/';
	if (user === correct) return;
	const before = list.size;
	const all = candidates(ctx, correct);
	const exact = all.find((c) => c.value === user);
	if (exact) {
		list.add(exact.code, {
			line,
			message: `Line ${line} ${quote(user)} ${exact.message}: the correct path is ${quote(correct)}.`,
			fix: exact.fix
		});
		return;
	}
	// Same bytes as the correct path (or as a known mistake), spelled differently.
	for (const reference of [{ value: correct } as Pick<Candidate, 'value'> & Partial<Candidate>, ...all]) {
		if (!sameDecoded(user, reference.value, false)) continue;
		if (reference.code) {
			list.add(reference.code, {
				line,
				message: `Line ${line} ${quote(user)} ${reference.message}: the correct path is ${quote(correct)}.`,
				fix: reference.fix!
			});
		}
		const faults = spellingFaults(user, '/');
		if (faults.notEncoded.length > 0) {
			list.add('path-not-encoded', {
				line,
				message: `Line ${line} ${quote(user)} leaves ${listQuoted(faults.notEncoded)} unencoded; the correct path is ${quote(correct)}.`,
				fix: 'URI-encode every byte except A-Z a-z 0-9 - _ . ~ and "/" (encodeURIComponent leaves ! \' ( ) * unencoded: encode them too).'
			});
		}
		if (faults.unreservedEncoded.length > 0) {
			list.add('unreserved-encoded', {
				line,
				message: `Line ${line} ${quote(user)} encodes unreserved characters (${listQuoted(faults.unreservedEncoded)}); the correct path is ${quote(correct)}.`,
				fix: 'Leave A-Z a-z 0-9 - _ . ~ as they are: "~" stays "~", never %7E.'
			});
		}
		if (faults.lowercaseHex.length > 0) {
			list.add('percent-hex-lowercase', {
				line,
				message: `Line ${line} ${quote(user)} writes percent-escapes in lowercase hex (${listQuoted(faults.lowercaseHex)}); the correct path is ${quote(correct)}.`,
				fix: 'Write percent-escapes with uppercase hex digits: %2F, %E1%88%B4.'
			});
		}
		if (list.size > before) return;
	}
	list.add('canonical-request-differs', {
		line,
		message: `Line ${line}, the path, differs: ${describeDifference(user, correct)} (yours ${quote(user)}, correct ${quote(correct)}).`,
		fix: 'Sign the path exactly as sent: "/" for an empty path, each segment URI-encoded by the service rule.'
	});
}
