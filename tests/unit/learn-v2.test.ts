// The learn page's SigV2 track: S3's HMAC-SHA1 form and the query APIs' HmacSHA256 form, step by
// step from the core's signV2 trace, on AWS's published examples, ending in what SigV4 changes.
import { describe, expect, it } from 'vitest';
import { edit, exampleCase, analyze } from '../../src/lib/case/index.ts';
import { learnInputV2 } from '../../src/lib/learn/input-v2.ts';
import { settingsOf } from '../../src/lib/state/learn-v2.svelte.ts';
import { buildStepsV2, learnPaneTextsV2 } from '../../src/lib/learn/steps-v2.ts';
import type { LearnInputV2, LearnStep } from '../../src/lib/learn/types.ts';
import { FINDING_CODES } from '../../src/lib/findings/index.ts';
import { signV2, type HttpRequest } from '../../src/lib/sigv4/index.ts';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

async function walk(request: HttpRequest, params: LearnInputV2['params']): Promise<{ input: LearnInputV2; steps: LearnStep[] }> {
	const input = { request, params, trace: await signV2(request, params) };
	return { input, steps: buildStepsV2(input) };
}

/** Every highlight points at its own output, ids are unique, every mistake is a known code. */
function expectSound(input: LearnInputV2, steps: LearnStep[]) {
	const panes = learnPaneTextsV2(input.trace);
	for (const s of steps) {
		if (s.highlight) expect(panes[s.highlight.pane].slice(s.highlight.start, s.highlight.end), s.id).toBe(s.output);
		for (const code of s.mistakes) expect(FINDING_CODES).toHaveProperty(code);
	}
	expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
}

const byId = (steps: LearnStep[], id: string) => steps.find((s) => s.id === id)!;

describe('learn: the SigV2 track', () => {
	it("S3 (HMAC-SHA1): AWS's Upload example, line by line, to its published signature", async () => {
		const request: HttpRequest = {
			method: 'PUT',
			url: 'http://static.awsexamplebucket1.net:8080/db-backup.dat.gz',
			headers: [
				['Date', 'Tue, 27 Mar 2007 21:06:08 +0000'],
				['x-amz-acl', 'public-read'],
				['content-type', 'application/x-download'],
				['Content-MD5', '4gJE4saaMU4BqNR0kLY+lw=='],
				['X-Amz-Meta-ReviewedBy', 'joe@awsexamplebucket1.net'],
				['X-Amz-Meta-ReviewedBy', 'jane@awsexamplebucket1.net']
			]
		};
		const { input, steps } = await walk(request, { credentials, flavor: 's3' });
		expectSound(input, steps);
		expect(steps.map((s) => s.id)).toEqual([
			'v2-verb',
			'v2-content-md5',
			'v2-content-type',
			'v2-date',
			'v2-amz-headers',
			'v2-resource',
			'v2-string-to-sign',
			'v2-signature',
			'v2-placement',
			'v2-to-v4'
		]);
		const lines = steps.slice(0, 4).map((s) => `${s.output}\n`);
		expect(lines.join('') + byId(steps, 'v2-amz-headers').output + byId(steps, 'v2-resource').output).toBe(input.trace.stringToSign);
		expect(byId(steps, 'v2-amz-headers').output).toBe(
			'x-amz-acl:public-read\nx-amz-meta-reviewedby:joe@awsexamplebucket1.net,jane@awsexamplebucket1.net\n'
		);
		expect(byId(steps, 'v2-resource').output).toBe('/static.awsexamplebucket1.net/db-backup.dat.gz');
		expect(byId(steps, 'v2-content-md5').reads).toBe('Content-MD5: 4gJE4saaMU4BqNR0kLY+lw==');
		expect(byId(steps, 'v2-signature').explanation).toMatch(/HMAC-SHA1 .*secret access key as it is/);
		expect(byId(steps, 'v2-placement').output).toBe(`AWS AKIAIOSFODNN7EXAMPLE:${input.trace.signature}`);
	});

	it("query APIs (HmacSHA256): AWS's Elastic MapReduce example, the sorted parameters and Signature= appended", async () => {
		const request: HttpRequest = {
			method: 'GET',
			url: 'https://elasticmapreduce.amazonaws.com/?Action=DescribeJobFlows&Version=2009-03-31&Timestamp=2011-10-03T15%3A19%3A30',
			headers: [['Host', 'elasticmapreduce.amazonaws.com']]
		};
		const { input, steps } = await walk(request, { credentials, flavor: 'query' });
		expectSound(input, steps);
		const query =
			'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31';
		expect(byId(steps, 'v2-sorted-query').output).toBe(query);
		expect(byId(steps, 'v2-string-to-sign').output).toBe(`GET\nelasticmapreduce.amazonaws.com\n/\n${query}`);
		expect(byId(steps, 'v2-auth-params').output).toBe(
			'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\nSignatureMethod=HmacSHA256\nSignatureVersion=2\nTimestamp=2011-10-03T15%3A19%3A30'
		);
		const placement = byId(steps, 'v2-placement');
		expect(placement.output).toMatch(/^Signature=[A-Za-z0-9%]+$/);
		expect(decodeURIComponent(placement.output.slice('Signature='.length))).toBe(input.trace.signature);
		expect(byId(steps, 'v2-signature').explanation).toMatch(/HMAC-SHA256/);
	});

	it('walks the page’s own request, in each flavor and in presigned-URL mode, with what SigV4 changes for it', async () => {
		for (const [flavor, mode] of [
			['s3', 'header'],
			['s3', 'query'],
			['query', 'header']
		] as const) {
			const c = edit(exampleCase(), { mode });
			const a = await analyze(c);
			const input = await learnInputV2(settingsOf(c), a.request!, flavor, a.trace);
			if ('problem' in input) throw new Error(input.problem);
			const steps = buildStepsV2(input);
			expectSound(input, steps);
			const changed = steps.at(-1)!;
			expect(changed.title).toBe('What changed in SigV4');
			expect(changed.output).toContain('SigV4: 20130524/us-east-1/s3/aws4_request: one day, one region, one service');
			expect(changed.output).toContain(`(${a.trace!.signedHeaders.join(';')})`);
			expect(changed.output).toMatch(/Key\n {2}SigV2: the secret access key itself\n {2}SigV4: kSigning/);
			if (flavor === 's3' && mode === 'header') {
				expect(input.trace.stringToSign).toBe('GET\n\n\nFri, 24 May 2013 00:00:00 GMT\n/examplebucket/test.txt');
				expect(changed.output).toContain('SigV2: the Date header (RFC 1123), or x-amz-date');
			}
			if (mode === 'query' && flavor === 's3') {
				expect(byId(steps, 'v2-date').output).toBe(String(Date.UTC(2013, 4, 24) / 1000 + 3600));
				expect(byId(steps, 'v2-placement').output).toMatch(/^AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=\d+&Signature=/);
			}
			if (flavor === 'query') expect(input.trace.stringToSign).toContain('Timestamp=2013-05-24T00%3A00%3A00Z');
		}
	});

	it('says what is wrong instead of walking a time SigV2 cannot sign', async () => {
		const c = edit(exampleCase(), { datetime: 'yesterday' });
		const a = await analyze(edit(exampleCase(), {}));
		expect(await learnInputV2(settingsOf(c), a.request!, 's3')).toEqual({ problem: expect.stringMatching(/YYYYMMDDTHHMMSSZ/) });
	});
});
