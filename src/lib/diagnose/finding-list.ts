import { rankFindings, withoutIncompatible, type FindingCode } from '../findings/index.ts';
import { makeFinding, type FindingFields } from './make-finding.ts';
import type { Finding, Stage } from './types.ts';

/**
 * Findings of one code kept in a diagnosis: a text of thousands of faulty lines is explained by the
 * first few, and the rest are counted, so the work and the list stay in proportion to the mistakes.
 */
export const MAX_SAME_CODE = 20;

/**
 * The findings of one diagnosis. The same mistake often shows in several texts (a wrong region in
 * the string to sign, the Authorization header and the server's reply): a `key` names the mistake
 * so that it is reported once, from the first (most precise) text that shows it.
 */
export class FindingList {
	readonly #items: Finding[] = [];
	readonly #keys = new Set<string>();
	/** Findings of each code kept, and those left out past MAX_SAME_CODE. */
	readonly #kept = new Map<FindingCode, number>();
	readonly #left = new Map<FindingCode, number>();
	/** The errors left out, by stage: callers that count errors see them as made. */
	readonly #leftErrors = new Map<Stage, number>();
	#leftCount = 0;

	add(code: FindingCode, fields: FindingFields, key?: string): void {
		if (key !== undefined) {
			if (this.#keys.has(key)) return;
			this.#keys.add(key);
		}
		const kept = this.#kept.get(code) ?? 0;
		const finding = makeFinding(code, fields);
		if (kept >= MAX_SAME_CODE) {
			this.#left.set(code, (this.#left.get(code) ?? 0) + 1);
			this.#leftCount++;
			if (finding.severity === 'error') this.#leftErrors.set(finding.stage, (this.#leftErrors.get(finding.stage) ?? 0) + 1);
			return;
		}
		this.#kept.set(code, kept + 1);
		this.#items.push(finding);
	}

	hasKey(key: string): boolean {
		return this.#keys.has(key);
	}

	has(code: FindingCode): boolean {
		return this.#items.some((f) => f.code === code);
	}

	/** How many findings so far: callers compare before and after to know whether they explained a difference. */
	get size(): number {
		return this.#items.length + this.#leftCount;
	}

	/** Errors so far: a comparison that added none has not explained the difference it saw. */
	get errors(): number {
		let left = 0;
		for (const n of this.#leftErrors.values()) left += n;
		return this.#items.filter((f) => f.severity === 'error').length + left;
	}

	errorsIn(stage: Stage): number {
		return this.#items.filter((f) => f.stage === stage && f.severity === 'error').length + (this.#leftErrors.get(stage) ?? 0);
	}

	/**
	 * The diagnosis: without the findings a stronger one contradicts (the incompatible table of
	 * findings/), root cause first (rankFindings).
	 */
	sorted(): Finding[] {
		const items = this.#items.map((f) => {
			const left = this.#left.get(f.code);
			if (left === undefined || f !== this.#items.findLast((g) => g.code === f.code)) return f;
			return { ...f, message: `${f.message} (And ${left.toLocaleString('en-US')} more like it, not listed.)` };
		});
		return rankFindings(withoutIncompatible(items));
	}
}
