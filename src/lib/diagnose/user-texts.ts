import { AUTH_HEADER } from '../sigv4/index.ts';
import {
	parseAuthorization,
	parseCanonicalRequest,
	parseSignedUrl,
	type ParsedAuthorization,
	type ParsedCanonicalRequest,
	type ParsedSignedUrl
} from '../parse/index.ts';
import type { Evidence } from './types.ts';
import { userSignedHeaders, type UserSigned } from './user-signed-headers.ts';

/** What the user's signer made, read once: their Authorization header, presigned URL, canonical request and SignedHeaders. */
export interface UserTexts {
	auth?: ParsedAuthorization;
	url?: ParsedSignedUrl;
	user?: ParsedCanonicalRequest;
	userSigned?: UserSigned;
}

/**
 * The user's Authorization header: the one given, or the request's own when it is a SigV4 one (in
 * header mode) or a SigV2 one. Anything else in the request (a bearer token, a stale value) is
 * what the signer replaces, not the user's signature.
 */
function authorizationOf(evidence: Evidence): ParsedAuthorization | undefined {
	const given = evidence.provided?.authorization;
	if (given !== undefined && given.trim() !== '') return parseAuthorization(given);
	const own = evidence.request.headers?.find(([n]) => n.toLowerCase() === AUTH_HEADER)?.[1];
	if (own === undefined) return undefined;
	const parsed = parseAuthorization(own);
	if (parsed.sigv2 || (evidence.mode === 'header' && parsed.scheme.startsWith('AWS4-'))) return parsed;
	return undefined;
}

/**
 * The user's presigned URL: the one given, or the request URL when it carries a SigV4 credential
 * or SigV2 fields. A lone stale X-Amz-Signature (a pasted URL to sign again) does not make one,
 * and in header mode the signer drops such parameters anyway.
 */
function signedUrlOf(evidence: Evidence): ParsedSignedUrl | undefined {
	const given = evidence.provided?.signedUrl;
	if (given !== undefined) {
		const parsed = parseSignedUrl(given);
		if (parsed) return parsed;
	}
	const own = parseSignedUrl(evidence.request.url ?? '');
	if (!own) return undefined;
	if (own.sigv2.length > 0) return own;
	return evidence.mode === 'query' && (own.credential !== undefined || own.algorithm !== undefined) ? own : undefined;
}

export function readUserTexts(evidence: Evidence): UserTexts {
	const texts: UserTexts = {};
	const auth = authorizationOf(evidence);
	const url = signedUrlOf(evidence);
	const cr = evidence.provided?.canonicalRequest;
	const user = cr !== undefined ? parseCanonicalRequest(cr) : undefined;
	const userSigned = userSignedHeaders(auth, url, user);
	if (auth) texts.auth = auth;
	if (url) texts.url = url;
	if (user) texts.user = user;
	if (userSigned) texts.userSigned = userSigned;
	return texts;
}
