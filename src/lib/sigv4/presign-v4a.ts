import { canonicalRequestFor, withQuerySuffix } from './canonical-request-for.ts';
import {
	ALGORITHM_QUERY_PARAM,
	AMZ_DATE_QUERY_PARAM,
	CREDENTIAL_QUERY_PARAM,
	DEFAULT_EXPIRES,
	EXPIRES_QUERY_PARAM,
	SESSION_TOKEN_QUERY_PARAM,
	SIGNATURE_QUERY_PARAM,
	SIGNED_HEADERS_QUERY_PARAM
} from './constants.ts';
import { uriEncode } from './encoding.ts';
import { headersToSign, payloadHashFor, urlWithoutDropped } from './prepare-request.ts';
import { prepareRequestV4a, traceV4a } from './sign-v4a.ts';
import type { HttpRequest } from './types.ts';
import type { SigningParamsV4a, SigningTraceV4a } from './types-v4a.ts';
import { ALGORITHM_V4A, REGION_SET_QUERY_PARAM } from './v4a-constants.ts';

/** A SigV4a presigned URL: X-Amz-Region-Set is one more signed parameter; X-Amz-Signature the only unsigned one. */
export async function presignUrlV4a(req: HttpRequest, params: SigningParamsV4a): Promise<SigningTraceV4a> {
	const { ctx, v4Params, regionSet } = prepareRequestV4a(req, params, 'query');
	const payload = await payloadHashFor(ctx, req, v4Params);
	const headers = ctx.headers;
	const signed = headersToSign(headers, v4Params);

	// In the order aws-c-auth writes them; the canonical query sorts them anyway.
	const token = params.credentials.sessionToken;
	const auth: [string, string][] = [
		[ALGORITHM_QUERY_PARAM, ALGORITHM_V4A],
		[CREDENTIAL_QUERY_PARAM, `${params.credentials.accessKeyId}/${ctx.scope}`],
		[AMZ_DATE_QUERY_PARAM, params.datetime],
		[SIGNED_HEADERS_QUERY_PARAM, [...signed].sort().join(';')],
		[EXPIRES_QUERY_PARAM, String(params.expiresIn ?? DEFAULT_EXPIRES)]
	];
	if (token) auth.push([SESSION_TOKEN_QUERY_PARAM, token]);
	auth.push([REGION_SET_QUERY_PARAM, regionSet]);
	const encodedAuth = auth.map(([k, v]) => [k, uriEncode(v)] as [string, string]);
	const signedAuth =
		token && params.signSessionToken === false ? encodedAuth.filter(([k]) => k !== SESSION_TOKEN_QUERY_PARAM) : encodedAuth;

	const canonical = canonicalRequestFor(ctx, req, headers, signed, payload, signedAuth);

	const base = urlWithoutDropped(ctx, req.url);
	const trace = await traceV4a(ctx, req, params, canonical, payload.value, { method: ctx.method, url: base, headers });
	const suffix = [...encodedAuth, [SIGNATURE_QUERY_PARAM, trace.signature]].map(([k, v]) => `${k}=${v}`).join('&');
	const signedUrl = withQuerySuffix(base, suffix);
	trace.request.url = signedUrl;
	return { ...trace, signedUrl };
}
