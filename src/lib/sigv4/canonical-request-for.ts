import { canonicalHeaders } from './canonical-headers.ts';
import { canonicalQueryString } from './canonical-query.ts';
import { assembleCanonicalRequest, type CanonicalRequest, type CanonicalRequestParts } from './canonical-request.ts';
import { SIGNATURE_QUERY_PARAM } from './constants.ts';
import { canonicalPathFor, queryRules, userQueryPairs, type SigningContext } from './prepare-request.ts';
import type { Header, HttpRequest } from './types.ts';

/**
 * The canonical request every signer (SigV4 and SigV4a, either mode) builds: the request's method,
 * path and query, the `signed` of `headers`, the payload hash; in query mode, the signer's own
 * parameters (`added`, encoded) join the request's query.
 */
export function canonicalRequestFor(
	ctx: SigningContext,
	req: HttpRequest,
	headers: Header[],
	signed: ReadonlySet<string>,
	payloadHash: CanonicalRequestParts['payloadHash'],
	added: [string, string][] = []
): CanonicalRequest {
	const pairs = [...userQueryPairs(ctx), ...added];
	const rules = queryRules(ctx, pairs);
	if (added.length) {
		rules.push(`${added.map(([k]) => k).join(', ')} added before signing; ${SIGNATURE_QUERY_PARAM} is never part of it`);
	}
	return assembleCanonicalRequest({
		method: { value: ctx.method, input: req.method },
		path: canonicalPathFor(ctx),
		query: { value: canonicalQueryString(pairs), input: ctx.url.query ?? '', rules },
		headers: canonicalHeaders(headers, signed),
		payloadHash
	});
}

/** The URL with `suffix` appended to whatever query it has, even one of empty parameters only ("?&"). */
export function withQuerySuffix(base: string, suffix: string): string {
	const q = base.indexOf('?');
	return base + (q < 0 ? '?' : q === base.length - 1 || base.endsWith('&') ? '' : '&') + suffix;
}

/** The headers with one set: a header the request has keeps its place and its name's case; the value is the signer's. */
export function putHeader(headers: Header[], name: string, value: string): Header[] {
	const out = headers.slice();
	const at = out.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
	if (at >= 0) out[at] = [out[at]![0], value];
	else out.push([name, value]);
	return out;
}
