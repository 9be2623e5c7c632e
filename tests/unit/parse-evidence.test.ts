// Evidence people hold before they hold the request: AWS's one-line messages (plain, JSON, XML),
// query-protocol <ErrorResponse>s named for their service, response headers with a JSON body, wss://
// presigned URLs, HTML forms, lists of signing keys, pastes that hold several things, and where
// each rebuilt field was read (ImportResult.origins).
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import { CANONICAL_REQUEST, PRESIGNED_URL, RAW_HTTP, S3_SIGNATURE_MISMATCH, STRING_TO_SIGN } from './parse-samples.ts';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** The S3 documentation example scope, derived with node:crypto (independent of our core). */
const PARTS = ['20130524', 'us-east-1', 's3', 'aws4_request'];
function chainOf(step: (key: Buffer, data: string) => Buffer): string[] {
	const keys: Buffer[] = [];
	let key: Buffer = Buffer.from('AWS4' + SECRET);
	for (const part of PARTS) keys.push((key = step(key, part)));
	return keys.map((k) => k.toString('hex'));
}
const CORRECT = chainOf((k, d) => hmac(k, d));
/** The Apex mistake: every key after kDate is keyed with the previous key's hex text. */
const HEX_TEXT = chainOf((k, d) => (d === PARTS[0] ? hmac(k, d) : hmac(k.toString('hex'), d)));

describe('one-line AWS messages, in plain text, JSON and XML', () => {
	const messages: { text: string; code?: string; fields?: Record<string, string>; params?: Record<string, unknown> }[] = [
		{
			text: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
			code: 'AuthorizationHeaderMalformed',
			fields: { Region: 'eu-west-1', SignedRegion: 'us-east-1' },
			params: { region: 'us-east-1' }
		},
		{
			text: 'Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)',
			fields: { RequestTime: '20240115T031500Z', EarliestTime: '20240115T150000Z', ServerTime: '20240115T151500Z', MaxSkewMinutes: '15' },
			params: { datetime: '20240115T031500Z' }
		},
		{
			text: 'Signature not yet current: 20240115T160000Z is still later than 20240115T151500Z (20240115T150000Z + 15 min.)',
			fields: { RequestTime: '20240115T160000Z', LatestTime: '20240115T151500Z', ServerTime: '20240115T150000Z' },
			params: { datetime: '20240115T160000Z' }
		},
		{
			text: "Credential should be scoped to a valid region, not 'us-east-1 '. ",
			fields: { SignedRegion: 'us-east-1 ' },
			params: { region: 'us-east-1' }
		},
		{ text: 'Credential should be scoped to a valid region. ' },
		{ text: "Credential should be scoped to correct service: 'execute-api'. ", fields: { ExpectedService: 'execute-api' } },
		{
			text: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
			code: 'SignatureDoesNotMatch'
		},
		{
			text: "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256",
			code: 'IncompleteSignature',
			fields: { MissingParameters: 'Credential, Signature' }
		},
		{ text: 'Missing Authentication Token', code: 'MissingAuthenticationToken' },
		{ text: 'The security token included in the request is invalid.' },
		{ text: 'The security token included in the request is expired', code: 'ExpiredToken' },
		{ text: 'Request has expired' }
	];
	const wrappers: [string, (m: string) => string][] = [
		['plain text', (m) => m],
		['a JSON body', (m) => JSON.stringify({ message: m })],
		['a JSON body with __type', (m) => JSON.stringify({ __type: 'com.amazon.coral.service#SomeException', Message: m })],
		[
			'S3 XML',
			(m) =>
				`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${m.replace(/'/g, '&apos;')}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`
		]
	];
	for (const m of messages) {
		for (const [how, wrap] of wrappers) {
			it(`"${m.text.slice(0, 50)}…" in ${how}`, () => {
				const r = importText(wrap(m.text));
				expect(r.kind).toMatch(/error/);
				expect(r.server?.message?.trim()).toBe(m.text.trim());
				if (m.code && how === 'plain text') expect(r.server?.code).toBe(m.code);
				if (m.fields) expect(r.server?.fields).toMatchObject(m.fields);
				if (m.params) expect(r.params).toMatchObject(m.params);
				if (/Request has expired/.test(m.text)) expect(r.mode).toBe('query');
				if (m.params?.datetime) expect(r.origins?.datetime).toEqual({ from: 'the error message', line: how === 'S3 XML' ? 2 : 1 });
			});
		}
	}
	it('names the code the text gives (an SDK exception)', () => {
		const r = importText(
			'botocore.exceptions.ClientError: An error occurred (InvalidSignatureException) when calling the Publish operation: Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)'
		);
		expect(r.server?.code).toBe('InvalidSignatureException');
		expect(r.server?.fields?.ServerTime).toBe('20240115T151500Z');
	});
});

