import { checkAppSyncRealtime } from './check/appsync-realtime.ts';
import { checkAuthToken, explainEksMismatch } from './check/auth-token.ts';
import { checkAuthorization } from './check/authorization.ts';
import { checkChecksums } from './check/checksums.ts';
import { checkLoneSurrogate } from './check/lone-surrogate.ts';
import { checkPostPolicy, isPostForm } from './check/post-policy.ts';
import { checkRequest } from './check/request.ts';
import { checkServer } from './check/server.ts';
import { checkSigv2 } from './check/sigv2.ts';
import { checkS3Express } from './check/s3-express.ts';
import { checkSse } from './check/sse.ts';
import { checkTime } from './check/time.ts';
import { checkWebSocketPort } from './check/websocket-port.ts';
import { checkLineEnds, compareCanonicalRequest } from './compare/canonical-request.ts';
import { compareKeyChain } from './compare/key-chain.ts';
import { compareSignature } from './compare/signature.ts';
import { compareStringToSign } from './compare/string-to-sign.ts';
import { buildContext } from './context.ts';
import { FindingList } from './finding-list.ts';
import { inputsFrom } from './reference-inputs.ts';
import { referenceTrace } from './reference-trace.ts';
import { checkSessionTokenSigned } from './session-token-signed.ts';
import { readUserTexts } from './user-texts.ts';
import { diagnoseV4a, type DiagnosisV4a } from './v4a/diagnose-v4a.ts';
import { isSigV4aEvidence } from './v4a/detect.ts';
import type { SigningTrace } from '../sigv4/index.ts';
import type { Evidence, Finding } from './types.ts';

export type { Evidence, Finding, Stage } from './types.ts';
export { FINDING_CODES, type FindingCode, incompatiblePairs, rankFindings, verdictOf, type Verdict } from '../findings/index.ts';
export { referenceInputs, type ReferenceInputs } from './reference-inputs.ts';
export type { DiagnosisV4a } from './v4a/diagnose-v4a.ts';

/** The SigV4a diagnosis (its findings, correct trace and verification) when the evidence is a SigV4a request; else undefined. */
export async function diagnoseSigV4a(evidence: Evidence): Promise<DiagnosisV4a | undefined> {
	const texts = readUserTexts(evidence);
	return isSigV4aEvidence(evidence, texts) ? diagnoseV4a(evidence, texts) : undefined;
}
export {
	searchSingleMistakes,
	searchMistakePairs,
	targetSignature,
	type ForensicsResult,
	type ForensicsWorkerMessage,
	type ForensicsWorkerRequest,
	type PairSearchOptions
} from './forensics/search.ts';

/**
 * Names each mistake that makes the user's request fail: takes the correct stages for the request
 * they meant (`trace`, when the caller signed referenceInputs(evidence) already; else signed here),
 * then compares what their signer made (canonical request, string to sign,
 * signature, Authorization header or presigned URL) and what the server said against it, and
 * checks the request itself. A correct request yields no finding of severity 'error'.
 */
export async function diagnose(evidence: Evidence, trace?: SigningTrace): Promise<Finding[]> {
	const list = new FindingList();
	const provided = evidence.provided ?? {};
	const texts = readUserTexts(evidence);
	// SigV4a is judged on its own terms: an ECDSA signature is verified, never compared with an HMAC.
	if (isSigV4aEvidence(evidence, texts)) return (await diagnoseV4a(evidence, texts)).findings;
	const { auth, url, user } = texts;
	checkSigv2(evidence, auth, url, list);
	checkSse(evidence, auth, url, list);
	checkS3Express(evidence, auth, url, list);
	checkAuthToken(evidence, auth, url, list);
	checkLoneSurrogate(evidence, list);
	await compareKeyChain(evidence, list);
	if (isPostForm(evidence)) {
		// A POST upload's signature and string to sign are the policy's: comparing them with a header-signed request would only report noise.
		await checkPostPolicy(evidence, list);
		return list.sorted();
	}

	const reference = await referenceTrace(inputsFrom(evidence, texts), evidence.mode, list, trace);
	if (!reference) {
		// Nothing to compare against: only what the texts show on their own.
		if (provided.canonicalRequest !== undefined) checkLineEnds(provided.canonicalRequest, 'canonical-request', list);
		if (provided.stringToSign !== undefined) checkLineEnds(provided.stringToSign, 'string-to-sign', list);
		return list.sorted();
	}
	// A service that wants the session token added after signing is judged against the trace without it.
	// WebSocket presigns: judged, like the token above, against the signer the user ran once their mistake is named.
	const ctx = await checkAppSyncRealtime(
		await checkWebSocketPort(await checkSessionTokenSigned(buildContext(evidence, reference, texts), list), list),
		list
	);

	if (user) compareCanonicalRequest(user, ctx, list);
	if (provided.stringToSign !== undefined) await compareStringToSign(provided.stringToSign, ctx, list, 'user');
	// Checksum findings first (the server's HeadersNotSigned confirms them), then the server's word: where it names a
	// mistake the request checks would also find, its finding is the confirmed one.
	await checkChecksums(ctx, list);
	await checkServer(ctx, list);
	checkAuthorization(ctx, list);
	await checkRequest(ctx, list);
	checkTime(ctx, list);
	// A SigV2 signature is not compared with SigV4's.
	if (!list.has('sigv2-request')) await compareSignature(ctx, list);
	explainEksMismatch(evidence, list);
	return list.sorted();
}
export { analyzeChunkedUpload, type ChunkedAnalysis, type ChunkedEvidence, type ChunkCheck } from './chunked-upload.ts';
