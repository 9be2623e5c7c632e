import { canonicalHeaders } from './canonical-headers.ts';
import { canonicalQueryString } from './canonical-query.ts';
import { assembleCanonicalRequest } from './canonical-request.ts';
import {
	ALGORITHM,
	ALGORITHM_QUERY_PARAM,
	AMZ_DATE_QUERY_PARAM,
	CREDENTIAL_QUERY_PARAM,
	DEFAULT_EXPIRES,
	EXPIRES_QUERY_PARAM,
	SIGNATURE_QUERY_PARAM,
	SIGNED_HEADERS_QUERY_PARAM
} from './constants.ts';
import { sessionTokenParam } from './s3-express.ts';
import { tokenAfterSigning } from './token-after-signing.ts';
import { uriEncode } from './encoding.ts';
import { signatureStages } from './signature.ts';
import { traceOf } from './sign.ts';
import {
	canonicalPathFor,
	prepareRequest,
	headersToSign,
	payloadHashFor,
	queryRules,
	urlWithoutDropped,
	userQueryPairs
} from './prepare-request.ts';
import type { HttpRequest, SigningParams, SigningTrace } from './types.ts';

/** Signs with query parameters (a presigned URL); X-Amz-Signature is the only one not signed. */
export async function presignUrl(req: HttpRequest, params: SigningParams): Promise<SigningTrace> {
	const ctx = prepareRequest(req, params, 'query');
	const payload = await payloadHashFor(ctx, req, params);
	const headers = ctx.headers;
	const signed = headersToSign(headers, params);
	const signedHeaders = [...signed].sort().join(';');

	const token = params.credentials.sessionToken;
	const auth: [string, string][] = [
		[ALGORITHM_QUERY_PARAM, ALGORITHM],
		[CREDENTIAL_QUERY_PARAM, `${params.credentials.accessKeyId}/${ctx.scope}`],
		[AMZ_DATE_QUERY_PARAM, params.datetime],
		[SIGNED_HEADERS_QUERY_PARAM, signedHeaders],
		[EXPIRES_QUERY_PARAM, String(params.expiresIn ?? DEFAULT_EXPIRES)]
	];
	if (token) auth.push([sessionTokenParam(params.service, req.url), token]);
	const encodedAuth = auth.map(([k, v]) => [k, uriEncode(v)] as [string, string]);
	const after = Boolean(token) && tokenAfterSigning(params, 'query');
	const signedAuth = after ? encodedAuth.slice(0, -1) : encodedAuth;

	const pairs = [...userQueryPairs(ctx), ...signedAuth];
	const added = signedAuth.map(([k]) => k).join(', ');
	const canonical = assembleCanonicalRequest({
		method: { value: ctx.method, input: req.method },
		path: canonicalPathFor(ctx),
		query: {
			value: canonicalQueryString(pairs),
			input: ctx.url.query ?? '',
			rules: [...queryRules(ctx, pairs), `${added} added before signing; ${SIGNATURE_QUERY_PARAM} is never part of it`]
		},
		headers: canonicalHeaders(headers, signed),
		payloadHash: payload
	});
	const stages = await signatureStages(canonical.text, params, ctx.date, ctx.scope);

	const base = urlWithoutDropped(ctx, req.url);
	const suffix = [...encodedAuth, [SIGNATURE_QUERY_PARAM, stages.signature]].map(([k, v]) => `${k}=${v}`).join('&');
	// Append to whatever query the URL has, even one of empty parameters only ("?&").
	const q = base.indexOf('?');
	const signedUrl = base + (q < 0 ? '?' : q === base.length - 1 || base.endsWith('&') ? '' : '&') + suffix;

	return { ...traceOf(ctx, req, params, canonical, payload.value, stages, { method: ctx.method, url: signedUrl, headers }), signedUrl };
}