describe('query-protocol errors are named for their service', () => {
	const sns = `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <Error>
    <Type>Sender</Type>
    <Code>SignatureDoesNotMatch</Code>
    <Message>Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)</Message>
  </Error>
  <RequestId>0c7a2f4e-8b1d-5e3a-9f6c-2d4b8e0a1c3f</RequestId>
</ErrorResponse>`;
	it('SNS <ErrorResponse> with "Signature expired": the server time, the service, not S3', () => {
		const r = imported(sns, 'service-error-xml');
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.fields).toMatchObject({ RequestTime: '20240115T031500Z', ServerTime: '20240115T151500Z', Type: 'Sender' });
		expect(r.params).toMatchObject({ service: 'sns', datetime: '20240115T031500Z' });
		expect(r.notes.join(' ')).toMatch(/An SNS error response/);
		expect(r.notes.join(' ')).not.toMatch(/\bS3 error response\b(?!\.)/);
		expect(r.origins?.datetime).toEqual({ from: 'the error message', line: 5 });
	});
	it('STS and SQS too', () => {
		for (const [ns, service] of [
			['https://sts.amazonaws.com/doc/2011-06-15/', 'sts'],
			['http://queue.amazonaws.com/doc/2012-11-05/', 'sqs']
		]) {
			const r = imported(
				`<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>x</RequestId></ErrorResponse>`,
				'service-error-xml'
			);
			expect(r.params?.service).toBe(service);
			expect(r.server?.code).toBe('InvalidClientTokenId');
		}
	});
	it('S3 <Error> stays s3-error-xml', () => {
		imported(S3_SIGNATURE_MISMATCH, 's3-error-xml');
	});
});

describe('response headers copied from DevTools, then the JSON body', () => {
	it('reads the body and the error type header', () => {
		const r = importText(`content-type: application/x-amz-json-1.1
date: Mon, 15 Jan 2024 15:15:00 GMT
x-amzn-requestid: 5d3e1f2a-7b9c-4d0e-8f1a-2b3c4d5e6f70
x-amzn-errortype: InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/
content-length: 137

{"__type":"InvalidSignatureException","message":"Credential should be scoped to correct service: 'lambda'. "}`);
		expect(r.kind).toBe('service-error-text');
		expect(r.server?.code).toBe('InvalidSignatureException');
		expect(r.server?.fields?.ExpectedService).toBe('lambda');
		expect(r.errors).toEqual([]);
	});
});

describe('wss:// presigned URLs (IoT)', () => {
	it('reads the scope and the signature', () => {
		const url =
			'wss://a1b2c3d4e5f6g7-ats.iot.us-west-2.amazonaws.com/mqtt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-west-2%2Fiotdevicegateway%2Faws4_request&X-Amz-Date=20240115T151500Z&X-Amz-SignedHeaders=host&X-Amz-Signature=' +
			CORRECT[3];
		const r = imported(url, 'presigned-url');
		expect(r.mode).toBe('query');
		expect(r.request?.url).toBe(url);
		expect(r.params).toMatchObject({ region: 'us-west-2', service: 'iotdevicegateway', datetime: '20240115T151500Z', accessKeyId: AKID });
		expect(r.origins?.region).toEqual({ from: 'the presigned URL', line: 1 });
	});
});

