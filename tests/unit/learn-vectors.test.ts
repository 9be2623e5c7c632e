// The walk-through on every case of the maintained AWS suite, in both modes: its steps rebuild the
// canonical request, the string to sign and the signature of the core's trace exactly.
import { describe, expect, it } from 'vitest';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { hasVectors, listDirs, read, skipNotice, paramsFor, type SuiteContext } from '../helpers/shared-vectors.ts';
import { walk } from './learn-invariants.ts';

if (!hasVectors) {
	describe('learn: aws-signing-test-suite v4', () => {
		it('is not here', ({ skip }) => {
			console.warn(skipNotice('learn: aws-signing-test-suite v4'));
			skip(skipNotice('learn: aws-signing-test-suite v4'));
		});
	});
} else {
	const cases = listDirs('aws-signing-test-suite', 'v4');
	describe('learn: aws-signing-test-suite v4, both modes', () => {
		it('has all 38 cases', () => expect(cases.length).toBe(38));

		for (const name of cases) {
			const file = (f: string) => read('aws-signing-test-suite', 'v4', name, f);
			const ctx = JSON.parse(file('context.json')) as SuiteContext;
			const parsed = parseRawHttp(file('request.txt'));

			for (const mode of ['header', 'query'] as const) {
				it(`${name} (${mode})`, async () => {
					expect(parsed.errors).toEqual([]);
					const steps = await walk(parsed.request!, paramsFor(ctx), mode);
					// The suite's own files, not only the core's trace: the steps end at AWS's published stages.
					const joined = (...ids: string[]) => ids.map((id) => steps.find((s) => s.id === id)!.output).join('\n');
					expect(joined('method', 'canonical-uri', 'query-sort', 'canonical-headers', 'signed-headers', 'payload-hash')).toBe(
						file(`${mode}-canonical-request.txt`)
					);
					expect(joined('sts-algorithm', 'sts-datetime', 'sts-scope', 'sts-hash')).toBe(file(`${mode}-string-to-sign.txt`));
					expect(joined('signature')).toBe(file(`${mode}-signature.txt`));
				});
			}
		}
	});
}
