// How many cases each property runs, and where the count goes (scripts/fuzz.mjs adds them up).
import { appendFileSync } from 'node:fs';
import type { Parameters } from 'fast-check';

/** FUZZ_RUNS (cases per property) when set, else the property's default. */
export function runsFor(defaultRuns: number): number {
	const env = process.env.FUZZ_RUNS;
	if (env === undefined || env === '') return defaultRuns;
	const n = Number(env);
	if (!Number.isInteger(n) || n < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not "${env}"`);
	return n;
}

/** fast-check settings: FUZZ_SEED replays a run (fast-check prints the seed of a failure). */
export function fcParams<T>(numRuns: number): Parameters<T> {
	const params: Parameters<T> = { numRuns };
	const seed = process.env.FUZZ_SEED;
	if (seed !== undefined && seed !== '') params.seed = Number(seed);
	return params;
}

/** Generous: about 2 ms a case plus shrinking headroom. */
export function timeoutFor(runs: number): number {
	return 60_000 + runs * 5;
}

/** One line "<property>\t<cases>" in FUZZ_COUNT_FILE, when set. */
export function recordCount(property: string, cases: number): void {
	const file = process.env.FUZZ_COUNT_FILE;
	if (file) appendFileSync(file, `${property}\t${cases}\n`);
}
