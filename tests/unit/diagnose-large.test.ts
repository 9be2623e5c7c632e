// diagnose at the sizes the page's limits allow (20,000 lines of evidence, 5 MB of text): each
// comparison indexes what it looks up instead of scanning per line, and a text of thousands of
// faulty lines gives a short list of findings that counts the rest.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import { FindingList, MAX_SAME_CODE } from '../../src/lib/diagnose/finding-list.ts';
import { DEFAULT_CASE, analyze } from '../../src/lib/case/index.ts';
import { diagnoseScenario, request, s3Params } from './diagnose-helpers.ts';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('diagnose of large evidence', () => {
	it('names 40,000 lines of one repeated header by their first lines and their count', async () => {
		const c = { ...DEFAULT_CASE, provided: { canonicalRequest: 'GET\n/\n\n' + 'a:b\n'.repeat(40_000) } };
		const { findings } = await analyze(c);
		const repeated = findings.find((f) => f.code === 'header-values-joined-wrong');
		expect(repeated?.message).toBe('a appears on lines 4, 5, 6, 7, 8, … and 40003 (40000 lines); a repeated header is one canonical line.');
		expect(JSON.stringify(findings).length).toBeLessThan(20_000);
	});

	it('lists 20 findings of one code and counts the rest', async () => {
		const n = 20_000;
		const names = Array.from({ length: n }, (_, i) => `h${String(i).padStart(5, '0')}`);
		const canonicalRequest = `GET\n/\n\n${names.map((h) => `${h}:v\n`).join('')}\n${names.join(';')}\nUNSIGNED-PAYLOAD`;
		const { findings } = await analyze({ ...DEFAULT_CASE, provided: { canonicalRequest } });
		const absent = findings.filter((f) => f.code === 'signed-header-absent');
		expect(absent).toHaveLength(MAX_SAME_CODE);
		expect(absent.at(-1)?.message).toMatch(/\(And 19,980 more like it, not listed\.\)$/);
	});

	it('matches 20,000 query parameters written in the wrong order to the correct ones, one by one', async () => {
		const n = 20_000;
		const query = Array.from({ length: n }, (_, i) => `p${String(i).padStart(5, '0')}=v%20${i}`);
		const req = request('GET', `https://examplebucket.s3.amazonaws.com/k?${query.join('&')}`);
		const { findings } = await diagnoseScenario({
			request: req,
			params: s3Params(),
			// Their signer kept the parameters in reverse order and wrote each space as "+".
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest.replace(/^(.*\n.*\n).*\n/, `$1${[...query].reverse().join('&').replaceAll('%20', '+')}\n`)
			})
		});
		expect(codes(findings)).toEqual(expect.arrayContaining(['query-not-sorted', 'query-plus-for-space']));
		// Every parameter found its match: nothing is reported missing or extra.
		expect(findings.some((f) => / is missing| is not in the correct query/.test(f.message))).toBe(false);
	});

	it('tells a query of thousands of wrong parameters by its first ten differences and their count', async () => {
		const req = request('GET', 'https://examplebucket.s3.amazonaws.com/k?a=1');
		const { findings } = await diagnoseScenario({
			request: req,
			params: s3Params(),
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest.replace(
					/^(.*\n.*\n).*\n/,
					`$1${Array.from({ length: 5000 }, (_, i) => `z${i}=1`).join('&')}\n`
				)
			})
		});
		const differs = findings.find((f) => f.code === 'canonical-request-differs' && f.line === 3);
		expect(differs?.message).toMatch(/; 4991 more differences\.$/);
	});

	it('compares 20,000 sent headers with 20,000 signed ones, each by name', async () => {
		const n = 20_000;
		const headers: [string, string][] = Array.from({ length: n }, (_, i) => [`x-amz-meta-${i}`, 'sent']);
		const req = request('GET', 'https://examplebucket.s3.amazonaws.com/k', headers);
		const { findings } = await diagnoseScenario({
			request: req,
			params: s3Params(),
			// Their signer signed another value for each, as if the headers changed after signing.
			provided: (t) => ({ canonicalRequest: t.canonicalRequest.replaceAll(':sent\n', ':signed\n') })
		});
		const changed = findings.filter((f) => f.code === 'header-added-after-signing');
		expect(changed).toHaveLength(MAX_SAME_CODE);
		expect(changed[0]?.message).toContain('signs x-amz-meta-0 as "signed", but the request sends "sent"');
	});

	it('still diagnoses a small canonical request as before', async () => {
		const findings = await diagnose({
			request: { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [] },
			params: s3Params(),
			mode: 'header',
			provided: { canonicalRequest: 'GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\na:1\na:2\n\nhost;a\nUNSIGNED-PAYLOAD' }
		});
		expect(findings.find((f) => f.code === 'header-values-joined-wrong')?.message).toBe(
			'a appears on lines 5 and 6; a repeated header is one canonical line.'
		);
	});
});

describe('FindingList', () => {
	it('keeps the first findings of a code, and counts the others in size, errors and the last message', () => {
		const list = new FindingList();
		for (let i = 1; i <= MAX_SAME_CODE + 5; i++) list.add('signed-header-absent', { line: i, message: `Line ${i}.`, fix: 'Fix it.' });
		list.add('host-not-signed', { message: 'No host.', fix: 'Sign host.' });
		expect(list.size).toBe(MAX_SAME_CODE + 6);
		expect(list.errors).toBe(MAX_SAME_CODE + 6);
		const sorted = list.sorted();
		const absent = sorted.filter((f) => f.code === 'signed-header-absent');
		expect(list.errorsIn(absent[0]!.stage)).toBe(
			MAX_SAME_CODE + 5 + (sorted.find((f) => f.code === 'host-not-signed')!.stage === absent[0]!.stage ? 1 : 0)
		);
		expect(absent).toHaveLength(MAX_SAME_CODE);
		expect(absent.map((f) => f.message).filter((m) => m.includes('more like it'))).toEqual([
			`Line ${MAX_SAME_CODE}. (And 5 more like it, not listed.)`
		]);
	});
});
