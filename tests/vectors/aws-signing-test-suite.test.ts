import { describe, expect, it } from 'vitest';
import { formatHttpRequest, presignUrl, signRequest } from '../../src/lib/sigv4/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { hasVectors, listDirs, read, skipNotice, paramsFor, type SuiteContext } from '../helpers/shared-vectors.ts';

if (!hasVectors) {
	describe('aws-signing-test-suite v4', () => {
		it('is not here', ({ skip }) => {
			console.warn(skipNotice('aws-signing-test-suite v4'));
			skip(skipNotice('aws-signing-test-suite v4'));
		});
	});
} else {
	const cases = listDirs('aws-signing-test-suite', 'v4');
	describe('aws-signing-test-suite v4 (maintained AWS suite)', () => {
		it('has all 38 cases', () => expect(cases.length).toBe(38));

		for (const name of cases) {
			const file = (f: string) => read('aws-signing-test-suite', 'v4', name, f);
			const ctx = JSON.parse(file('context.json')) as SuiteContext;
			const parsed = parseRawHttp(file('request.txt'));

			for (const mode of ['header', 'query'] as const) {
				it(`${name} (${mode})`, async () => {
					expect(parsed.errors).toEqual([]);
					const request = parsed.request!;
					const trace = mode === 'header' ? await signRequest(request, paramsFor(ctx)) : await presignUrl(request, paramsFor(ctx));
					expect(trace.canonicalRequest).toBe(file(`${mode}-canonical-request.txt`));
					expect(trace.stringToSign).toBe(file(`${mode}-string-to-sign.txt`));
					expect(trace.signature).toBe(file(`${mode}-signature.txt`));
					expect(formatHttpRequest(trace.request, ':')).toBe(file(`${mode}-signed-request.txt`));
				});
			}
		}
	});
}
