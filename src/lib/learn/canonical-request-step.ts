import type { LearnContext } from './learn-context.ts';
import type { LearnStep } from './types.ts';

/** The canonical request assembled from its parts: the whole pane. */
export function canonicalRequestStep(lc: LearnContext, canonicalRequest: string, reads: string): LearnStep {
	const lineCount = canonicalRequest.split('\n').length;
	return {
		id: lc.ids.take('canonical-request'),
		title: 'Canonical request',
		reads,
		output: canonicalRequest,
		highlight: { pane: 'canonicalRequest', start: 0, end: canonicalRequest.length },
		explanation:
			'The six parts joined with a newline (LF, never CRLF): method, canonical URI, canonical query string, canonical headers ' +
			`(which end with an empty line), signed headers and payload hash, with no newline at the end: ${lineCount} lines here. ` +
			'One byte different anywhere, and AWS answers SignatureDoesNotMatch.',
		docUrl: lc.canonicalDoc,
		mistakes: ['crlf-line-endings', 'missing-blank-line', 'query-line-missing', 'trailing-newline', 'canonical-request-differs']
	};
}
