import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import type { LearnStep } from './types.ts';

/** The signature: HMAC of the string to sign under kSigning. */
export function signatureStep(lc: LearnContext): LearnStep {
	const signature = lc.trace.signature;
	return {
		id: lc.ids.take('signature'),
		title: 'Signature',
		reads: 'key: kSigning\ndata: the string to sign',
		output: signature,
		highlight: { pane: 'signature', start: 0, end: signature.length },
		explanation:
			'HMAC-SHA256 of the string to sign, keyed with kSigning; its 32 bytes are written as 64 lowercase hex digits. ' +
			'AWS computes the same from its copy of your secret and compares.',
		docUrl: DOC_URLS.signature,
		mistakes: ['signature-base64', 'hex-uppercase', 'signature-mismatch']
	};
}
