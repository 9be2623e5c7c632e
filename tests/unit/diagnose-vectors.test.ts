// Every official SigV4 vector, given to diagnose as the user's own stages: a correct request yields
// no finding of severity error, whether diagnose gets the unsigned request or the signed one.
import { expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import type { Evidence, Finding } from '../../src/lib/diagnose/types.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { forEachSuiteCase, paramsFor, SUITE_MODES } from '../helpers/shared-vectors.ts';

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

forEachSuiteCase('diagnose on aws-signing-test-suite v4: no error finding', ({ name, context, file }) => {
	const now = new Date(context.timestamp);

	for (const mode of SUITE_MODES) {
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
});
