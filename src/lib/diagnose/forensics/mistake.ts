import type { FindingCode } from '../../findings/index.ts';
import type { Model, Plan } from './model.ts';
import type { Stage } from '../types.ts';

/** One concrete mistake for one request: what the user's signer did differently, as a plan change. */
export interface Mistake {
	/** Unique within a search, e.g. "header-unsigned:content-type". */
	id: string;
	/** The catalogue entry it comes from. */
	kind: string;
	code: FindingCode;
	/** The stage the mistake is made in; the finding's line points into this stage. */
	stage: Stage;
	/** What it changes; two mistakes that touch the same thing cannot be combined. */
	touches: readonly string[];
	message: string;
	fix: string;
	/** Pure: the plan with this mistake made. */
	apply(plan: Plan): Plan;
	/** Signature text formats change no byte: they are matched on the user's text, not re-signed. */
	format?: 'upper' | 'base64';
}

/** A catalogue entry: a kind of mistake, expanded into the concrete mistakes a request allows. */
export interface MistakeKind {
	id: string;
	code: FindingCode;
	stage: Stage;
	summary: string;
	expand(model: Model): Mistake[];
}

export type Variant = { suffix?: string; message: string; apply(plan: Plan): Plan; touches?: readonly string[]; code?: FindingCode };

/** A catalogue entry from its variants: each variant is one concrete mistake with the entry's code, stage and fix. */
export function kind(
	id: string,
	code: FindingCode,
	stage: Stage,
	touches: readonly string[],
	summary: string,
	fix: string,
	variants: (model: Model) => Variant[]
): MistakeKind {
	return {
		id,
		code,
		stage,
		summary,
		expand: (model) =>
			variants(model).map((v) => ({
				id: v.suffix ? `${id}:${v.suffix}` : id,
				kind: id,
				code: v.code ?? code,
				stage,
				touches: v.touches ?? touches,
				message: v.message,
				fix,
				apply: v.apply
			}))
	};
}
