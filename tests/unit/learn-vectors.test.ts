// The walk-through on every case of the maintained AWS suite, in both modes: its steps rebuild the
// canonical request, the string to sign and the signature of the core's trace exactly.
import { expect, it } from 'vitest';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { forEachSuiteCase, paramsFor, SUITE_MODES } from '../helpers/shared-vectors.ts';
import { walk } from './learn-invariants.ts';

forEachSuiteCase('learn: aws-signing-test-suite v4, both modes', ({ name, context: ctx, file }) => {
	const parsed = parseRawHttp(file('request.txt'));

	for (const mode of SUITE_MODES) {
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
});
