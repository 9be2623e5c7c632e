import { analyze, exampleCase } from '$lib/case';

/**
 * The example's analysis, computed once when the site is built by the same core the page runs:
 * the prerendered page shows its stages, and the page starts from it instead of signing again.
 */
export async function load() {
	return { first: await analyze(exampleCase()) };
}
