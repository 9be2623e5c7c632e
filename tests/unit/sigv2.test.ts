import { describe, expect, it } from 'vitest';
import { bucketOfHost, signV2, type Header, type HttpRequest } from '../../src/lib/sigv4/index.ts';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const req = (method: string, url: string, headers: Header[] = []): HttpRequest => ({ method, url, headers });

// "Signing and authenticating REST requests (AWS signature version 2)", section "Authentication examples":
// https://docs.aws.amazon.com/AmazonS3/latest/API/RESTAuthentication.html#RESTAuthenticationExamples
// (its source: github.com/awsdocs/amazon-s3-userguide doc_source/RESTAuthentication.md, and for the Upload
// example's awsexamplebucket1.net names github.com/awsdocs/amazon-s3-developer-guide doc_source/RESTAuthentication.md).
const S3_EXAMPLES: { name: string; request: HttpRequest; stringToSign: string; signature: string }[] = [
	{
		name: 'Object GET',
		request: req('GET', 'https://awsexamplebucket1.us-west-1.s3.amazonaws.com/photos/puppy.jpg', [
			['Date', 'Tue, 27 Mar 2007 19:36:42 +0000']
		]),
		stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg',
		signature: 'qgk2+6Sv9/oM7G3qLEjTH1a1l1g='
	},
	{
		name: 'Object PUT',
		request: req('PUT', 'https://awsexamplebucket1.s3.us-west-1.amazonaws.com/photos/puppy.jpg', [
			['Content-Type', 'image/jpeg'],
			['Content-Length', '94328'],
			['Date', 'Tue, 27 Mar 2007 21:15:45 +0000']
		]),
		stringToSign: 'PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/awsexamplebucket1/photos/puppy.jpg',
		signature: 'iqRzw+ileNPu1fhspnRs8nOjjIA='
	},
	{
		name: 'List (query parameters that are not sub-resources are not signed)',
		request: req('GET', 'https://awsexamplebucket1.s3.us-west-1.amazonaws.com/?prefix=photos&max-keys=50&marker=puppy', [
			['User-Agent', 'Mozilla/5.0'],
			['Date', 'Tue, 27 Mar 2007 19:42:41 +0000']
		]),
		stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/awsexamplebucket1/',
		signature: 'm0WP8eCtspQl5Ahe6L1SozdX9YA='
	},
	{
		name: 'Fetch (the ?acl sub-resource is signed)',
		request: req('GET', 'https://awsexamplebucket1.s3.us-west-1.amazonaws.com/?acl', [['Date', 'Tue, 27 Mar 2007 19:44:46 +0000']]),
		stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/awsexamplebucket1/?acl',
		signature: '82ZHiFIjc+WbcwFKGUVEQspPn+0='
	},
	{
		name: 'Upload (CNAME bucket, x-amz-* headers sorted, lowercased, repeated ones joined)',
		request: req('PUT', 'http://static.awsexamplebucket1.net:8080/db-backup.dat.gz', [
			['User-Agent', 'curl/7.15.5'],
			['Date', 'Tue, 27 Mar 2007 21:06:08 +0000'],
			['x-amz-acl', 'public-read'],
			['content-type', 'application/x-download'],
			['Content-MD5', '4gJE4saaMU4BqNR0kLY+lw=='],
			['X-Amz-Meta-ReviewedBy', 'joe@awsexamplebucket1.net'],
			['X-Amz-Meta-ReviewedBy', 'jane@awsexamplebucket1.net'],
			['X-Amz-Meta-FileChecksum', '0x02661779'],
			['X-Amz-Meta-ChecksumAlgorithm', 'crc32'],
			['Content-Disposition', 'attachment; filename=database.dat'],
			['Content-Encoding', 'gzip'],
			['Content-Length', '5913339']
		]),
		stringToSign:
			'PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\nx-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\nx-amz-meta-reviewedby:joe@awsexamplebucket1.net,jane@awsexamplebucket1.net\n/static.awsexamplebucket1.net/db-backup.dat.gz',
		signature: 'dKZcB+bz2EPXgSdXZp9ozGeOM4I='
	},
	{
		name: 'List all my buckets',
		request: req('GET', 'https://s3.us-west-1.amazonaws.com/', [['Date', 'Wed, 28 Mar 2007 01:29:59 +0000']]),
		stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/',
		signature: 'qGdzdERIC03wnaRNKh6OqZehG9s='
	},
	{
		name: 'Unicode keys (the Request-URI signed literally, encoding and case kept)',
		request: req('GET', 'https://s3.us-west-1.amazonaws.com/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re', [
			['Date', 'Wed, 28 Mar 2007 01:49:49 +0000']
		]),
		stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
		signature: 'DNEZGsoieTZ92F3bUfSPQcbGmlM='
	}
];