describe('an HTML <form> with hidden inputs', () => {
	const form = `<!DOCTYPE html>
<html>
<body>
<form action="https://examplebucket.s3.amazonaws.com/" method="post" enctype="multipart/form-data">
  Key to upload: <input type="input" name="key" value="user/user1/\${filename}" /><br />
  <input type="hidden" name="acl" value="public-read" />
  <input type="hidden" name="success_action_redirect" value="https://examplebucket.s3.amazonaws.com/successful_upload.html" />
  <input type="hidden" name="X-Amz-Credential" value="AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request" />
  <input type="hidden" name="X-Amz-Algorithm" value="AWS4-HMAC-SHA256" />
  <input type="hidden" name="X-Amz-Date" value="20151229T000000Z" />
  <input type="hidden" name="AWSAccessKeyId" value="AKIAIOSFODNN7EXAMPLE" />
  <input type="hidden" name="Policy" value="eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifV0NCn0=" />
  <input type="hidden" name="X-Amz-Signature" value="8AFDBF4008C03F22C2CD3CDB72E4AFBB1F6A588F3255AC628749A66D7F09699E" />
  File: <input type="file" name="file" /> <br />
  <input type="submit" name="submit" value="Upload to Amazon S3" />
</form>
</body>
</html>`;
	it('gives the form fields in order, not an XML error', () => {
		const r = imported(form, 'post-form');
		expect(r.form?.map(([n]) => n)).toEqual([
			'key',
			'acl',
			'success_action_redirect',
			'X-Amz-Credential',
			'X-Amz-Algorithm',
			'X-Amz-Date',
			'AWSAccessKeyId',
			'Policy',
			'X-Amz-Signature',
			'file'
		]);
		expect(r.form?.[0]?.[1]).toBe('user/user1/${filename}');
		expect(r.server).toBeUndefined();
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/');
		expect(r.params).toMatchObject({ region: 'us-east-1', service: 's3', datetime: '20151229T000000Z' });
		expect(r.sigv2Fields?.map(([n]) => n)).toContain('AWSAccessKeyId');
		expect(r.origins?.region?.from).toBe('the HTML form');
	});
});

describe('a list of signing keys', () => {
	it('our core derives the same correct chain as node:crypto (the reference for these tests)', async () => {
		const { deriveSigningKey } = await import('../../src/lib/sigv4/index.ts');
		const chain = await deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3');
		expect([chain.kDate, chain.kRegion, chain.kService, chain.kSigning]).toEqual(CORRECT);
	});
	it('labelled, with the signature', () => {
		const r = imported(
			`kDate: ${HEX_TEXT[0]}\nkRegion = ${HEX_TEXT[1]}\nkService: ${HEX_TEXT[2]}\nSigning key: ${HEX_TEXT[3]}\nSignature: ${'ab'.repeat(32)}`,
			'signing-keys'
		);
		expect(r.provided?.signingKeys).toEqual({ kDate: HEX_TEXT[0], kRegion: HEX_TEXT[1], kService: HEX_TEXT[2], kSigning: HEX_TEXT[3] });
		expect(r.provided?.signature).toBe('ab'.repeat(32));
		expect(r.errors).toEqual([]);
	});
	it('as an Apex debug log, uppercase hex, in another order', () => {
		const r = imported(
			`DEBUG|kSigning ${HEX_TEXT[3]!.toUpperCase()}\nDEBUG|kDate ${HEX_TEXT[0]!.toUpperCase()}`.replace(/DEBUG\|/g, ''),
			'signing-keys'
		);
		expect(r.provided?.signingKeys).toEqual({ kDate: HEX_TEXT[0], kSigning: HEX_TEXT[3] });
	});
	it('four bare lines in chain order, a fifth for the signature', () => {
		expect(imported(CORRECT.join('\n'), 'signing-keys').provided?.signingKeys).toEqual({
			kDate: CORRECT[0],
			kRegion: CORRECT[1],
			kService: CORRECT[2],
			kSigning: CORRECT[3]
		});
		const five = imported([...CORRECT, 'cd'.repeat(32)].join('\n'), 'signing-keys');
		expect(five.provided?.signature).toBe('cd'.repeat(32));
	});
	it('with the string to sign before them: both are read', () => {
		const r = importText(`${STRING_TO_SIGN}\n\nkDate: ${CORRECT[0]}\nkSigning: ${CORRECT[3]}`);
		expect(r.kind).toBe('string-to-sign');
		expect(r.provided?.stringToSign).toBe(STRING_TO_SIGN);
		expect(r.provided?.signingKeys).toEqual({ kDate: CORRECT[0], kSigning: CORRECT[3] });
	});
});

