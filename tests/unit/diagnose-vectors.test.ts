// Every official SigV4 vector, given to diagnose as the user's own stages: a correct request yields
// no finding of severity error, whether diagnose gets the unsigned request or the signed one.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import type { Evidence, Finding } from '../../src/lib/diagnose/types.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { hasVectors, listDirs, read, skipNotice, paramsFor, type SuiteContext } from '../helpers/shared-vectors.ts';

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

if (!hasVectors) {
	describe('diagnose on aws-signing-test-suite v4', () => {
		it('is not here', ({ skip }) => {
			console.warn(skipNotice('diagnose on aws-signing-test-suite v4'));
			skip(skipNotice('diagnose on aws-signing-test-suite v4'));
		});
	});
} else {
	const cases = listDirs('aws-signing-test-suite', 'v4');
	describe('diagnose on aws-signing-test-suite v4: no error finding', () => {
		it('reads all 38 cases', () => expect(cases.length).toBe(38));

		for (const name of cases) {
			const file = (f: string) => read('aws-signing-test-suite', 'v4', name, f);
			const context = JSON.parse(file('context.json')) as SuiteContext;
			const now = new Date(context.timestamp);

			for (const mode of ['header', 'query'] as const) {
				const signed = parseRawHttp(file(`${mode}-signed-request.txt`)).request!;
				const provided: NonNullable<Evidence['provided']> = {
					canonicalRequest: file(`${mode}-canonical-request.txt`),
					stringToSign: file(`${mode}-string-to-sign.txt`),
					signature: file(`${mode}-signature.txt`)
				};
				if (mode === 'header') provided.authorization = signed.headers.find(([n]) => n === 'Authorization')![1];
				else provided.signedUrl = signed.url;

				it(`${name} (${mode}), the request before signing`, async () => {
					const request = parseRawHttp(file('request.txt')).request!;
					const findings = await diagnose({ request, params: paramsFor(context), mode, provided, now });
					expect(errors(findings)).toEqual([]);
					expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
				});

				it(`${name} (${mode}), the signed request as sent`, async () => {
					const findings = await diagnose({ request: signed, params: paramsFor(context), mode, provided, now });
					expect(errors(findings)).toEqual([]);
				});

				it(`${name} (${mode}), the signed request alone, with the default clock`, async () => {
					const findings = await diagnose({ request: signed, params: paramsFor(context), mode });
					expect(errors(findings)).toEqual([]);
				});
			}
		}
	});
}
