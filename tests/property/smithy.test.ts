// Property: for random requests (see model.ts), our core's canonical request, signature and
// Authorization header / presigned URL parameters equal @smithy/signature-v4's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb, datetimeOf, wireUrl, type SigCase } from './model.ts';
import { coreSign, smithySign } from './oracles.ts';
import { fcParams, recordCount, runsFor, timeoutFor } from './runs.ts';

const RUNS = runsFor(1200);

async function check(c: SigCase): Promise<void> {
	const [ours, theirs] = await Promise.all([coreSign(c), smithySign(c)]);
	const where = `${c.mode} ${c.service} ${c.method} ${wireUrl(c)}`;
	expect(ours.canonicalRequest, where).toBe(theirs.canonicalRequest);
	expect(ours.signedHeaders, where).toBe(theirs.signedHeaders);
	expect(ours.signature, where).toBe(theirs.signature);
	if (c.mode === 'header') {
		expect(ours.authorization, where).toBe(theirs.authorization);
		expect(ours.added, where).toEqual(theirs.added);
		expect(ours.added!['x-amz-date']).toBe(datetimeOf(c));
	} else {
		const token = c.credentials.sessionToken;
		const expected = { ...theirs.authParams };
		// With signSessionToken: false the token still goes in the URL, unsigned (smithy signed without it).
		if (token !== undefined) expected['X-Amz-Security-Token'] = token;
		expect(ours.authParams, where).toEqual(expected);
	}
}

describe('property: core = @smithy/signature-v4', () => {
	it(
		`${RUNS} random requests, S3 and other services, header and query mode`,
		async () => {
			let cases = 0;
			await fc.assert(
				fc.asyncProperty(caseArb('smithy'), async (c) => {
					cases++;
					await check(c);
				}),
				fcParams(RUNS)
			);
			expect(cases).toBe(RUNS);
			recordCount('smithy', cases);
		},
		timeoutFor(RUNS)
	);
});
