import { formatHttpRequest, type AuthMode } from '../sigv4/index.ts';
import { placeBlocks } from './canonical-block.ts';
import { learnPaneTexts } from './pane-texts.ts';
import { headerSteps } from './header-steps.ts';
import { keyChainSteps } from './key-chain-steps.ts';
import { signatureStep } from './signature-step.ts';
import { createLearnContext } from './learn-context.ts';
import { methodStep } from './method-step.ts';
import { pathSteps } from './path-steps.ts';
import { payloadStep } from './payload-step.ts';
import { placementStep } from './placement-step.ts';
import { querySteps } from './query-steps.ts';
import { stringToSignSteps } from './string-to-sign-steps.ts';
import { canonicalRequestStep } from './canonical-request-step.ts';
import type { LearnInput, LearnStep } from './types.ts';

export type { LearnHighlight, LearnInput, LearnPane, LearnStep } from './types.ts';
export { learnPaneTexts };

/** The request line and headers as the user wrote them (no body): what the canonical request is made from. */
function requestHead(input: LearnInput): string {
	return formatHttpRequest({ ...input.request, body: undefined }).replace(/\n+$/, '');
}

/**
 * Header and presigned-URL signing share one walk: the canonical request, the string to sign, the
 * key chain, the signature; they differ in the query's X-Amz-* parameters, the payload hash and
 * where the signature goes, which the step builders read from the trace's mode.
 */
function canonicalRequestWalk(input: LearnInput): LearnStep[] {
	const lc = createLearnContext(input);
	const { headers, signedHeaders } = headerSteps(lc);
	// The AWS pseudo-code: method, URI, query, headers (ending in "\n"), signed headers, payload hash, joined with "\n".
	const canonical = placeBlocks([methodStep(lc), pathSteps(lc), querySteps(lc), headers, signedHeaders, payloadStep(lc)]);
	return [
		...canonical.steps,
		canonicalRequestStep(lc, canonical.text, requestHead(input)),
		...stringToSignSteps(lc, canonical.text),
		...keyChainSteps(lc),
		signatureStep(lc),
		placementStep(lc)
	];
}

/**
 * The walk for each signing mode that has a canonical request. POST policy uploads have none and
 * walk their own way (post-steps.ts). The Record type makes the compiler ask for a walk as soon
 * as AuthMode grows.
 */
const WALKS: Record<AuthMode, (input: LearnInput) => LearnStep[]> = {
	header: canonicalRequestWalk,
	query: canonicalRequestWalk
};

/**
 * Every step from the raw request to the signature in place, for the request the trace was signed
 * from. Pure and synchronous: outputs come from the core's own rules, and the hashes and HMACs
 * (asynchronous in WebCrypto) from the trace; tests prove the steps rebuild the trace exactly.
 */
export function buildSteps(input: LearnInput): LearnStep[] {
	return withTrueHighlights(WALKS[input.trace.mode](input), input);
}

/**
 * Keeps a highlight only where it points at its own output. With the trace of this very request
 * that is every highlight (the tests prove it); with a stale one (mid-edit, before re-signing ends)
 * the page must not light up the wrong text, so those highlights go.
 */
function withTrueHighlights(steps: LearnStep[], { trace }: LearnInput): LearnStep[] {
	const panes = learnPaneTexts(trace);
	return steps.map((step) => {
		const h = step.highlight;
		if (!h || (h.start >= 0 && panes[h.pane].slice(h.start, h.end) === step.output)) return step;
		const { highlight: _dropped, ...rest } = step;
		return rest;
	});
}
export { buildStepsV4a, learnPaneTextsV4a, type LearnInputV4a } from './steps-v4a.ts';
export { KEY_PANE_LABEL_V4A } from './key-pane-label-v4a.ts';
