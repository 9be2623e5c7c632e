// The walk-through on 300 random requests (the property tests' generator: every encoding style,
// dot segments, duplicate and folded headers, never-signed headers, session tokens, S3 and other
// services, both modes): the steps always rebuild the core's trace exactly.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { caseArb, coreParams, coreRequest } from '../property/model.ts';
import { walk } from './learn-invariants.ts';

describe('learn: random requests', () => {
	it('300 requests: steps rebuild the trace, highlights point at their outputs, no secret', async () => {
		await fc.assert(
			fc.asyncProperty(caseArb('smithy'), async (c) => {
				const params = coreParams(c);
				// The generator's secrets can be one character long; a long, unmistakable one makes "not in any step" mean something.
				params.credentials.secretAccessKey = `learn-secret/${c.credentials.secretAccessKey}`.padEnd(40, 'Z');
				await walk(coreRequest(c), params, c.mode);
			}),
			{ numRuns: 300 }
		);
	});
});
