// A pasted request names where it goes: without a credential scope of its own, its host's region and
// signing name sign it (with the host named as their source), never the example's us-east-1 / s3
// left in place. A region or service the user typed stays; a signed request's own scope wins.
import { describe, expect, it } from 'vitest';
import { analyze, describeOrigin, edit, exampleCase, importPaste, kindName } from '../../../src/lib/case/index.ts';

const NOW = '20261206T061500Z';
const paste = (text: string, c = exampleCase()) => importPaste(c, text, { now: NOW });

describe('a request paste without a scope is signed for the place its host names', () => {
	it('a curl command to a us-west-2 bucket signs for us-west-2, and says the host gave it', async () => {
		const { case: c, report } = paste(
			'curl -X PUT https://examplebucket.s3.us-west-2.amazonaws.com/photo.jpg -H "Content-Type: image/jpeg"'
		);
		expect(c.region).toBe('us-west-2');
		expect(c.service).toBe('s3');
		expect(describeOrigin(c.origins.region!, kindName)).toBe('from the host name examplebucket.s3.us-west-2.amazonaws.com (paste 1)');
		expect(report.summary).toContain('Filled in: region, service.');
		expect((await analyze(c)).trace?.credentialScope).toBe('20261206/us-west-2/s3/aws4_request');
	});

	it("takes the registry's signing name, not the host's label (bedrock-runtime signs as bedrock)", () => {
		const { case: c } = paste('POST /model/m/invoke HTTP/1.1\nHost: bedrock-runtime.eu-central-1.amazonaws.com\n\n{}');
		expect([c.region, c.service]).toEqual(['eu-central-1', 'bedrock']);
	});

	it('leaves what the host does not say: a MinIO on localhost keeps the case region', () => {
		const { case: c } = paste('GET /bucket/key HTTP/1.1\nHost: localhost:9000\n\n');
		expect(c.region).toBe('us-east-1');
		expect(c.origins.region).toBeUndefined();
	});

	it('keeps a region the user typed, and a signed request’s own scope', () => {
		const typed = edit(exampleCase(), { region: 'ap-south-1' });
		expect(paste('curl https://examplebucket.s3.us-west-2.amazonaws.com/a', typed).case.region).toBe('ap-south-1');
		const signed = paste(
			'GET /a HTTP/1.1\nHost: examplebucket.s3.us-west-2.amazonaws.com\nX-Amz-Date: 20261206T000000Z\n' +
				'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261206/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
				'0'.repeat(64) +
				'\n\n'
		);
		expect(signed.case.region).toBe('us-east-1');
		expect(signed.case.origins.region).toMatchObject({ from: 'paste' });
		expect(describeOrigin(signed.case.origins.region!, kindName)).not.toContain('host name');
	});
});
