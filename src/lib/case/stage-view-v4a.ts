import { publicKeyText, type SigningTraceV4a } from '../sigv4/index.ts';
import type { StageName } from './case.ts';
import { SECRET_NEEDED, shownCurl, shownRequest, type StageView } from './stage-view.ts';

/**
 * The panes' stages for a SigV4a trace. Edited stages are not signed again (an ECDSA signature
 * needs the private key, which the page does not keep outside the signer): said, not hidden.
 */
export function stageViewV4a(trace: SigningTraceV4a, overrides: Partial<Record<StageName, string>>, needsSecret: boolean): StageView {
	const view: StageView = {
		mode: trace.mode,
		canonicalRequest: trace.canonicalRequest,
		stringToSign: trace.stringToSign,
		signingKey: publicKeyText(trace.publicKey),
		signature: trace.signature,
		signedRequest: shownRequest(trace.request),
		curl: shownCurl(trace.request),
		provenance: trace.provenance
	};
	if (trace.signedUrl !== undefined) view.presignedUrl = trace.signedUrl;
	if (Object.values(overrides).some((v) => v !== undefined)) {
		view.overrideProblem = 'Edited stages are not applied to SigV4a requests: each stage shown is the one computed.';
	}
	if (needsSecret) {
		view.needsSecret = true;
		view.signingKey = SECRET_NEEDED;
		view.signature = SECRET_NEEDED;
		view.signedRequest = SECRET_NEEDED;
		view.curl = SECRET_NEEDED;
		if (view.presignedUrl !== undefined) view.presignedUrl = SECRET_NEEDED;
	}
	return view;
}

/** Whether the case's texts name SigV4a: its inputs are read without a region (the scope has none). */
export function looksLikeSigV4a(texts: (string | undefined)[]): boolean {
	return texts.some((t) => t !== undefined && /AWS4-ECDSA-P256-SHA256/i.test(t));
}
