import { checkAuthorization } from './check-authorization.ts';
import { checkRequest } from './check-request.ts';
import { checkServer } from './check-server.ts';
import { checkSigv2 } from './check-sigv2.ts';
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
export { FINDING_CODES, type FindingCode } from './codes.ts';

function authorizationOf(evidence: Evidence): ParsedAuthorization | undefined {
	const text = evidence.provided?.authorization ?? evidence.request.headers?.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
	return text !== undefined && text.trim() !== '' ? parseAuthorization(text) : undefined;
}

function signedUrlOf(evidence: Evidence): ParsedSignedUrl | undefined {
	const given = evidence.provided?.signedUrl;
	return (given !== undefined ? parseSignedUrl(given) : undefined) ?? parseSignedUrl(evidence.request.url ?? '');
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

	const userSigned = userSignedHeaders(auth, url, user);
	const reference = await referenceTrace(evidence, userSigned?.names, list);
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
	checkAuthorization(ctx, list);
	await checkRequest(ctx, list);
	checkTime(ctx, list);
	await checkServer(ctx, list);
	await compareSignature(ctx, list);
	return list.sorted();
}
