import type { CanonicalRequest } from './canonical-request.ts';
import { canonicalRequestFor, putHeader } from './canonical-request-for.ts';
import { ALGORITHM, AMZ_DATE_QUERY_PARAM, AUTH_HEADER_AS_SENT, CONTENT_SHA256_HEADER } from './constants.ts';
import { sessionTokenParam } from './s3-express.ts';
import { signatureStages, type SignatureStages } from './signature.ts';
import { prepareRequest, headersToSign, payloadHashFor, urlWithoutDropped, type SigningContext } from './prepare-request.ts';
import type { Header, HttpRequest, SigningParams, SigningTrace } from './types.ts';

/** What both modes' traces hold: every stage, and the request to send (with the body, when there is one). */
export function traceOf(
	ctx: SigningContext,
	req: HttpRequest,
	params: SigningParams,
	canonical: CanonicalRequest,
	payloadHash: string,
	stages: SignatureStages,
	sent: Omit<SigningTrace['request'], 'body'>
): Omit<SigningTrace, 'authorization' | 'signedUrl'> {
	const request: SigningTrace['request'] = { ...sent };
	if (req.body !== undefined) request.body = req.body;
	return {
		mode: ctx.mode,
		algorithm: ALGORITHM,
		datetime: params.datetime,
		date: ctx.date,
		canonicalRequest: canonical.text,
		credentialScope: ctx.scope,
		signedHeaders: canonical.signedHeaders,
		payloadHash,
		provenance: canonical.provenance,
		...stages,
		request
	};
}

/** Signs with an Authorization header; the trace holds every stage. */
export async function signRequest(req: HttpRequest, params: SigningParams): Promise<SigningTrace> {
	const ctx = prepareRequest(req, params, 'header');
	const payload = await payloadHashFor(ctx, req, params);

	// A header the request already has keeps its place (and its name's case); the value is the signer's.
	let headers: Header[] = ctx.headers;
	const put = (name: string, value: string) => void (headers = putHeader(headers, name, value));
	// Written in AWS's own case, as the query parameters of the same name.
	const token = params.credentials.sessionToken;
	const tokenName = sessionTokenParam(params.service, req.url);
	if (token) put(tokenName, token);
	put(AMZ_DATE_QUERY_PARAM, params.datetime);
	if (ctx.contentSha256Header) put(CONTENT_SHA256_HEADER, payload.value);

	const signed = headersToSign(headers, params);
	if (token && params.signSessionToken === false) signed.delete(tokenName.toLowerCase());
	const canonical = canonicalRequestFor(ctx, req, headers, signed, payload);
	const stages = await signatureStages(canonical.text, params, ctx.date, ctx.scope);
	const authorization =
		`${ALGORITHM} Credential=${params.credentials.accessKeyId}/${ctx.scope}, ` +
		`SignedHeaders=${canonical.signedHeaders.join(';')}, Signature=${stages.signature}`;

	const sent = {
		method: ctx.method,
		url: urlWithoutDropped(ctx, req.url),
		headers: [...headers, [AUTH_HEADER_AS_SENT, authorization]] as Header[]
	};
	return { ...traceOf(ctx, req, params, canonical, payload.value, stages, sent), authorization };
}
