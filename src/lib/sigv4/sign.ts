import { canonicalHeaders } from './canonical-headers.ts';
import { canonicalQueryString } from './canonical-query.ts';
import { assembleCanonicalRequest } from './canonical-request.ts';
import { ALGORITHM } from './credential-scope.ts';
import { signatureStages } from './signature.ts';
import {
	canonicalPathFor,
	createContext,
	headersToSign,
	payloadHashFor,
	queryRules,
	urlWithoutDropped,
	userQueryPairs
} from './signing-context.ts';
import type { Header, HttpRequest, SigningParams, SigningTrace } from './types.ts';

/** Signs with an Authorization header; the trace holds every stage. */
export async function signRequest(req: HttpRequest, params: SigningParams): Promise<SigningTrace> {
	const ctx = createContext(req, params, 'header');
	const payload = await payloadHashFor(ctx, req, params);

	// A header the request already has keeps its place (and its name's case); the value is the signer's.
	const headers: Header[] = ctx.headers.slice();
	const put = (name: string, value: string) => {
		const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
		if (at >= 0) headers[at] = [headers[at]![0], value];
		else headers.push([name, value]);
	};
	const token = params.credentials.sessionToken;
	if (token) put('X-Amz-Security-Token', token);
	put('X-Amz-Date', params.datetime);
	if (ctx.contentSha256Header) put('x-amz-content-sha256', payload.value);

	const signed = headersToSign(headers, params);
	if (token && params.signSessionToken === false) signed.delete('x-amz-security-token');
	const pairs = userQueryPairs(ctx);
	const canonical = assembleCanonicalRequest({
		method: { value: ctx.method, input: req.method },
		path: canonicalPathFor(ctx),
		query: { value: canonicalQueryString(pairs), input: ctx.url.query ?? '', rules: queryRules(ctx, pairs) },
		headers: canonicalHeaders(headers, signed),
		payloadHash: payload
	});
	const stages = await signatureStages(canonical.text, params, ctx.date, ctx.scope);
	const authorization =
		`${ALGORITHM} Credential=${params.credentials.accessKeyId}/${ctx.scope}, ` +
		`SignedHeaders=${canonical.signedHeaders.join(';')}, Signature=${stages.signature}`;

	const sent: SigningTrace['request'] = {
		method: ctx.method,
		url: urlWithoutDropped(ctx, req.url),
		headers: [...headers, ['Authorization', authorization]]
	};
	if (req.body !== undefined) sent.body = req.body;
	return {
		mode: 'header',
		algorithm: ALGORITHM,
		datetime: params.datetime,
		date: ctx.date,
		canonicalRequest: canonical.text,
		credentialScope: ctx.scope,
		signedHeaders: canonical.signedHeaders,
		payloadHash: payload.value,
		provenance: canonical.provenance,
		...stages,
		request: sent,
		authorization
	};
}
