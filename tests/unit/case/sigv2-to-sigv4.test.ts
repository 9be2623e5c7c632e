import { describe, expect, it } from 'vitest';
import { analyze, exampleCase, importPaste, sigv2ToSigv4 } from '../../../src/lib/case/index.ts';
import { signV2 } from '../../../src/lib/sigv4/index.ts';
import { EXAMPLE_KEY, EXAMPLE_SECRET, seed001Sigv2Request } from '../../helpers/seeds.ts';

describe('sigv2ToSigv4: a pasted SigV2 request becomes the same request signed with SigV4', () => {
	it('seed 001: their SigV2 S3 GET becomes a SigV4 case for eu-west-1, with every stage and no error', async () => {
		const pasted = importPaste(exampleCase(), seed001Sigv2Request());
		expect(pasted.report.kind).toBe('sigv2-request');
		const converted = sigv2ToSigv4(pasted.case)!;
		expect(converted.flavor).toBe('s3');
		const c = converted.case;
		expect([c.region, c.service, c.datetime, c.mode]).toEqual(['eu-west-1', 's3', '20141015T120000Z', 'header']);
		expect(c.requestText).not.toMatch(/Authorization/i);
		expect(c.sigv2Fields).toEqual([]);
		expect(c.origins.region).toMatchObject({ from: 'paste', kind: 'sigv2-request' });

		const analysis = await analyze(c);
		expect(analysis.trace?.credentialScope).toBe('20141015/eu-west-1/s3/aws4_request');
		expect(analysis.trace?.canonicalRequest.split('\n').slice(0, 2)).toEqual(['GET', '/reports/2014-q3.csv']);
		expect(analysis.trace?.authorization).toMatch(
			/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20141015\/eu-west-1\/s3\/aws4_request, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/
		);
		expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);

		const changes = converted.changes.map((ch) => `${ch.sigv2} → ${ch.sigv4}`).join('\n');
		expect(changes).toContain(
			'Authorization: AWS AccessKeyId:Signature → Authorization: AWS4-HMAC-SHA256 Credential=AccessKeyId/20141015/eu-west-1/s3/aws4_request'
		);
		expect(changes).toContain('Date: Wed, 15 Oct 2014 12:00:00 GMT → X-Amz-Date: 20141015T120000Z');
		expect(changes).toContain('CanonicalizedResource /acme-reports/reports/2014-q3.csv');
		expect(changes).toContain('x-amz-content-sha256');
	});

	it('a presigned SigV2 URL becomes a presigned SigV4 URL with X-Amz-Expires from its Expires', async () => {
		const v2 = await signV2(
			{ method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/a.txt', headers: [] },
			{ credentials: { accessKeyId: EXAMPLE_KEY, secretAccessKey: EXAMPLE_SECRET }, flavor: 's3', expires: 1369357200 }
		);
		const pasted = importPaste(exampleCase(), v2.signedUrl!);
		const converted = sigv2ToSigv4(pasted.case)!;
		expect(converted.case.mode).toBe('query');
		expect(converted.case.requestText).not.toMatch(/AWSAccessKeyId|Signature=|Expires=/);
		// The page's example time (20130524T000000Z) is 3600 s before the SigV2 Expires.
		expect(converted.case.expiresIn).toBe('3600');
		expect(converted.changes[0]!.sigv4).toMatch(/X-Amz-Expires/);
	});

	it('a query-API request (SignatureVersion=2) keeps its parameters and takes Timestamp as X-Amz-Date', async () => {
		const pasted = importPaste(
			exampleCase(),
			'https://sns.eu-central-1.amazonaws.com/?Action=ListTopics&Version=2010-03-31&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2011-10-03T15%3A19%3A30&SecurityToken=TOKEN&Signature=abc'
		);
		const converted = sigv2ToSigv4(pasted.case)!;
		expect(converted.flavor).toBe('query');
		const c = converted.case;
		expect([c.region, c.service, c.datetime, c.mode, c.sessionToken]).toEqual([
			'eu-central-1',
			'sns',
			'20111003T151930Z',
			'header',
			'TOKEN'
		]);
		expect(c.requestText.split('\n')[0]).toBe('GET /?Action=ListTopics&Version=2010-03-31 HTTP/1.1');
		expect(converted.changes.map((ch) => ch.sigv2)).toContain('SecurityToken parameter');
	});

	it('says when the service itself signs only with SigV2 (SimpleDB)', () => {
		const pasted = importPaste(
			exampleCase(),
			'https://sdb.amazonaws.com/?Action=ListDomains&Version=2009-04-15&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2011-10-03T15%3A19%3A30&Signature=abc'
		);
		expect(sigv2ToSigv4(pasted.case)!.changes.at(-1)!.sigv2).toBe('sdb.amazonaws.com signs with SigV2 only');
	});

	it('leaves a SigV4 case alone', () => {
		expect(sigv2ToSigv4(exampleCase())).toBeUndefined();
	});
});
