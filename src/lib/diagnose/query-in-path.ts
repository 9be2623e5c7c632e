import { canonicalPath, sha256Hex, signatureFor } from '../sigv4/index.ts';
import type { DiagnoseContext } from './context.ts';
import type { FindingList } from './finding-list.ts';
import { quote } from '../findings/index.ts';

/** A canonical URI that holds the query: a "?" left raw, or encoded once (%3F) or twice (%253F). */
export function pathHoldsQuery(path: string): boolean {
	return /\?|%3F|%253F/i.test(path);
}

/** The request's query, as sent (after "?"), when it has one; none when the path itself carries the query. */
function sentQuery(ctx: DiagnoseContext): string | undefined {
	const q = ctx.wire.query;
	return q !== undefined && q !== '' ? q : undefined;
}

const FIX =
	'Pass the path and the query separately to the signer (path "/stage/resource", query {name: value}): the canonical URI stops at "?", and the query has a line of its own (line 3).';

/**
 * The user's canonical URI (line 2) holds a "?" (raw or encoded) while the request's query belongs
 * on line 3: the query was signed as part of the path, as when an API Gateway URL's path is handed
 * to the signer with its query attached. Returns true when it named that.
 */
export function checkQueryInPath(userPath: string, line: number, ctx: DiagnoseContext, list: FindingList): boolean {
	const correct = ctx.correct.path?.text ?? '/';
	if (userPath === correct || !pathHoldsQuery(userPath) || pathHoldsQuery(correct)) return false;
	const query = sentQuery(ctx);
	const correctQuery = ctx.correct.query?.text ?? '';
	if (query === undefined && correctQuery === '') return false;
	list.add(
		'query-in-path',
		{
			line,
			message: `Line ${line} ${quote(userPath, 80)} carries the query inside the path: the canonical URI is ${quote(correct)}, and the query ${quote(correctQuery, 60)} belongs on line 3.`,
			fix: FIX
		},
		'query-in-path'
	);
	return true;
}

/** The path with the query attached, as a signer would canonicalize it under each encoding rule. */
function candidatePaths(ctx: DiagnoseContext): string[] {
	const query = sentQuery(ctx);
	if (query === undefined) return [];
	const raw = `${ctx.wire.path === '' ? '/' : ctx.wire.path}?${query}`;
	const out = new Set<string>();
	for (const uriEscapePath of [true, false]) {
		try {
			out.add(canonicalPath(raw, { uriEscapePath, normalizePath: ctx.normalizePath }).value);
		} catch {
			// a path the rule cannot canonicalize is no candidate
		}
	}
	return [...out];
}

/**
 * The user's signature reproduced by the correct canonical request with the query moved into the
 * path (line 2 holding it encoded, line 3 empty): the query was signed as part of the path.
 */
export async function reproduceQueryInPath(ctx: DiagnoseContext, signature: string, list: FindingList): Promise<boolean> {
	if (ctx.mode !== 'header') return false;
	const lines = ctx.trace.canonicalRequest.split('\n');
	const stsLines = ctx.trace.stringToSign.split('\n');
	if (lines.length < 4 || stsLines.length !== 4) return false;
	const sig = signature.trim().toLowerCase();
	for (const path of candidatePaths(ctx)) {
		const canonical = [lines[0], path, '', ...lines.slice(3)].join('\n');
		const sts = [...stsLines.slice(0, 3), await sha256Hex(canonical)].join('\n');
		if ((await signatureFor(sts, ctx.trace.keyChain.kSigning)) !== sig) continue;
		list.add(
			'query-in-path',
			{
				line: 2,
				basis: 'reproduced',
				message: `Your signature is reproduced exactly by the canonical request whose path is ${quote(path, 80)} and whose query line is empty: the query ${quote(ctx.correct.query?.text ?? '', 60)} was signed as part of the path.`,
				fix: FIX
			},
			'query-in-path'
		);
		return true;
	}
	return false;
}