describe("signV2 (S3): AWS's published examples reproduce", () => {
	for (const example of S3_EXAMPLES) {
		it(example.name, async () => {
			const trace = await signV2(example.request, { credentials, flavor: 's3' });
			expect(trace.stringToSign).toBe(example.stringToSign);
			expect(trace.signature).toBe(example.signature);
			expect(trace.authorization).toBe(`AWS AKIAIOSFODNN7EXAMPLE:${example.signature}`);
			expect(trace.request.headers).toContainEqual(['Authorization', trace.authorization]);
		});
	}

	it("Delete with x-amz-date: the Date position is empty and x-amz-date is signed among the x-amz-* headers (the page's rule)", async () => {
		// The page's rule: "if you include the x-amz-date header, use the empty string for the Date when constructing the
		// StringToSign". Its Delete example table prints the x-amz-date value in the Date position instead (signature
		// XbyTlbQdu9Xw5o8P4iMwPktxQd8=); the rule, which S3 applies, gives this string to sign.
		const trace = await signV2(
			req('DELETE', 'https://s3.us-west-1.amazonaws.com/awsexamplebucket1/photos/puppy.jpg', [
				['User-Agent', 'dotnet'],
				['Date', 'Tue, 27 Mar 2007 21:20:27 +0000'],
				['x-amz-date', 'Tue, 27 Mar 2007 21:20:26 +0000']
			]),
			{ credentials, flavor: 's3' }
		);
		expect(trace.stringToSign).toBe('DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/awsexamplebucket1/photos/puppy.jpg');
	});

	it('query string request authentication (a presigned URL): Expires takes the Date position', async () => {
		// Same page, "Query string request authentication alternative". Its signature NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D was made
		// when the example bucket was named johnsmith (the page later renamed the bucket and kept the signature).
		const trace = await signV2(req('GET', 'https://johnsmith.s3.amazonaws.com/photos/puppy.jpg'), {
			credentials,
			flavor: 's3',
			expires: 1175139620
		});
		expect(trace.stringToSign).toBe('GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg');
		expect(trace.mode).toBe('query');
		expect(trace.signedUrl).toBe(
			'https://johnsmith.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D'
		);
	});

	it('signs the session token as x-amz-security-token and the Date given', async () => {
		const trace = await signV2(req('GET', 'https://b.s3.amazonaws.com/k'), {
			credentials: { ...credentials, sessionToken: 'TOKEN' },
			flavor: 's3',
			date: 'Tue, 27 Mar 2007 19:36:42 +0000'
		});
		expect(trace.stringToSign).toBe('GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\nx-amz-security-token:TOKEN\n/b/k');
		expect(trace.request.headers).toContainEqual(['Date', 'Tue, 27 Mar 2007 19:36:42 +0000']);
	});

	it('signs sub-resources sorted, decoded, after the key; other parameters are left out', async () => {
		const trace = await signV2(req('GET', 'https://b.s3.amazonaws.com/k?versionId=3&response-content-type=text%2Fplain&x=1&acl'), {
			credentials,
			flavor: 's3'
		});
		expect(trace.canonicalizedResource).toBe('/b/k?acl&response-content-type=text/plain&versionId=3');
	});

	it('finds the bucket in the host', () => {
		expect(bucketOfHost('my.bucket.s3.eu-west-1.amazonaws.com')).toBe('my.bucket');
		expect(bucketOfHost('b.s3-eu-west-1.amazonaws.com')).toBe('b');
		expect(bucketOfHost('s3.amazonaws.com')).toBeUndefined();
		expect(bucketOfHost('cdn.example.com')).toBe('cdn.example.com');
	});
});

describe('signV2 (query APIs, SignatureVersion=2)', () => {
	// "Signature Version 2 signing process", AWS General Reference:
	// https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html (its example request, quoted at
	// https://www.edureka.co/community/questions/1523/starting-with-an-aws-instance-with-api-and-authparams).
	it("reproduces AWS's example: Elastic MapReduce DescribeJobFlows, HmacSHA256", async () => {
		const trace = await signV2(
			req('GET', 'https://elasticmapreduce.amazonaws.com/?Action=DescribeJobFlows&Version=2009-03-31&Timestamp=2011-10-03T15%3A19%3A30'),
			{ credentials, flavor: 'query' }
		);
		expect(trace.stringToSign).toBe(
			'GET\nelasticmapreduce.amazonaws.com\n/\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31'
		);
		expect(trace.signature).toBe('i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=');
		expect(trace.signedUrl).toMatch(/&Signature=i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D$/);
	});

	it('re-signs a pasted SigV2 request: its old Signature and auth fields are replaced, the session token is added', async () => {
		const pasted = req(
			'GET',
			'https://elasticmapreduce.amazonaws.com/?Action=DescribeJobFlows&Version=2009-03-31&Timestamp=2011-10-03T15%3A19%3A30&AWSAccessKeyId=OLD&SignatureMethod=HmacSHA1&SignatureVersion=2&Signature=abc'
		);
		const trace = await signV2(pasted, { credentials: { ...credentials, sessionToken: 'T' }, flavor: 'query' });
		expect(trace.canonicalizedQuery).toBe(
			'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SecurityToken=T&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31'
		);
	});

	it('signs a POST form body and puts the signature in the body', async () => {
		const trace = await signV2(
			{
				method: 'POST',
				url: 'https://sdb.amazonaws.com/',
				headers: [['Content-Type', 'application/x-www-form-urlencoded']],
				body: 'Action=ListDomains&Version=2009-04-15&Timestamp=2011-10-03T15%3A19%3A30'
			},
			{ credentials, flavor: 'query', signatureMethod: 'HmacSHA1' }
		);
		expect(trace.stringToSign.split('\n').slice(0, 3)).toEqual(['POST', 'sdb.amazonaws.com', '/']);
		expect(trace.algorithm).toBe('HmacSHA1');
		expect(trace.request.body).toMatch(/&Signature=[A-Za-z0-9%]+$/);
		expect(trace.request.url).toBe('https://sdb.amazonaws.com/');
	});
});
