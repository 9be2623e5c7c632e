// One language's exported programs, run on the AWS suite's cases and on random requests: each
// printed canonical request, string to sign, signature and Authorization header / presigned URL
// equals the core's trace byte for byte.
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_INFO, signerSpec, type Language } from '../../../src/lib/export/index.ts';
import { hasVectors, skipNotice } from '../../helpers/shared-vectors.ts';
import { envOf, expectedOutput, literalCases, randomCases, readOutput, suiteCases, traceOf, type ProgramCase } from './program-cases.ts';
import { missingRuntime, runPrograms } from './runners.ts';

export function programSuite(language: Language): void {
	const cases: ProgramCase[] = [...suiteCases(), ...randomCases(), ...literalCases()];
	describe(`${LANGUAGE_INFO[language].label} export, run`, () => {
		let outputs: string[] = [];
		beforeAll(async () => {
			const missing = missingRuntime(language);
			if (missing) throw new Error(missing);
			const started = Date.now();
			const programs = cases.map((c) => ({
				code: LANGUAGE_INFO[language].generate(signerSpec(c.request, c.params, c.mode)),
				env: envOf(c)
			}));
			outputs = await runPrograms(language, programs);
			console.log(`${language}: ${cases.length} programs run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		}, 300_000);

		if (!hasVectors) it('AWS suite', ({ skip }) => skip(skipNotice('aws-signing-test-suite v4')));
		cases.forEach((c, i) => {
			it(c.name, async () => {
				expect(readOutput(outputs[i] ?? '')).toEqual(expectedOutput(await traceOf(c)));
			});
		});
	});
}
