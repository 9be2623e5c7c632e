import { checkAuthorization } from './check-authorization.ts';
import { checkPostPolicy, isPostForm } from './check-post-policy.ts';
import { checkRequest } from './check-request.ts';
import { checkServer } from './check-server.ts';
import { checkSigv2 } from './check-sigv2.ts';
import { checkSse } from './check-sse.ts';
import { checkTime } from './check-time.ts';
import { checkLineEnds, compareCanonicalRequest } from './compare-canonical-request.ts';
import { compareSignature } from './compare-signature.ts';
import { compareStringToSign } from './compare-string-to-sign.ts';
import { buildContext } from './diagnose-context.ts';
import { FindingList } from './finding-list.ts';
import { parseAuthorization, type ParsedAuthorization } from './parse-authorization.ts';
import { parseCanonicalRequest } from './parse-canonical-request.ts';
import { parseSignedUrl, type ParsedSignedUrl } from './parse-signed-url.ts';
import { referenceTrace } from './reference-trace.ts';
import type { Evidence, Finding } from './types.ts';
import { userSignedHeaders } from './user-signed-headers.ts';

export type { Evidence, Finding, Stage } from './types.ts';
export { FINDING_CODES, type FindingCode } from '../findings/index.ts';

/**
 * The user's Authorization header: the one given, or the request's own when it is a SigV4 one (in
 * header mode) or a SigV2 one. Anything else in the request (a bearer token, a stale value) is
 * what the signer replaces, not the user's signature.
 */
function authorizationOf(evidence: Evidence): ParsedAuthorization | undefined {
	const given = evidence.provided?.authorization;
	if (given !== undefined && given.trim() !== '') return parseAuthorization(given);
	const own = evidence.request.headers?.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
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

/**
 * Names each mistake that makes the user's request fail: computes the correct stages for the
 * request they meant, then compares what their signer made (canonical request, string to sign,
 * signature, Authorization header or presigned URL) and what the server said against it, and
 * checks the request itself. A correct request yields no finding of severity 'error'.
 */
export async function diagnose(evidence: Evidence): Promise<Finding[]> {
	const list = new FindingList();
	const provided = evidence.provided ?? {};
	const auth = authorizationOf(evidence);
	const url = signedUrlOf(evidence);
	const user = provided.canonicalRequest !== undefined ? parseCanonicalRequest(provided.canonicalRequest) : undefined;
	checkSigv2(evidence, auth, url, list);
	checkSse(evidence, auth, url, list);
	if (isPostForm(evidence)) {
		// A POST upload's signature and string to sign are the policy's: comparing them with a header-signed request would only report noise.
		await checkPostPolicy(evidence, list);
		return list.sorted();
	}

	const userSigned = userSignedHeaders(auth, url, user);
	const reference = await referenceTrace(
		evidence,
		{ ...(userSigned ? { signedHeaders: userSigned.names } : {}), ...(url?.expires !== undefined ? { expires: url.expires } : {}) },
		list
	);
	if (!reference) {
		// Nothing to compare against: only what the texts show on their own.
		if (provided.canonicalRequest !== undefined) checkLineEnds(provided.canonicalRequest, 'canonical-request', list);
		if (provided.stringToSign !== undefined) checkLineEnds(provided.stringToSign, 'string-to-sign', list);
		return list.sorted();
	}
	const ctx = buildContext(evidence, reference, {
		...(auth ? { auth } : {}),
		...(url ? { url } : {}),
		...(user ? { user } : {}),
		...(userSigned ? { userSigned } : {})
	});

	if (user) compareCanonicalRequest(user, ctx, list);
	if (provided.stringToSign !== undefined) await compareStringToSign(provided.stringToSign, ctx, list, 'user');
	// The server's word first: where it names a mistake the request checks would also find, its finding is the confirmed one.
	await checkServer(ctx, list);
	checkAuthorization(ctx, list);
	await checkRequest(ctx, list);
	checkTime(ctx, list);
	// A SigV2 signature is not compared with SigV4's.
	if (!list.has('sigv2-request')) await compareSignature(ctx, list);
	return list.sorted();
}
