// The evidence each seed's author held (../shared/seeds/), re-made independently of our core with
// node:crypto and AWS's published example keys, the way each author's own code made it.
import { createHash, createHmac } from 'node:crypto';

export const EXAMPLE_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** kDate → kSigning as AWS documents it (IAM User Guide, "Create a signed AWS API request"). */
export function keyChain(secret: string, date: string, region: string, service: string): Buffer[] {
	const kDate = hmac(`AWS4${secret}`, date);
	const kRegion = hmac(kDate, region);
	const kService = hmac(kRegion, service);
	return [kDate, kRegion, kService, hmac(kService, 'aws4_request')];
}

const signWith = (chain: Buffer[], stringToSign: string) => createHmac('sha256', chain[3]!).update(stringToSign, 'utf8').digest('hex');

/**
 * Seed 001: an Apex developer doubts their key chain (20141015, eu-west-1, s3). Their code is the
 * documented derivation, so the four keys they print are right.
 */
export function seed001Keys(): { text: string; scope: { datetime: string; region: string; service: string } } {
	const [kDate, kRegion, kService, kSigning] = keyChain(EXAMPLE_SECRET, '20141015', 'eu-west-1', 's3');
	const text = [
		`kDate: ${kDate!.toString('hex')}`,
		`kRegion: ${kRegion!.toString('hex')}`,
		`kService: ${kService!.toString('hex')}`,
		`kSigning: ${kSigning!.toString('hex')}`
	].join('\n');
	return { text, scope: { datetime: '20141015T120000Z', region: 'eu-west-1', service: 's3' } };
}

/**
 * Seed 001's starting point: the S3 request their Apex class signed with Signature Version 2
 * (HMAC-SHA1 over S3's string to sign), for a bucket in eu-west-1 on 15 October 2014.
 */
export function seed001Sigv2Request(): string {
	const date = 'Wed, 15 Oct 2014 12:00:00 GMT';
	const stringToSign = `GET\n\n\n${date}\n/acme-reports/reports/2014-q3.csv`;
	const signature = createHmac('sha1', EXAMPLE_SECRET).update(stringToSign, 'utf8').digest('base64');
	return [
		'GET /reports/2014-q3.csv HTTP/1.1',
		'Host: acme-reports.s3-eu-west-1.amazonaws.com',
		`Date: ${date}`,
		`Authorization: AWS ${EXAMPLE_KEY}:${signature}`,
		''
	].join('\n');
}

/**
 * Seed 002: an Apex SNS Publish signer formats the time with 'hhmmss' (a 12-hour clock) and writes
 * the canonical request's hash in base64. At 15:15 UTC its string to sign says 03:15; the server
 * answers that the signature expired, giving its own time.
 */
export function seed002(): { stringToSign: string; serverError: string } {
	const body = 'Action=Publish&Message=hello&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Atopic';
	const date = '20240115';
	const apexTime = `${date}T031500Z`; // formatGmt('hhmmss') at 15:15:00 UTC
	const canonicalRequest = [
		'POST',
		'/',
		'',
		'content-type:application/x-www-form-urlencoded',
		'host:sns.us-east-1.amazonaws.com',
		`x-amz-date:${apexTime}`,
		'',
		'content-type;host;x-amz-date',
		sha256(body).digest('hex')
	].join('\n');
	const stringToSign = ['AWS4-HMAC-SHA256', apexTime, `${date}/us-east-1/sns/aws4_request`, sha256(canonicalRequest).digest('base64')].join(
		'\n'
	);
	const serverError = [
		'<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">',
		'  <Error>',
		'    <Type>Sender</Type>',
		'    <Code>SignatureDoesNotMatch</Code>',
		`    <Message>Signature expired: ${apexTime} is now earlier than ${date}T150000Z (${date}T151500Z - 15 min.)</Message>`,
		'  </Error>',
		'  <RequestId>8d4f4a52-5d1b-5b7c-a1f3-2b0c6e0e6f6a</RequestId>',
		'</ErrorResponse>'
	].join('\n');
	return { stringToSign, serverError };
}

/**
 * Seed 000: an Apex presigned PUT that signs only host, while the browser sends SSE-C headers: S3
 * refuses the unsigned x-amz-* headers (AccessDenied, HeadersNotSigned).
 */
