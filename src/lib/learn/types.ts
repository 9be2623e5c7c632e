import type { FindingCode } from '../findings/index.ts';
import type { HttpRequest, SigningParams, SigningParamsV2, SigningTrace, SigningTraceV2 } from '../sigv4/index.ts';

/**
 * The stage panes a step can point into. Their texts are fixed by `learnPaneTexts` so that the
 * walk-through and the page agree on every character offset.
 */
export type LearnPane = 'canonicalRequest' | 'stringToSign' | 'signingKey' | 'signature' | 'output';

export interface LearnHighlight {
	pane: LearnPane;
	/** [start, end) in UTF-16 code units of the pane's text: `text.slice(start, end) === step.output`. */
	start: number;
	end: number;
}

/** One step of the walk-through, from the raw request to the signature in place. */
export interface LearnStep {
	/** Stable kebab-case, e.g. 'canonical-uri', 'query-param-2', 'header-host': it goes into share links. */
	id: string;
	/** Short, e.g. 'Canonical URI'. */
	title: string;
	/**
	 * The part of the user's request this step reads, verbatim (the path, the header lines…); for the
	 * later stages, the stage it starts from. Empty when the step reads nothing from the request.
	 */
	reads: string;
	/** The exact text this step produces. */
	output: string;
	/** Where the output sits in a stage pane; absent when it sits in none (e.g. the headers left unsigned). */
	highlight?: LearnHighlight;
	/** Plain-language explanation of the rule, specific to this request. */
	explanation: string;
	/** The matching section of the AWS documentation. */
	docUrl: string;
	/** Common mistakes at this step, as finding codes the page can link to. */
	mistakes: FindingCode[];
}

export interface LearnInput {
	request: HttpRequest;
	params: SigningParams;
	/** The core's trace for exactly this request and these params (signRequest or presignUrl). */
	trace: SigningTrace;
}

/** The SigV2 track's input: the request as written (before SigV2 added anything), and the core's SigV2 trace of it. */
export interface LearnInputV2 {
	request: HttpRequest;
	params: SigningParamsV2;
	trace: SigningTraceV2;
	/** The same request signed with SigV4, for the step that says what changed. */
	v4?: SigningTrace;
}
