// The forensics renderer rebuilds the canonical request from a plan; unmutated, it must be the
// core's canonical request byte for byte, or every candidate would be off by the difference.
// Checked on the property generator's random requests (both modes, S3 and not), where a random
// mistake of the catalogue must also be recovered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mistakesFor } from '../../src/lib/diagnose/forensics/catalogue.ts';
import { buildModel } from '../../src/lib/diagnose/forensics/model.ts';
import { PlanSigner } from '../../src/lib/diagnose/forensics/plan-signer.ts';
import { searchSingleMistakes } from '../../src/lib/diagnose/forensics/search.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { caseArb, coreParams, coreRequest } from '../property/model.ts';
import { fcParams, runsFor } from '../property/runs.ts';
import { evidenceWith, signWithMistake } from './forensics-fixtures.ts';

const RUNS = runsFor(150);

describe('the forensics model', () => {
	it(`renders the core's canonical request and string to sign for ${RUNS} random requests, and finds a random mistake in each`, async () => {
		await fc.assert(
			fc.asyncProperty(caseArb('smithy'), fc.nat(), async (c, pick) => {
				const evidence: Evidence = { request: coreRequest(c), params: coreParams(c), mode: c.mode };
				const secret = c.credentials.secretAccessKey;
				const model = await buildModel(evidence, secret);
				const signer = new PlanSigner(model, secret);
				const base = await signer.stages(model.base);
				expect(base.canonicalRequest).toBe(model.trace.canonicalRequest);
				expect(base.stringToSign).toBe(model.trace.stringToSign);

				const mistakes = mistakesFor(model);
				const mistake = mistakes[pick % mistakes.length]!;
				const theirs = await signWithMistake(model, [mistake], secret);
				const result = await searchSingleMistakes(evidenceWith(evidence, theirs), secret);
				if (theirs === model.trace.signature) expect(result.findings).toEqual([]);
				else expect(result.findings.map((f) => f.code)).toContain(mistake.code);
			}),
			fcParams(RUNS)
		);
	});
});