export function seed000(): { url: string; curl: string; serverError: string } {
	const datetime = '20240301T101500Z';
	const scope = '20240301/us-east-1/s3/aws4_request';
	const host = 'examplebucket.s3.amazonaws.com';
	const query = [
		['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
		['X-Amz-Credential', `${EXAMPLE_KEY}/${scope}`],
		['X-Amz-Date', datetime],
		['X-Amz-Expires', '900'],
		['X-Amz-SignedHeaders', 'host']
	]
		.map(([k, v]) => `${encodeURIComponent(k!)}=${encodeURIComponent(v!)}`)
		.join('&');
	const canonicalRequest = ['PUT', '/uploads/report.pdf', query, `host:${host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
	const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256(canonicalRequest).digest('hex')].join('\n');
	const signature = signWith(keyChain(EXAMPLE_SECRET, '20240301', 'us-east-1', 's3'), stringToSign);
	const url = `https://${host}/uploads/report.pdf?${query}&X-Amz-Signature=${signature}`;
	const key = Buffer.alloc(32, 7).toString('base64');
	const keyMd5 = createHash('md5').update(Buffer.alloc(32, 7)).digest('base64');
	const curl = [
		`curl -X PUT '${url}'`,
		"  -H 'x-amz-server-side-encryption-customer-algorithm: AES256'",
		`  -H 'x-amz-server-side-encryption-customer-key: ${key}'`,
		`  -H 'x-amz-server-side-encryption-customer-key-MD5: ${keyMd5}'`,
		'  --data-binary @report.pdf'
	].join(' \\\n');
	const serverError =
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-server-side-encryption-customer-algorithm, x-amz-server-side-encryption-customer-key, x-amz-server-side-encryption-customer-key-md5</HeadersNotSigned><RequestId>1</RequestId><HostId>2</HostId></Error>';
	return { url, curl, serverError };
}

/**
 * Seed 003 (AWS Security blog, SSE-KMS presigned URLs): an SDK signs the SSE-KMS headers into a
 * presigned PUT; the client opens the URL without sending them.
 */
export function seed003(): { url: string; curl: string } {
	const datetime = '20240301T101500Z';
	const scope = '20240301/us-east-1/s3/aws4_request';
	const host = 'examplebucket.s3.amazonaws.com';
	const signed = 'host;x-amz-server-side-encryption';
	const params = [
		['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
		['X-Amz-Credential', `${EXAMPLE_KEY}/${scope}`],
		['X-Amz-Date', datetime],
		['X-Amz-Expires', '3600'],
		['X-Amz-SignedHeaders', signed]
	];
	const query = params.map(([k, v]) => `${encodeURIComponent(k!)}=${encodeURIComponent(v!)}`).join('&');
	const canonicalRequest = [
		'PUT',
		'/secret/report.pdf',
		query,
		`host:${host}`,
		'x-amz-server-side-encryption:aws:kms',
		'',
		signed,
		'UNSIGNED-PAYLOAD'
	].join('\n');
	const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256(canonicalRequest).digest('hex')].join('\n');
	const signature = signWith(keyChain(EXAMPLE_SECRET, '20240301', 'us-east-1', 's3'), stringToSign);
	const url = `https://${host}/secret/report.pdf?${query}&X-Amz-Signature=${signature}`;
	// How the client used it: a PUT of the file, without the header the URL signs.
	return { url, curl: `curl -X PUT --upload-file report.pdf '${url}'` };
}

/**
 * Seed 004: a C# backend signs a POST policy with SigV4, and the JavaScript form also sends the
 * SigV2 field AWSAccessKeyId, so S3 reads the form as SigV2.
 */
export function seed004(): { formData: string } {
	const policy = Buffer.from(
		JSON.stringify({
			expiration: '2016-11-27T12:00:00.000Z',
			conditions: [
				{ bucket: 'examplebucket' },
				['starts-with', '$key', ''],
				{ acl: 'private' },
				['starts-with', '$Content-Type', ''],
				{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
				{ 'x-amz-credential': `${EXAMPLE_KEY}/20161126/eu-west-1/s3/aws4_request` },
				{ 'x-amz-date': '20161126T000000Z' }
			]
		})
	).toString('base64');
	const signature = signWith(keyChain(EXAMPLE_SECRET, '20161126', 'eu-west-1', 's3'), policy);
	const formData = [
		'let formData = new FormData();',
		'formData.append("key", "uploads/cat.jpg");',
		'formData.append("acl", "private");',
		'formData.append("Content-Type", "image/jpeg");',
		`formData.append("AWSAccessKeyId", "${EXAMPLE_KEY}");`,
		`formData.append("policy", "${policy}");`,
		`formData.append("x-amz-credential", "${EXAMPLE_KEY}/20161126/eu-west-1/s3/aws4_request");`,
		'formData.append("x-amz-algorithm", "AWS4-HMAC-SHA256");',
		'formData.append("x-amz-date", "20161126T000000Z");',
		`formData.append("x-amz-signature", "${signature}");`,
		'formData.append("file", file);'
	].join('\n');
	return { formData };
}
