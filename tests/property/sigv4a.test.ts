// Property: for random requests (model.ts) and region sets, our SigV4a canonical request equals the
// smithy-based oracle's (oracle-v4a.ts), the public key equals d·G for the d the test derives on its
// own (node:crypto KDF, @noble/curves), our signature verifies with @noble/curves over the string to
// sign the test rebuilds, and smithy's own SigV4a signature verifies with our verifier.
import { createHash } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presignUrlV4a, signRequestV4a, verifyV4a, type SigningParamsV4a } from '../../src/lib/sigv4/index.ts';
import { privateScalarV4a, publicKeyOfScalar } from '../helpers/v4a-kdf.ts';
import { caseArb, coreParams, coreRequest, datetimeOf } from './model.ts';
import { smithyV4aPresignCanonical, smithyV4aSign } from './oracle-v4a.ts';
import { fcParams, recordCount, runsFor, timeoutFor } from './runs.ts';

const RUNS = runsFor(300);
const regionSetArb = fc.constantFrom(['*'], ['us-east-1'], ['us-east-1', 'eu-west-1'], ['us-*']);

describe('property: SigV4a core = @smithy/signature-v4a, verified with @noble/curves', () => {
	it(
		`${RUNS} random requests and region sets, header and query mode`,
		async () => {
			let cases = 0;
			await fc.assert(
				fc.asyncProperty(caseArb('smithy'), regionSetArb, async (c, regionSet) => {
					cases++;
					const { region: _, ...v4 } = coreParams(c);
					const params: SigningParamsV4a = { ...v4, regionSet: [...regionSet] };
					const header = c.mode === 'header';
					const trace = header ? await signRequestV4a(coreRequest(c), params) : await presignUrlV4a(coreRequest(c), params);

					const d = privateScalarV4a(c.credentials.accessKeyId, c.credentials.secretAccessKey);
					const publicKey = publicKeyOfScalar(d);
					expect(trace.publicKey).toEqual(publicKey);

					const date = datetimeOf(c);
					const hash = createHash('sha256').update(trace.canonicalRequest).digest('hex');
					const stringToSign = `AWS4-ECDSA-P256-SHA256\n${date}\n${date.slice(0, 8)}/${c.service}/aws4_request\n${hash}`;
					expect(trace.stringToSign).toBe(stringToSign);
					const digest = createHash('sha256').update(stringToSign).digest();
					const point = p256.getPublicKey(d, false);
					expect(p256.verify(Buffer.from(trace.signature, 'hex'), digest, point, { prehash: false, format: 'der', lowS: false })).toBe(
						true
					);

					const joined = regionSet.join(',');
					if (header) {
						const theirs = await smithyV4aSign(c, joined);
						expect(trace.canonicalRequest).toBe(theirs.canonicalRequest);
						expect(await verifyV4a(trace, theirs.signature, trace.publicKey)).toBe(true);
					} else {
						expect(trace.canonicalRequest).toBe(await smithyV4aPresignCanonical(c, joined));
					}
				}),
				fcParams(RUNS)
			);
			recordCount('sigv4a', cases);
		},
		timeoutFor(RUNS * 4)
	);
});
