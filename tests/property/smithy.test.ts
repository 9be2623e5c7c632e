// Property: for random requests (see model.ts), our core's canonical request, signature and
// Authorization header / presigned URL parameters equal @smithy/signature-v4's.
import { describe, it } from 'vitest';
import { oracleProperty } from './oracles.ts';
import { runsFor, timeoutFor } from './runs.ts';

const RUNS = runsFor(1200);

describe('property: core = @smithy/signature-v4', () => {
	it(`${RUNS} random requests, S3 and other services, header and query mode`, () => oracleProperty('smithy', RUNS), timeoutFor(RUNS));
});
