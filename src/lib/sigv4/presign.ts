import { canonicalRequestFor, withQuerySuffix } from './canonical-request-for.ts';
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
import { prepareRequest, headersToSign, payloadHashFor, urlWithoutDropped } from './prepare-request.ts';
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

	const canonical = canonicalRequestFor(ctx, req, headers, signed, payload, signedAuth);
	const stages = await signatureStages(canonical.text, params, ctx.date, ctx.scope);

	const base = urlWithoutDropped(ctx, req.url);
	const suffix = [...encodedAuth, [SIGNATURE_QUERY_PARAM, stages.signature]].map(([k, v]) => `${k}=${v}`).join('&');
	const signedUrl = withQuerySuffix(base, suffix);

	return { ...traceOf(ctx, req, params, canonical, payload.value, stages, { method: ctx.method, url: signedUrl, headers }), signedUrl };
}
