import {
	ALGORITHM,
	ALGORITHM_V4A,
	uriEncode,
	DEFAULT_EXPIRES,
	REGION_SET_QUERY_PARAM,
	SESSION_TOKEN_QUERY_PARAM,
	tokenAfterSigning
} from '../sigv4/index.ts';
import type { LearnContext } from './learn-context.ts';

/** One X-Amz-* parameter a presigned URL carries. */
export interface PresignParam {
	name: string;
	/** The value before encoding. */
	value: string;
	/** As written in the URL and the canonical query: the value URI-encoded ("/" as %2F, ";" as %3B). */
	encoded: string;
	/** False for a session token added after signing (signSessionToken: false). */
	signed: boolean;
}

/**
 * The signature parameters of a presigned URL, in the order the signer appends them. X-Amz-Signature
 * is not among them: it is the result.
 */
export function presignParams(lc: LearnContext): PresignParam[] {
	const { params } = lc;
	const list: [string, string][] = [
		['X-Amz-Algorithm', lc.v4a ? ALGORITHM_V4A : ALGORITHM],
		['X-Amz-Credential', `${params.credentials.accessKeyId}/${lc.ctx.scope}`],
		['X-Amz-Date', params.datetime],
		['X-Amz-SignedHeaders', [...lc.signed].sort().join(';')],
		['X-Amz-Expires', String(params.expiresIn ?? DEFAULT_EXPIRES)]
	];
	const token = params.credentials.sessionToken;
	if (token) list.push([SESSION_TOKEN_QUERY_PARAM, token]);
	if (lc.v4a) list.push([REGION_SET_QUERY_PARAM, lc.v4a.regionSet]);
	return list.map(([name, value]) => ({
		name,
		value,
		encoded: uriEncode(value),
		signed: !(name === SESSION_TOKEN_QUERY_PARAM && tokenAfterSigning(params, 'query'))
	}));
}
