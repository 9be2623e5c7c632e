// The maintained AWS suite (aws-signing-test-suite v4), both modes: the core's canonical request,
// string to sign, signature and signed request equal the suite's files byte for byte.
import { expect, it } from 'vitest';
import { formatHttpRequest, presignUrl, signRequest } from '../../src/lib/sigv4/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { forEachSuiteCase, paramsFor, SUITE_MODES } from '../helpers/shared-vectors.ts';

forEachSuiteCase('aws-signing-test-suite v4 (maintained AWS suite)', ({ name, context, file }) => {
	const parsed = parseRawHttp(file('request.txt'));
	for (const mode of SUITE_MODES) {
		it(`${name} (${mode})`, async () => {
			expect(parsed.errors).toEqual([]);
			const request = parsed.request!;
			const trace = mode === 'header' ? await signRequest(request, paramsFor(context)) : await presignUrl(request, paramsFor(context));
			expect(trace.canonicalRequest).toBe(file(`${mode}-canonical-request.txt`));
			expect(trace.stringToSign).toBe(file(`${mode}-string-to-sign.txt`));
			expect(trace.signature).toBe(file(`${mode}-signature.txt`));
			expect(formatHttpRequest(trace.request, ':')).toBe(file(`${mode}-signed-request.txt`));
		});
	}
});
