// SDK and tool logs: botocore DEBUG, curl -v with --aws-sigv4, awscurl -v.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import { AWSCURL_LOG, BOTOCORE_LOG, CURL_VERBOSE } from './parse-samples.ts';

describe('botocore DEBUG log', () => {
	it('reads the three stages, the request sent and the error S3 returned', () => {
		const r = imported(BOTOCORE_LOG, 'botocore-log');
		expect(r.errors).toEqual([]);
		expect(r.provided?.canonicalRequest).toBe(
			'GET\n/\nencoding-type=url&list-type=2&prefix=logs%2F\nhost:my-bucket.s3.eu-west-1.amazonaws.com\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20240312T101502Z\n\nhost;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(r.provided?.stringToSign).toBe(
			'AWS4-HMAC-SHA256\n20240312T101502Z\n20240312/eu-west-1/s3/aws4_request\n2ab322d34e392edee62065fd3f32ce47e04be5eb6586ff903ec2baed454ee2e5'
		);
		expect(r.provided?.signature).toBe('8cb81f26c97a7d4d8fcd593ab9620f029cea8a6a521ef5c5059734882048f050');
		expect(r.request?.url).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=logs%2F&encoding-type=url');
		expect(r.request?.headers.map(([n]) => n)).toEqual(['User-Agent', 'X-Amz-Date', 'X-Amz-Content-SHA256', 'Authorization']);
		expect(r.params).toMatchObject({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			region: 'eu-west-1',
			service: 's3',
			datetime: '20240312T101502Z'
		});
		expect(r.mode).toBe('header');
		// The response body is a Python bytes literal with "\n" escapes: decoded before reading the XML.
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.canonicalRequest).toBe(r.provided?.canonicalRequest);
		expect(r.server?.stringToSign).toBe(r.provided?.stringToSign);
	});

	it('takes the last signing of a log with retries', () => {
		const retry = BOTOCORE_LOG.replace(/20240312T101502Z/g, '20240312T101503Z');
		const r = importText(`${BOTOCORE_LOG}${retry}`);
		expect(r.provided?.stringToSign?.split('\n')[1]).toBe('20240312T101503Z');
		expect(r.notes.join(' ')).toMatch(/signs 2 times/);
	});

	it('rebuilds the request from the canonical request when the log has no request line', () => {
		const lines = BOTOCORE_LOG.split('\n').filter((l) => !/Sending http request|Making request/.test(l));
		const r = importText(lines.join('\n'));
		expect(r.request?.url).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/?encoding-type=url&list-type=2&prefix=logs%2F');
		expect(r.params?.payloadHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});

	it('says what is missing after a marker with nothing readable after it', () => {
		const r = importText(
			'2024-03-12 10:15:02,119 - MainThread - botocore.auth - DEBUG - CanonicalRequest:\n\n2024-03-12 10:15:02,119 - MainThread - botocore.auth - DEBUG - StringToSign:\n'
		);
		expect(r.kind).toBe('botocore-log');
		expect(r.errors.map((e) => e.line)).toEqual([2, 4]);
		expect(r.errors[0]!.message).toMatch(/Expected a canonical request/);
	});
});

