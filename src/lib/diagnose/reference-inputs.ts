import {
	AMZ_DATE_HEADER,
	AUTH_HEADER,
	CONTENT_SHA256_HEADER,
	GENERATED_HEADERS,
	SESSION_TOKEN_HEADER,
	serviceRules,
	type HttpRequest,
	type SigningParams
} from '../sigv4/index.ts';
import type { Evidence } from './types.ts';
import { readUserTexts, type UserTexts } from './user-texts.ts';

/** What the correct trace is signed from. */
export interface ReferenceInputs {
	/** The user's request, plus a Content-Length they signed and their HTTP client adds. */
	request: HttpRequest;
	params: SigningParams;
}

/** Lowercased names of the headers the request sends, without the signature's own. */
export function sentHeaderNames(evidence: Evidence): Set<string> {
	const names = new Set<string>();
	for (const [name] of evidence.request.headers ?? []) {
		const lower = name.toLowerCase();
		// In query mode the signer computes the date and token parameters: the request's own headers are dropped.
		if (lower === AUTH_HEADER || (evidence.mode === 'query' && GENERATED_HEADERS.has(lower))) continue;
		names.add(lower);
	}
	return names;
}

/** Headers a header-mode signer adds to the request (and signs). */
export function signerAddedHeaders(evidence: Evidence, params: SigningParams): string[] {
	if (evidence.mode !== 'header') return [];
	const added = [AMZ_DATE_HEADER];
	if (params.credentials.sessionToken) added.push(SESSION_TOKEN_HEADER);
	if (params.contentSha256Header ?? serviceRules(params.service ?? '').contentSha256Header) added.push(CONTENT_SHA256_HEADER);
	return added;
}

/** Server-side encryption headers, the copy-source ones included. */
const SSE_HEADER = /^x-amz-(?:copy-source-)?server-side-encryption(?:-|$)/;

/**
 * A signed header the request does not carry that the correct URL still signs: the SSE headers of
 * a presigned URL. They are what the URL is for (whoever uses it must send them); dropping them
 * would hand the user a "correct" URL that uploads without the encryption they asked for.
 */
function keptUnsent(evidence: Evidence, name: string): boolean {
	return evidence.mode === 'query' && SSE_HEADER.test(name);
}

/**
 * The headers the correct request signs when the user chose a set: theirs, less names the request
 * does not carry (but a presigned URL's SSE headers), plus what must be signed (host, every
 * x-amz-* header, the signer's own). A valid choice (not signing Content-Type) is kept, so it is
 * not reported as a difference.
 */
function referenceSignedHeaders(evidence: Evidence, params: SigningParams, userSigned: string[]): string[] {
	const sent = sentHeaderNames(evidence);
	const added = signerAddedHeaders(evidence, params);
	const names = new Set(['host', ...added]);
	for (const name of userSigned) if (sent.has(name) || added.includes(name) || keptUnsent(evidence, name)) names.add(name);
	for (const name of sent) if (name.startsWith('x-amz-')) names.add(name);
	return [...names];
}

/**
 * A signed Content-Length that the pasted request lacks (curl, fetch and SDKs add it when they send
 * a body): the request as sent has it, with the body's length.
 */
function withClientContentLength(evidence: Evidence, userSigned: string[] | undefined): HttpRequest {
	const req = evidence.request;
	const body = req.body;
	if (!userSigned?.includes('content-length') || body === undefined || body.length === 0) return req;
	if ((req.headers ?? []).some(([n]) => n.toLowerCase() === 'content-length')) return req;
	const length = typeof body === 'string' ? new TextEncoder().encode(body).length : body.length;
	return { ...req, headers: [...(req.headers ?? []), ['Content-Length', String(length)]] };
}

/** referenceInputs, from texts already read. */
export function inputsFrom(evidence: Evidence, texts: UserTexts): ReferenceInputs {
	const params: SigningParams = { ...evidence.params, credentials: { ...evidence.params.credentials } };
	const signed = texts.userSigned?.names;
	if (!params.signedHeaders && signed) params.signedHeaders = referenceSignedHeaders(evidence, params, signed);
	// The expiry the user's URL says, when none was set: it is part of what they signed.
	const expires = texts.url?.expires;
	if (evidence.mode === 'query' && params.expiresIn === undefined && expires !== undefined && /^\d+$/.test(expires)) {
		params.expiresIn = Number(expires);
	}
	return { request: withClientContentLength(evidence, signed), params };
}

/**
 * The request and parameters the correct trace is signed with: the user's request and parameters,
 * signing the user's own valid SignedHeaders choice, with the Content-Length their client adds and
 * the expiry their URL says. A caller that signs these (signRequest in header mode, presignUrl in
 * query mode) may pass the trace to diagnose, which then does not sign again.
 */
export function referenceInputs(evidence: Evidence): ReferenceInputs {
	return inputsFrom(evidence, readUserTexts(evidence));
}
