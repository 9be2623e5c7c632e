import { decodedKey } from './canonical-query.ts';
import type { CanonicalRequest } from './canonical-request.ts';
import { canonicalRequestFor, putHeader } from './canonical-request-for.ts';
import {
	AMZ_DATE_QUERY_PARAM,
	AUTH_HEADER_AS_SENT,
	CONTENT_SHA256_HEADER,
	SESSION_TOKEN_HEADER,
	SESSION_TOKEN_QUERY_PARAM,
	TERMINATOR
} from './constants.ts';
import { sha256Hex } from './crypto.ts';
import { headersToSign, payloadHashFor, prepareRequest, urlWithoutDropped, type SigningContext } from './prepare-request.ts';
import { regionSetValue } from './region-set.ts';
import { signingKeyV4a } from './signing-key-v4a.ts';
import type { Header, HttpRequest, SigningParams } from './types.ts';
import type { SigningParamsV4a, SigningTraceV4a } from './types-v4a.ts';
import { ALGORITHM_V4A, REGION_SET_HEADER, REGION_SET_QUERY_PARAM } from './v4a-constants.ts';
import { signStringV4a } from './verify-v4a.ts';

/** SigV4a's scope: date, service, terminator; the region set is signed as a header or parameter instead. */
export function credentialScopeV4a(date: string, service: string): string {
	return `${date}/${service}/${TERMINATOR}`;
}

export function stringToSignV4a(canonicalRequestHash: string, datetime: string, scope: string): string {
	return `${ALGORITHM_V4A}\n${datetime}\n${scope}\n${canonicalRequestHash}`;
}

// The shared checks want a region; SigV4a's scope has none, and the region set is checked on its own.
const NO_REGION = 'none';

/** The request read as for SigV4, with SigV4a's scope and the request's own region set dropped in query mode. */
export function prepareRequestV4a(req: HttpRequest, params: SigningParamsV4a, mode: 'header' | 'query') {
	const regionSet = regionSetValue(params.regionSet);
	const v4Params: SigningParams = { ...params, region: NO_REGION };
	const ctx = prepareRequest(req, v4Params, mode);
	ctx.scope = credentialScopeV4a(ctx.date, params.service);
	if (mode === 'query') {
		ctx.headers = ctx.headers.filter(([name]) => {
			const own = name.toLowerCase() === REGION_SET_HEADER;
			if (own) ctx.dropped.push(`header ${name}`);
			return !own;
		});
		ctx.query = ctx.query.filter((p) => {
			const own = decodedKey(p).toLowerCase() === REGION_SET_QUERY_PARAM.toLowerCase();
			if (own) ctx.dropped.push(`query ${p.key}`);
			return !own;
		});
	}
	return { ctx, v4Params, regionSet };
}

/** Hash, string to sign and ECDSA signature, and the trace every mode shares. */
export async function traceV4a(
	ctx: SigningContext,
	req: HttpRequest,
	params: SigningParamsV4a,
	canonical: CanonicalRequest,
	payloadHash: string,
	sent: Omit<SigningTraceV4a['request'], 'body'>
): Promise<Omit<SigningTraceV4a, 'authorization' | 'signedUrl'>> {
	const [canonicalRequestHash, keys] = await Promise.all([
		sha256Hex(canonical.text),
		signingKeyV4a(params.credentials.accessKeyId, params.credentials.secretAccessKey)
	]);
	const stringToSign = stringToSignV4a(canonicalRequestHash, params.datetime, ctx.scope);
	const signature = await signStringV4a(keys.privateKey, stringToSign);
	const request: SigningTraceV4a['request'] = { ...sent };
	if (req.body !== undefined) request.body = req.body;
	return {
		mode: ctx.mode,
		algorithm: ALGORITHM_V4A,
		datetime: params.datetime,
		date: ctx.date,
		canonicalRequest: canonical.text,
		canonicalRequestHash,
		credentialScope: ctx.scope,
		stringToSign,
		signature: signature.der,
		signatureDer: signature.der,
		signatureRaw: signature.raw,
		signedHeaders: canonical.signedHeaders,
		payloadHash,
		provenance: canonical.provenance,
		regionSet: params.regionSet.map((r) => r.trim()),
		publicKey: keys.publicKey,
		request
	};
}

/** SigV4a with an Authorization header: the region set is the signed x-amz-region-set header. */
export async function signRequestV4a(req: HttpRequest, params: SigningParamsV4a): Promise<SigningTraceV4a> {
	const { ctx, v4Params, regionSet } = prepareRequestV4a(req, params, 'header');
	const payload = await payloadHashFor(ctx, req, v4Params);

	// As SigV4: a header the request already has keeps its place and case; the value is the signer's.
	let headers: Header[] = ctx.headers;
	const put = (name: string, value: string) => void (headers = putHeader(headers, name, value));
	const token = params.credentials.sessionToken;
	if (token) put(SESSION_TOKEN_QUERY_PARAM, token);
	put(AMZ_DATE_QUERY_PARAM, params.datetime);
	put(REGION_SET_QUERY_PARAM, regionSet);
	if (ctx.contentSha256Header) put(CONTENT_SHA256_HEADER, payload.value);

	const signed = headersToSign(headers, v4Params);
	signed.add(REGION_SET_HEADER);
	if (token && params.signSessionToken === false) signed.delete(SESSION_TOKEN_HEADER);
	const canonical = canonicalRequestFor(ctx, req, headers, signed, payload);
	const sent = { method: ctx.method, url: urlWithoutDropped(ctx, req.url), headers };
	const trace = await traceV4a(ctx, req, params, canonical, payload.value, sent);
	const authorization =
		`${ALGORITHM_V4A} Credential=${params.credentials.accessKeyId}/${ctx.scope}, ` +
		`SignedHeaders=${canonical.signedHeaders.join(';')}, Signature=${trace.signature}`;
	trace.request.headers = [...headers, [AUTH_HEADER_AS_SENT, authorization]];
	return { ...trace, authorization };
}