describe('curl -v with --aws-sigv4', () => {
	it("reads curl's stages, the request it sent and the answer", () => {
		const r = imported(CURL_VERBOSE, 'curl-verbose');
		expect(r.errors).toEqual([]);
		expect(r.provided?.canonicalRequest).toBe(
			'GET\n/_cat/indices\nv=\nhost:search-logs-abc123.us-west-2.es.amazonaws.com\nx-amz-date:20240415T083012Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(r.provided?.stringToSign?.split('\n')[3]).toBe('c176bb3bf7e3638ee70e13a2abd5e5deebebf2fb9f0fad086407df2290624a2a');
		expect(r.provided?.signature).toBe('78efbf88597fae6a676655ca51076b9f64a944c900999abe06cf54c9bbb1dd10');
		expect(r.request?.url).toBe('https://search-logs-abc123.us-west-2.es.amazonaws.com/_cat/indices?v');
		expect(r.request?.headers.map(([n]) => n)).toEqual(['Host', 'Authorization', 'X-Amz-Date', 'User-Agent', 'Accept']);
		expect(r.params).toMatchObject({
			region: 'us-west-2',
			service: 'es',
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			datetime: '20240415T083012Z'
		});
		expect(r.server?.message).toBe('The security token included in the request is invalid.');
		expect(r.notes.join(' ')).toMatch(/answered 403/);
	});

	it('works without the command line, and with CRLF', () => {
		const output = CURL_VERBOSE.split('\n').slice(1).join('\r\n');
		const r = imported(output, 'curl-verbose');
		expect(r.request?.url).toBe('https://search-logs-abc123.us-west-2.es.amazonaws.com/_cat/indices?v');
		expect(r.provided?.signature).toBe('78efbf88597fae6a676655ca51076b9f64a944c900999abe06cf54c9bbb1dd10');
	});

	it('reads the "> " lines of a plain curl -v (own Authorization header) and an XML answer', () => {
		const r = importText(`*   Trying 52.216.1.1:443...
* Connected to examplebucket.s3.amazonaws.com (52.216.1.1) port 443
> GET /test.txt HTTP/1.1
> Host: examplebucket.s3.amazonaws.com
> x-amz-date: 20240220T154500Z
> x-amz-content-sha256: UNSIGNED-PAYLOAD
> Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240220/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
> 
< HTTP/1.1 403 Forbidden
< Content-Type: application/xml
< 
<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message></Error>
* Connection #0 to host examplebucket.s3.amazonaws.com left intact`);
		expect(r.kind).toBe('curl-verbose');
		expect(r.request?.method).toBe('GET');
		expect(r.provided?.signature).toBe('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
	});
});

describe('awscurl -v', () => {
	it('reads the pprinted stages, the headers dict and the URL', () => {
		const r = imported(AWSCURL_LOG, 'awscurl-log');
		expect(r.errors).toEqual([]);
		expect(r.provided?.canonicalRequest).toBe(
			'GET\n/prod/pets\n\nhost:a1b2c3d4e5.execute-api.us-east-1.amazonaws.com\nx-amz-date:20240501T120000Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(r.provided?.stringToSign).toBe(
			'AWS4-HMAC-SHA256\n20240501T120000Z\n20240501/us-east-1/execute-api/aws4_request\nef15629ce61f30f88f3d91e5a5b620517736b47aecdfb0846b867c0def4374a5'
		);
		expect(r.provided?.signature).toBe('02947edea3cd517c173e24287549d67ec3b5400ad7442c0d783fe0d85d93c8dc');
		expect(r.request?.url).toBe('https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/pets');
		expect(r.request?.headers).toContainEqual(['x-amz-date', '20240501T120000Z']);
		expect(r.request?.headers.find(([n]) => n === 'x-amz-security-token')).toBeUndefined();
		expect(r.params).toMatchObject({ region: 'us-east-1', service: 'execute-api', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
	});

	it('reads the plain-text output of older awscurl versions', () => {
		const r = importText(`
CANONICAL REQUEST = GET
/prod/pets

host:a1b2c3d4e5.execute-api.us-east-1.amazonaws.com
x-amz-date:20240501T120000Z

host;x-amz-date
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

STRING_TO_SIGN = AWS4-HMAC-SHA256
20240501T120000Z
20240501/us-east-1/execute-api/aws4_request
ef15629ce61f30f88f3d91e5a5b620517736b47aecdfb0846b867c0def4374a5
`);
		expect(r.kind).toBe('awscurl-log');
		expect(r.provided?.canonicalRequest?.split('\n')).toHaveLength(8);
		expect(r.provided?.stringToSign?.split('\n')).toHaveLength(4);
		expect(r.request?.url).toBe('https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/pets');
	});
});
