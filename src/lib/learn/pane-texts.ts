import { keyChainText, type SigningTrace } from '../sigv4/index.ts';
import type { LearnPane } from './types.ts';

/**
 * The text of each pane as the page shows it, which the steps' highlight offsets index into. The
 * output pane is the Authorization value (header mode) or the presigned URL (query mode).
 */
export function learnPaneTexts(trace: SigningTrace): Record<LearnPane, string> {
	return {
		canonicalRequest: trace.canonicalRequest,
		stringToSign: trace.stringToSign,
		signingKey: keyChainText(trace.keyChain),
		signature: trace.signature,
		output: (trace.mode === 'query' ? trace.signedUrl : trace.authorization) ?? ''
	};
}
