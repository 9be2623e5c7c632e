/** A kebab-case fragment of free text (a header name may hold "_", "." or "!"); '' when nothing is left. */
export function kebab(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * Hands out ids, suffixing a repeat ("header-a-b-2") so that two header names that read the same
 * once made kebab-case ("a_b", "a.b") still give distinct steps.
 */
export class StepIds {
	#used = new Set<string>();

	take(base: string): string {
		let id = base;
		for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
		this.#used.add(id);
		return id;
	}
}
