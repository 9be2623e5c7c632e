import { describe, expect, it } from 'vitest';
import { exampleCase, planImport, requestText, type Case } from '../../src/lib/case/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import type { ImportResult } from '../../src/lib/parse/types.ts';

describe('importing into the page', () => {
	it('writes a request back so the request box reads the same URL', () => {
		for (const request of [
			{ method: 'GET', url: 'https://b.s3.amazonaws.com/a?x=1', headers: [] as [string, string][] },
			{ method: 'PUT', url: 'http://127.0.0.1:9000/b/k', headers: [['Content-Type', 'text/plain']] as [string, string][], body: 'hi' },
			{ method: 'GET', url: 'https://h.example/', headers: [['Host', 'h.example']] as [string, string][] }
		]) {
			const back = parseRawHttp(requestText(request)).request!;
			expect(back.url).toBe(request.url);
			expect(back.method).toBe(request.method);
		}
	});

	it('a request replaces the case; evidence alone is added to it', () => {
		// The user's own request is in the case (typed), with their date.
		const current: Case = {
			...exampleCase(),
			provided: { stringToSign: 'old' },
			server: { canonicalRequest: 'server' },
			origins: { requestText: { from: 'typed' }, datetime: { from: 'typed' } }
		};
		const withRequest: ImportResult = {
			kind: 'curl',
			request: { method: 'GET', url: 'https://h.example/', headers: [] },
			params: { region: 'eu-west-1', service: 'sns', datetime: '20150830T123600Z' },
			mode: 'header',
			provided: { signature: 'abc' },
			notes: [],
			errors: []
		};
		const plan = planImport(withRequest, current);
		expect(plan.inputs).toMatchObject({ region: 'eu-west-1', service: 'sns', datetime: '20150830T123600Z', mode: 'header' });
		expect(plan.provided).toEqual({ signature: 'abc' });
		expect(plan.server).toEqual({});

		const evidenceOnly: ImportResult = {
			kind: 'string-to-sign',
			params: { datetime: '20150830T013600Z' },
			provided: { stringToSign: 'new' },
			notes: [],
			errors: []
		};
		const added = planImport(evidenceOnly, current);
		expect(added.inputs).toEqual({});
		expect(added.provided).toEqual({ stringToSign: 'new' });
		expect(added.server).toEqual({ canonicalRequest: 'server' });
	});
});
