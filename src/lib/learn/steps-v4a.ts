import {
	formatHttpRequest,
	headersToSign,
	prepareRequestV4a,
	publicKeyText,
	REGION_SET_HEADER,
	requestSideV4a,
	serviceRules,
	SESSION_TOKEN_HEADER,
	type HttpRequest,
	type SigningParamsV4a,
	type SigningTraceV4a
} from '../sigv4/index.ts';
import { placeBlocks } from './canonical-block.ts';
import { canonicalRequestStep } from './canonical-request-step.ts';
import { DOC_URLS } from './doc-urls.ts';
import { headerSteps } from './header-steps.ts';
import type { LearnContext } from './learn-context.ts';
import { methodStep } from './method-step.ts';
import { pathSteps } from './path-steps.ts';
import { payloadStep } from './payload-step.ts';
import { placementStep } from './placement-step.ts';
import { querySteps } from './query-steps.ts';
import { StepIds } from './step-ids.ts';
import type { LearnPane, LearnStep } from './types.ts';
import { keyAndSignatureStepsV4a, stringToSignStepsV4a } from './v4a-steps.ts';

export interface LearnInputV4a {
	request: HttpRequest;
	params: SigningParamsV4a;
	/** The core's SigV4a trace for exactly this request and these params. */
	trace: SigningTraceV4a;
}

/** The panes a SigV4a walk points into: the key pane shows the public key. */
export function learnPaneTextsV4a(trace: SigningTraceV4a): Record<LearnPane, string> {
	return {
		canonicalRequest: trace.canonicalRequest,
		stringToSign: trace.stringToSign,
		signingKey: publicKeyText(trace.publicKey),
		signature: trace.signature,
		output: (trace.mode === 'query' ? trace.signedUrl : trace.authorization) ?? ''
	};
}

/** The signer's own reading of the request, as createLearnContext makes it for SigV4. */
function learnContextV4a({ request, params, trace }: LearnInputV4a): LearnContext {
	const { ctx, v4Params, regionSet } = prepareRequestV4a(request, params, trace.mode);
	const s3 = serviceRules(params.service).s3Style;
	const headers = trace.mode === 'header' ? trace.request.headers.slice(0, -1) : trace.request.headers.slice();
	const signed = headersToSign(headers, v4Params);
	if (trace.mode === 'header') signed.add(REGION_SET_HEADER);
	if (trace.mode === 'header' && params.credentials.sessionToken && params.signSessionToken === false) signed.delete(SESSION_TOKEN_HEADER);
	return {
		request,
		params: v4Params,
		trace: requestSideV4a(trace),
		ctx,
		s3,
		headers,
		signed,
		canonicalDoc: DOC_URLS.canonicalRequest,
		ids: new StepIds(),
		v4a: { regionSet }
	};
}

/**
 * The SigV4a walk: the canonical request as SigV4's (the region set one more signed header or
 * parameter), then its own string to sign, key pair and ECDSA signature, and the placement.
 */
export function buildStepsV4a(input: LearnInputV4a): LearnStep[] {
	const lc = learnContextV4a(input);
	const { headers, signedHeaders } = headerSteps(lc);
	const canonical = placeBlocks([methodStep(lc), pathSteps(lc), querySteps(lc), headers, signedHeaders, payloadStep(lc)]);
	const head = formatHttpRequest({ ...input.request, body: undefined }).replace(/\n+$/, '');
	const steps = [
		...canonical.steps,
		canonicalRequestStep(lc, canonical.text, head),
		...stringToSignStepsV4a(lc, input.trace, canonical.text),
		...keyAndSignatureStepsV4a(lc, input.trace),
		placementStep(lc)
	];
	const panes = learnPaneTextsV4a(input.trace);
	// As for SigV4: a highlight stays only where it points at its own output.
	return steps.map((step) => {
		const h = step.highlight;
		if (!h || panes[h.pane].slice(h.start, h.end) === step.output) return step;
		const { highlight: _dropped, ...rest } = step;
		return rest;
	});
}
