// A short, fixed-seed run of npm run fuzz's input fuzz (tests/fuzz/input-fuzz.ts): 2,000 mutated
// pastes, links, case files, requests, POST policies and evidence through every entry point. None
// throws (bar the signers' SigningError), and no answer says undefined, NaN or "internal error".
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../fuzz/corpus.ts';
import { badTexts, generate, runInput, targetOf, type Problem } from '../fuzz/input-fuzz.ts';

const SEED = 20261206;
const INPUTS = 2000;

describe('the input fuzz, short', () => {
	it(`${INPUTS} inputs of seed ${SEED}: no uncaught error and no bad text`, async () => {
		const corpus = await loadCorpus();
		const failures: { index: number; target: string; problems: Problem[] }[] = [];
		const targets = new Set<string>();
		for (let index = 0; index < INPUTS; index++) {
			const input = generate(corpus, SEED, index);
			targets.add(input.target);
			const problems = await runInput(input);
			if (problems.length > 0) failures.push({ index, target: input.target, problems });
		}
		expect(targets.size).toBe(7);
		expect(failures, 'replay with FUZZ_SEED=20261206 node scripts/fuzz-inputs.mjs --inputs 2000').toEqual([]);
	});

	it('the harness counts a throw and a bad text as failures, but not the input echoed back', async () => {
		const thrown = await runInput({ target: 'diagnose', evidence: null as never });
		expect(thrown.map((p) => p.kind)).toEqual(['uncaught']);
		expect(badTexts({ message: 'the region is undefined' }, '{"region":""}').map((p) => p.kind)).toEqual(['bad-text']);
		expect(badTexts({ message: 'The text could not be read (internal error: x).' }, '')).toHaveLength(1);
		expect(badTexts({ message: 'the header "undefined" is not signed' }, '"x-undefined: 1"')).toEqual([]);
		expect(targetOf(0)).toBe('importText');
	});
});
