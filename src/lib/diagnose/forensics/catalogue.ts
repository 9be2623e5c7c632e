import type { Mistake, MistakeKind } from './mistake.ts';
import type { Model } from './model.ts';
import { CANONICAL_REQUEST } from './catalogue-request.ts';
import { REAL_WORLD } from './catalogue-real-world.ts';
import { SIGNATURE, SIGNING_KEY, STRING_TO_SIGN } from './catalogue-signing.ts';

export type { Mistake, MistakeKind };

/** The catalogue, in the order findings are preferred when two mistakes explain the same signature. */
export const FORENSIC_MISTAKES: readonly MistakeKind[] = [
	...CANONICAL_REQUEST,
	...REAL_WORLD,
	...STRING_TO_SIGN,
	...SIGNING_KEY,
	...SIGNATURE
];

/** Every concrete mistake the catalogue allows for this request. */
export function mistakesFor(model: Model): Mistake[] {
	return FORENSIC_MISTAKES.flatMap((k) => k.expand(model));
}

/** Two mistakes combine when they change different things (never two orders, two paths, two regions). */
export function compatible(a: Mistake, b: Mistake): boolean {
	return !a.touches.some((t) => b.touches.includes(t));
}
