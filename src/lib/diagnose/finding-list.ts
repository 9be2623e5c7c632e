import { rankFindings, withoutIncompatible, type FindingCode } from '../findings/index.ts';
import { makeFinding, type FindingFields } from './make-finding.ts';
import type { Finding, Stage } from './types.ts';

/**
 * The findings of one diagnosis. The same mistake often shows in several texts (a wrong region in
 * the string to sign, the Authorization header and the server's reply): a `key` names the mistake
 * so that it is reported once, from the first (most precise) text that shows it.
 */
export class FindingList {
	readonly #items: Finding[] = [];
	readonly #keys = new Set<string>();

	add(code: FindingCode, fields: FindingFields, key?: string): void {
		if (key !== undefined) {
			if (this.#keys.has(key)) return;
			this.#keys.add(key);
		}
		this.#items.push(makeFinding(code, fields));
	}

	hasKey(key: string): boolean {
		return this.#keys.has(key);
	}

	has(code: FindingCode): boolean {
		return this.#items.some((f) => f.code === code);
	}

	/** How many findings so far: callers compare before and after to know whether they explained a difference. */
	get size(): number {
		return this.#items.length;
	}

	/** Errors so far: a comparison that added none has not explained the difference it saw. */
	get errors(): number {
		return this.#items.filter((f) => f.severity === 'error').length;
	}

	errorsIn(stage: Stage): number {
		return this.#items.filter((f) => f.stage === stage && f.severity === 'error').length;
	}

	/**
	 * The diagnosis: without the findings a stronger one contradicts (the incompatible table of
	 * findings/), root cause first (rankFindings).
	 */
	sorted(): Finding[] {
		return rankFindings(withoutIncompatible(this.#items));
	}
}
