import { canonicalHeaders } from './canonical-headers.ts';
import { canonicalQueryString } from './canonical-query.ts';
import { assembleCanonicalRequest } from './canonical-request.ts';
import { ALGORITHM } from './credential-scope.ts';
import { uriEncode } from './encoding.ts';
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
import type { HttpRequest, SigningParams, SigningTrace } from './types.ts';

import { DEFAULT_EXPIRES } from './constants.ts';

export { DEFAULT_EXPIRES };

/** Signs with query parameters (a presigned URL); X-Amz-Signature is the only one not signed. */
export async function presignUrl(req: HttpRequest, params: SigningParams): Promise<SigningTrace> {
	const ctx = createContext(req, params, 'query');
	const payload = await payloadHashFor(ctx, req, params);
	const headers = ctx.headers;
	const signed = headersToSign(headers, params);
	const signedHeaders = [...signed].sort().join(';');

	const token = params.credentials.sessionToken;
	const auth: [string, string][] = [
		['X-Amz-Algorithm', ALGORITHM],
		['X-Amz-Credential', `${params.credentials.accessKeyId}/${ctx.scope}`],
		['X-Amz-Date', params.datetime],
		['X-Amz-SignedHeaders', signedHeaders],
		['X-Amz-Expires', String(params.expiresIn ?? DEFAULT_EXPIRES)]
	];
	if (token) auth.push(['X-Amz-Security-Token', token]);
	const encodedAuth = auth.map(([k, v]) => [k, uriEncode(v)] as [string, string]);
	const signedAuth = token && params.signSessionToken === false ? encodedAuth.slice(0, -1) : encodedAuth;

	const pairs = [...userQueryPairs(ctx), ...signedAuth];
	const added = signedAuth.map(([k]) => k).join(', ');
	const canonical = assembleCanonicalRequest({
		method: { value: ctx.method, input: req.method },
		path: canonicalPathFor(ctx),
		query: {
			value: canonicalQueryString(pairs),
			input: ctx.url.query ?? '',
			rules: [...queryRules(ctx, pairs), `${added} added before signing; X-Amz-Signature is never part of it`]
		},
		headers: canonicalHeaders(headers, signed),
		payloadHash: payload
	});
	const stages = await signatureStages(canonical.text, params, ctx.date, ctx.scope);

	const base = urlWithoutDropped(ctx, req.url);
	const suffix = [...encodedAuth, ['X-Amz-Signature', stages.signature]].map(([k, v]) => `${k}=${v}`).join('&');
	// Append to whatever query the URL has, even one of empty parameters only ("?&").
	const q = base.indexOf('?');
	const signedUrl = base + (q < 0 ? '?' : q === base.length - 1 || base.endsWith('&') ? '' : '&') + suffix;

	const sent: SigningTrace['request'] = { method: ctx.method, url: signedUrl, headers };
	if (req.body !== undefined) sent.body = req.body;
	return {
		mode: 'query',
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
		signedUrl
	};
}