describe('a paste that holds several things uses all of them', () => {
	it('a canonical request and a string to sign together, with where each field came from', () => {
		const r = imported(`${CANONICAL_REQUEST}\n\n${STRING_TO_SIGN}`, 'canonical-request');
		expect(r.provided?.canonicalRequest).toBe(CANONICAL_REQUEST);
		expect(r.provided?.stringToSign).toBe(STRING_TO_SIGN);
		expect(r.params).toMatchObject({ region: 'us-east-1', service: 'iam', datetime: '20150830T123600Z' });
		expect(r.origins).toMatchObject({
			request: { from: 'your canonical request', line: 1 },
			signedHeaders: { from: 'your canonical request', line: 8 },
			payloadHash: { from: 'your canonical request', line: 9 },
			datetime: { from: 'your string to sign', line: 12 },
			region: { from: 'your string to sign', line: 13 },
			service: { from: 'your string to sign', line: 13 }
		});
	});
	it('labelled stages in a forum post: both read, no "the rest was not read"', () => {
		const r = importText(
			`My canonical request:\n${CANONICAL_REQUEST}\n\nand my string to sign:\n${STRING_TO_SIGN}\n\nAWS says SignatureDoesNotMatch. Help?`
		);
		expect(r.kind).toBe('canonical-request');
		expect(r.provided?.stringToSign).toBe(STRING_TO_SIGN);
		expect(r.notes.join(' ')).not.toMatch(/was not read/);
		expect(r.origins?.region).toEqual({ from: 'your string to sign', line: 15 });
	});
	it('a raw request, then the response with its XML error', () => {
		const r = imported(
			`${RAW_HTTP}\nHTTP/1.1 403 Forbidden\nContent-Type: application/xml\n\n<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
			'raw-http'
		);
		expect(r.request?.body ?? '').toBe('');
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.params).toMatchObject({ region: 'us-east-1', datetime: '20130524T000000Z' });
		expect(r.origins).toMatchObject({
			request: { from: 'the raw HTTP request', line: 1 },
			region: { from: 'the Authorization header', line: 6 }
		});
	});
	it('a raw GET whose "body" is the error JSON that came back', () => {
		const r = imported(
			`GET /prod/pets HTTP/1.1\nHost: a1b2c3d4e5.execute-api.us-east-1.amazonaws.com\nX-Amz-Date: 20240115T031500Z\n\n{"message":"Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)"}`,
			'raw-http'
		);
		expect(r.request?.body ?? '').toBe('');
		expect(r.server?.fields?.ServerTime).toBe('20240115T151500Z');
	});
	it('a curl command, then the error it printed', () => {
		const r = imported(
			`curl -H 'Authorization: AWS4-HMAC-SHA256 Credential=${AKID}/20240115/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=${CORRECT[3]}' -H 'X-Amz-Date: 20240115T031500Z' https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/pets\n{"message":"Credential should be scoped to a valid region. "}`,
			'curl'
		);
		expect(r.server?.message).toMatch(/scoped to a valid region/);
		expect(r.origins?.request).toEqual({ from: 'the curl command', line: 1 });
	});
	it('a log with the Authorization value and the one-line error', () => {
		const r = importText(
			`2024-01-15 15:15:00 DEBUG Signing with Authorization: AWS4-HMAC-SHA256 Credential=${AKID}/20240115/us-east-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${CORRECT[3]}\n2024-01-15 15:15:01 ERROR SignatureDoesNotMatch: Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)`
		);
		expect(r.kind).toBe('authorization-header');
		expect(r.params).toMatchObject({ region: 'us-east-1', service: 'sns' });
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.fields?.ServerTime).toBe('20240115T151500Z');
		expect(r.notes.join(' ')).toMatch(/Read from the text: an Authorization value \(line 1\), an AWS error message/);
	});
});

describe('origins of the fields rebuilt from evidence', () => {
	it("S3's error body: region from the server's string to sign, the request from its canonical request", () => {
		const r = imported(S3_SIGNATURE_MISMATCH, 's3-error-xml');
		expect(r.origins).toMatchObject({
			region: { from: "the server's string to sign", line: 4 },
			datetime: { from: "the server's string to sign", line: 3 },
			request: { from: "the server's canonical request" },
			accessKeyId: { from: 'AWSAccessKeyId', line: 2 }
		});
	});
	it('a presigned URL and an Authorization header', () => {
		expect(imported(PRESIGNED_URL, 'presigned-url').origins).toMatchObject({
			expiresIn: { from: 'the presigned URL', line: 1 },
			mode: { from: 'the presigned URL', line: 1 },
			request: { from: 'the presigned URL', line: 1 }
		});
	});
});
