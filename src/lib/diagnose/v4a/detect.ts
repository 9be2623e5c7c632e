import { ALGORITHM, ALGORITHM_V4A } from '../../sigv4/index.ts';
import { regionSetOf } from '../../parse/index.ts';
import type { Evidence } from '../types.ts';
import type { UserTexts } from '../user-texts.ts';

/** Hex of an HMAC-SHA256: what SigV4 signs with. */
export const HMAC_SIGNATURE = /^[0-9a-f]{64}$/i;
/** Hex DER of a P-256 ECDSA signature (SEQUENCE of two INTEGERs, 68–72 bytes): what SigV4a sends. */
export const ECDSA_SIGNATURE = /^30[0-9a-f]{2}02[0-9a-f]{132,140}$/i;

/** The algorithm the user's texts name: Authorization, X-Amz-Algorithm, or their string to sign. */
export function claimedAlgorithm(evidence: Evidence, texts: UserTexts): string | undefined {
	if (texts.auth && !texts.auth.sigv2) return texts.auth.scheme.toUpperCase();
	if (texts.url?.algorithm !== undefined) return texts.url.algorithm.trim().toUpperCase();
	const first = evidence.provided?.stringToSign?.split('\n')[0]?.trim().toUpperCase();
	return first === ALGORITHM || first === ALGORITHM_V4A ? first : undefined;
}

/** The user's signature as given, in their Authorization header or URL. */
export function givenSignature(evidence: Evidence, texts: UserTexts): string | undefined {
	const candidates = [evidence.provided?.signature, texts.auth?.signature, texts.url?.signature];
	return candidates.map((c) => c?.trim()).find((c) => !!c);
}

/**
 * Whether the evidence is a SigV4a request: its texts name AWS4-ECDSA-P256-SHA256, or they name
 * SigV4 but the signature is an ECDSA one (DER) over a request that carries a region set.
 */
export function isSigV4aEvidence(evidence: Evidence, texts: UserTexts): boolean {
	if (claimedAlgorithm(evidence, texts) === ALGORITHM_V4A) return true;
	const signature = givenSignature(evidence, texts);
	return signature !== undefined && ECDSA_SIGNATURE.test(signature) && regionSetOf(evidence.request) !== undefined;
}
