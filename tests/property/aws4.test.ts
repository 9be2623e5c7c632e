// Property: for random requests aws4 can express (model.ts forAws4 lists what it cannot, and why),
// our core's canonical request, signature and Authorization header / presigned URL parameters
// equal aws4's.
import { describe, it } from 'vitest';
import { oracleProperty } from './oracles.ts';
import { runsFor, timeoutFor } from './runs.ts';

const RUNS = runsFor(1000);

describe('property: core = aws4', () => {
	it(`${RUNS} random requests, S3 and other services, header and query mode`, () => oracleProperty('aws4', RUNS), timeoutFor(RUNS));
});
