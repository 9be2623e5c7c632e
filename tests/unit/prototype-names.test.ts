// Names that are also Object.prototype's own ("constructor", "__proto__", "toString") reach the
// page as header names, query parameters, host labels, service names and XML entities. A lookup
// table written as an object literal would find Object's members for them (a CI run once failed on a
// header named "constructor" in a presigned URL's forensics). Each goes through the real entry points.
import { describe, expect, it } from 'vitest';
import { runInput } from '../fuzz/input-fuzz.ts';
import { evidenceWith, signWithMistake } from './forensics-fixtures.ts';
import { mistakesFor } from '../../src/lib/diagnose/forensics/catalogue.ts';
import { buildModel } from '../../src/lib/diagnose/forensics/model.ts';
import { searchSingleMistakes } from '../../src/lib/diagnose/forensics/search.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { scopeFromHost } from '../../src/lib/parse/host-scope.ts';
import { parseSignedUrl } from '../../src/lib/parse/signed-url.ts';
import { presignUrl, signRequest } from '../../src/lib/sigv4/index.ts';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('names of Object.prototype', () => {
	for (const name of NAMES) {
		it(`"${name}" as a signed header, in both modes, gets the forensics of any other name`, async () => {
			for (const mode of ['header', 'query'] as const) {
				const evidence: Evidence = {
					mode,
					request: { method: 'GET', url: 'https://example.amazonaws.com/a', headers: [[name, 'x']], body: '' },
					params: { credentials, region: 'us-east-1', service: name, datetime: '20150830T123600Z' }
				};
				const model = await buildModel(evidence, credentials.secretAccessKey);
				const mistakes = mistakesFor(model);
				expect(mistakes.length).toBeGreaterThan(0);
				for (const mistake of mistakes.slice(0, 5)) {
					const theirs = await signWithMistake(model, [mistake], credentials.secretAccessKey);
					const result = await searchSingleMistakes(evidenceWith(evidence, theirs), credentials.secretAccessKey);
					if (theirs === model.trace.signature) expect(result.findings).toEqual([]);
					else expect(result.findings.map((f) => f.code)).toContain(mistake.code);
				}
			}
		});
	}

	it('as host labels, give the label itself as the service', () => {
		for (const name of NAMES) {
			const label = name.toLowerCase();
			expect(scopeFromHost(`${label}.amazonaws.com`)).toEqual({ service: label, region: 'us-east-1' });
			expect(scopeFromHost(`x.${label}.eu-west-1.amazonaws.com`)).toEqual({ service: label, region: 'eu-west-1' });
		}
	});

	it('as query parameters of a presigned URL, are not read as its fields', () => {
		for (const name of NAMES) {
			const parsed = parseSignedUrl(`https://b.s3.amazonaws.com/k?${name}=1&X-Amz-Signature=ab`);
			expect(parsed?.signature).toBe('ab');
			expect(Object.keys(parsed ?? {}).sort()).toEqual(['signature', 'sigv2', 'url']);
		}
	});

	it('as XML and HTML entities, raw HTTP headers, and scope services, pass through the paste box and the analysis', async () => {
		for (const name of NAMES) {
			const signed = await signRequest(
				{ method: 'GET', url: `https://${name}.us-east-1.amazonaws.com/?${name}=1`, headers: [[name, 'v']] },
				{ credentials, region: 'us-east-1', service: name, datetime: '20150830T123600Z' }
			);
			const presigned = await presignUrl(
				{ method: 'PUT', url: `https://b.s3.amazonaws.com/${name}?${name}=1`, headers: [[name, 'v']] },
				{ credentials, region: 'us-east-1', service: 's3', datetime: '20150830T123600Z' }
			);
			const raw = `GET /?${name}=1 HTTP/1.1\n${signed.request.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n`;
			const texts = [
				raw,
				presigned.request.url,
				`<Error><Code>SignatureDoesNotMatch</Code><Message>&${name};</Message><StringToSign>AWS4-HMAC-SHA256&#10;&${name};</StringToSign></Error>`,
				`<form action="https://b.s3.amazonaws.com/" method="post"><input name="${name}" value="&${name};"></form>`
			];
			for (const text of texts) expect(await runInput({ target: 'importText', text, analyze: true })).toEqual([]);
		}
	});
});
