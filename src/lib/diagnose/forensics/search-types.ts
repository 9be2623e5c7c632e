import type { Mistake } from './catalogue.ts';
import type { Model, Plan } from './model.ts';
import type { PlanSigner, Rendered } from './plan-signer.ts';
import type { Finding, Stage } from '../types.ts';

export interface ForensicsResult {
	/** Confirmed findings: the mistakes that reproduce the user's signature exactly. */
	findings: Finding[];
	/** Each stage as the user's signer must have made it, where it differs from the correct one. */
	mutated?: { stage: Stage; text: string }[];
	/** Distinct candidate signatures computed. */
	tried: number;
	/**
	 * Headers the client must send, with these values, for the user's signature to be valid (a
	 * presigned URL that signs SSE headers or a Content-Type the request does not carry).
	 */
	sends?: [name: string, value: string][];
	/** How far the search went: 'triples' when it tried triples, and whether it stopped at its time bound. */
	depth?: 'single' | 'pairs' | 'triples';
	timedOut?: boolean;
}

export interface Target {
	text: string;
	bytes: Uint8Array;
	/** How the user wrote it: only 'hex' (lowercase) is right, the others are findings of their own. */
	form: 'hex' | 'upper' | 'base64';
}

export interface Candidate {
	mistakes: Mistake[];
	plan: Plan;
	rendered: Rendered;
}

/** Everything a search shares: the model, the signer with its caches, the mistakes that change something. */
export interface Search {
	model: Model;
	signer: PlanSigner;
	target: Target;
	singles: Candidate[];
	formats: Mistake[];
	baseId: string;
}
