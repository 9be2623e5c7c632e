import { expect, it } from 'vitest';
import type { SigningParamsV4a } from '../../src/lib/sigv4/index.ts';
import { describeVectors, exists, listDirs, paramsFor, read, type SuiteCase, type SuiteContext } from './shared-vectors.ts';

const SUITE = ['aws-signing-test-suite', 'v4a'] as const;
/** 40 folders; two have only a request with duplicate keys and no expected output (README: skip them). */
const FOLDERS = 40;
const WITHOUT_OUTPUT = ['get-vanilla-query-order-key', 'get-vanilla-query-order-value'];

/** A v4a suite case's params: the suite's one region is the region set. */
export function paramsForV4a(ctx: SuiteContext): SigningParamsV4a {
	const { region, ...rest } = paramsFor(ctx);
	return { ...rest, regionSet: [region] };
}

/** The suite's public key, as the core writes one. */
export function suitePublicKey(c: SuiteCase): { x: string; y: string } {
	const key = JSON.parse(c.file('public-key.json')) as { X: string; Y: string };
	return { x: key.X.toLowerCase(), y: key.Y.toLowerCase() };
}

/**
 * `describe(title)` over every usable case of aws-signing-test-suite v4a (38 of 40 folders): checks
 * the count and that the two left out are the two without expected output, then calls `body` once
 * per case. When ../shared/vectors is absent, one skipped test says so instead.
 */
export function forEachSuiteCaseV4a(title: string, body: (c: SuiteCase) => void): void {
	describeVectors(title, () => {
		const all = listDirs(...SUITE);
		const usable = all.filter((name) => exists(...SUITE, name, 'header-canonical-request.txt'));
		it(`has all ${FOLDERS} folders, ${FOLDERS - WITHOUT_OUTPUT.length} with expected output`, () => {
			expect(all.length).toBe(FOLDERS);
			expect(all.filter((name) => !usable.includes(name))).toEqual(WITHOUT_OUTPUT);
		});
		for (const name of usable) {
			const file = (f: string) => read(...SUITE, name, f);
			body({ name, context: JSON.parse(file('context.json')) as SuiteContext, file });
		}
	});
}
