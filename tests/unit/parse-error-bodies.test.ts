// AWS error bodies: S3's XML (SignatureDoesNotMatch with its *Bytes fields, and its siblings),
// the query protocol's <ErrorResponse>, JSON services, and the CLI's text.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import {
	FAKE_SIGNATURE,
	LOCALSTACK_SIGNATURE_MISMATCH,
	S3_AUTHORIZATION_HEADER_MALFORMED,
	S3_AUTHORIZATION_QUERY_PARAMETERS_ERROR,
	S3_CONTENT_SHA256_MISMATCH,
	S3_HEADERS_NOT_SIGNED,
	S3_REQUEST_EXPIRED,
	S3_REQUEST_TIME_TOO_SKEWED,
	S3_SIGNATURE_MISMATCH,
	S3_SIGNATURE_MISMATCH_CRLF,
	S3_SIGNATURE_MISMATCH_SHORTENED,
	SERVICE_ERROR_CLI,
	SERVICE_ERROR_JSON,
	SERVICE_ERROR_XML
} from './parse-samples.ts';

const S3_PUT_CR = `PUT
/photos/2024/cat.jpg

content-type:image/jpeg
host:examplebucket.s3.amazonaws.com
x-amz-content-sha256:UNSIGNED-PAYLOAD
x-amz-date:20240220T154500Z
x-amz-meta-note:hi

content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note
UNSIGNED-PAYLOAD`;
const S3_PUT_STS = `AWS4-HMAC-SHA256
20240220T154500Z
20240220/us-east-1/s3/aws4_request
ba55d01aec9d882ef4c02e9f1a1b7a0807ee45b2c5b5e922774ae7fd82554e4f`;

describe('S3 SignatureDoesNotMatch', () => {
	it("reads every element: the server's stages, the user's signature, the key id, the rest as fields", () => {
		const r = imported(S3_SIGNATURE_MISMATCH, 's3-error-xml');
		expect(r.errors).toEqual([]);
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.message).toMatch(/^The request signature we calculated/);
		expect(r.server?.canonicalRequest).toBe(S3_PUT_CR);
		expect(r.server?.stringToSign).toBe(S3_PUT_STS);
		expect(Object.keys(r.server?.fields ?? {})).toEqual([
			'AWSAccessKeyId',
			'SignatureProvided',
			'StringToSignBytes',
			'CanonicalRequestBytes',
			'RequestId',
			'HostId'
		]);
		expect(r.server?.fields?.RequestId).toBe('4442587FB7D0A2F9');
		expect(r.provided).toEqual({ signature: FAKE_SIGNATURE });
		expect(r.params).toMatchObject({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			datetime: '20240220T154500Z',
			region: 'us-east-1',
			service: 's3',
			signedHeaders: ['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-meta-note'],
			payloadHash: 'UNSIGNED-PAYLOAD'
		});
		expect(r.mode).toBe('header');
		expect(r.request?.method).toBe('PUT');
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg');
		expect(r.notes.some((n) => /differs/.test(n))).toBe(false);
	});

	it('prefers the bytes when the text lost or gained characters (CRLF from a Windows paste)', () => {
		const r = importText(S3_SIGNATURE_MISMATCH_CRLF);
		expect(r.errors).toEqual([]);
		expect(r.server?.canonicalRequest).toBe(S3_PUT_CR);
		expect(r.server?.stringToSign).toBe(S3_PUT_STS);
		expect(r.notes).toContain(
			'CanonicalRequestBytes differs from the CanonicalRequest text at line 1 (bytes: LF (0a); text: CR (0d)); the bytes are what the server signed, so they are used.'
		);
	});

	it("reads LocalStack's uppercase byte groups, and a text collapsed to one line", () => {
		const r = importText(LOCALSTACK_SIGNATURE_MISMATCH);
		expect(r.errors).toEqual([]);
		expect(r.server?.canonicalRequest?.split('\n')).toHaveLength(7);
		expect(r.server?.canonicalRequest?.split('\n')[2]).toMatch(/^X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=/);
		expect(r.server?.stringToSign?.split('\n')).toEqual([
			'AWS4-HMAC-SHA256',
			'20130524T000000Z',
			'20130524/us-east-1/s3/aws4_request',
			'3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04'
		]);
		expect(r.mode).toBe('query');
		expect(r.params).toMatchObject({ expiresIn: 86400, signedHeaders: ['host'], accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
		expect(r.notes.join(' ')).toMatch(/bytes: LF \(0a\); text: a space/);
	});

	it('names a shortened byte list where the "…" is, and falls back on the text', () => {
		const r = importText(S3_SIGNATURE_MISMATCH_SHORTENED);
		expect(r.errors).toHaveLength(2);
		const lines = S3_SIGNATURE_MISMATCH_SHORTENED.split('\n');
		const stsLine = lines.findIndex((l) => l.includes('<StringToSignBytes>'));
		expect(r.errors[0]).toMatchObject({ line: stsLine + 1, column: lines[stsLine]!.indexOf('…') + 1 });
		expect(r.errors[0]!.message).toMatch(/the list was shortened/);
		expect(r.server?.canonicalRequest).toMatch(/^GET\n\/\n\nexpect:100-continue\n/);
		expect(r.request?.url).toBe('https://s3.amazonaws.com/');
	});

	it('decodes entities and character references, and keeps a CR written as &#13;', () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>x</Message><CanonicalRequest>GET\n/\na=1&amp;b=%3C&#x3E;\nhost:h.example&#13;\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest><StringToSign>AWS4-HMAC-SHA256&#10;20240101T000000Z&#10;20240101/us-east-1/s3/aws4_request&#10;00</StringToSign></Error>';
		const r = importText(xml);
		expect(r.errors).toEqual([]);
		expect(r.server?.canonicalRequest).toBe('GET\n/\na=1&b=%3C>\nhost:h.example\r\n\nhost\nUNSIGNED-PAYLOAD');
		expect(r.server?.stringToSign?.split('\n')[1]).toBe('20240101T000000Z');
	});

	it('a body cut off in the middle is an error at the end, with what was read kept', () => {
		const cut = S3_SIGNATURE_MISMATCH.slice(0, S3_SIGNATURE_MISMATCH.indexOf('<CanonicalRequest>') + 40);
		const r = importText(cut);
		const last = cut.split('\n');
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ line: last.length, column: last[last.length - 1]!.length + 1 });
		expect(r.errors[0]!.message).toMatch(/ends before <\/CanonicalRequest>/);
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.stringToSign).toBe(S3_PUT_STS);
	});

	it('names a lone "&" and a mismatched end tag', () => {
		const r = importText('<Error><Code>SignatureDoesNotMatch</Code><Message>a & b</Mesage></Error>');
		expect(r.errors.map((e) => e.message)).toEqual([
			'"&" is not an XML entity: XML writes a literal "&" as "&amp;".',
			'</Mesage> closes an element that was never opened.',
			'</Error> comes before </Message>: <Message> is never closed.'
		]);
		expect(r.errors[0]).toMatchObject({ line: 1, column: 53 });
		expect(r.server?.message).toBe('a & b');
	});

	it('reads an HTTP response with a JSON error body as a service error', () => {
		const r = importText(
			'HTTP/1.1 403 Forbidden\nContent-Type: application/json\n\n{"message":"Credential should be scoped to correct service: \'es\'. "}'
		);
		expect(r.kind).toBe('service-error-text');
		expect(r.server?.message).toBe("Credential should be scoped to correct service: 'es'.");
	});

	it('reads an HTTP response pasted with its status line and headers', () => {
		const r = importText(
			`HTTP/1.1 403 Forbidden\r\nx-amz-request-id: 4442587FB7D0A2F9\r\nContent-Type: application/xml\r\n\r\n${S3_HEADERS_NOT_SIGNED}`
		);
		expect(r.kind).toBe('s3-error-xml');
		expect(r.server?.fields?.HeadersNotSigned).toBe('x-amz-server-side-encryption');
	});
});

describe('other S3 error bodies', () => {
	it('RequestTimeTooSkewed: times in fields, the request time as the datetime', () => {
		const r = importText(S3_REQUEST_TIME_TOO_SKEWED);
		expect(r.server).toMatchObject({
			code: 'RequestTimeTooSkewed',
			fields: { RequestTime: '20240312T101502Z', ServerTime: '2024-03-12T11:02:47Z', MaxAllowedSkewMilliseconds: '900000' }
		});
		expect(r.params?.datetime).toBe('20240312T101502Z');
		expect(r.notes.join(' ')).toMatch(/more than 15 minutes away/);
	});

	it('AuthorizationHeaderMalformed: the region the bucket expects', () => {
		const r = importText(S3_AUTHORIZATION_HEADER_MALFORMED);
		expect(r.server?.fields?.Region).toBe('eu-central-1');
		expect(r.mode).toBe('header');
		expect(r.notes.join(' ')).toMatch(/The bucket's region is eu-central-1/);
	});

	it('AuthorizationQueryParametersError: a presigned URL problem', () => {
		const r = importText(S3_AUTHORIZATION_QUERY_PARAMETERS_ERROR);
		expect(r.server?.code).toBe('AuthorizationQueryParametersError');
		expect(r.mode).toBe('query');
		expect(r.notes.join(' ')).toMatch(/604800/);
	});

	it('XAmzContentSHA256Mismatch: both hashes', () => {
		const r = importText(S3_CONTENT_SHA256_MISMATCH);
		expect(r.server?.fields).toMatchObject({
			ClientComputedContentSHA256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
			S3ComputedContentSHA256: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d'
		});
	});

	it('AccessDenied with HeadersNotSigned', () => {
		const r = importText(S3_HEADERS_NOT_SIGNED);
		expect(r.server?.code).toBe('AccessDenied');
		expect(r.notes.join(' ')).toMatch(/Headers sent but not signed: x-amz-server-side-encryption/);
	});

	it('AccessDenied "Request has expired": expiry in the params, query mode', () => {
		const r = importText(S3_REQUEST_EXPIRED);
		expect(r.server?.fields).toMatchObject({
			'X-Amz-Expires': '3600',
			Expires: '2024-02-20T16:45:00Z',
			ServerTime: '2024-02-21T08:12:33Z'
		});
		expect(r.params?.expiresIn).toBe(3600);
		expect(r.mode).toBe('query');
		expect(r.notes.join(' ')).toMatch(/has expired \(it expired at 2024-02-20T16:45:00Z, server time 2024-02-21T08:12:33Z\)/);
	});

	it('a SigV2 string to sign in the error is named as such', () => {
		const r = importText(
			'<Error><Code>SignatureDoesNotMatch</Code><StringToSign>POST\n\nmultipart/form-data; boundary=xYzZY\n1480161600\n/dennisjakobsentestbucket/</StringToSign><SignatureProvided>P0/CTaQj1k3Zhx3gG+H8DYGzvVc=</SignatureProvided></Error>'
		);
		expect(r.notes.join(' ')).toMatch(/Signature Version 2 string/);
	});
});

describe('errors of other services', () => {
	it("reads an SDK's one-line error: the AWS CLI / botocore and aws-sdk-cpp forms", () => {
		const cli = imported(
			'An error occurred (MissingContentLength) when calling the PutObject operation: You must provide the Content-Length HTTP header.',
			'service-error-text'
		);
		expect(cli.errors).toEqual([]);
		expect(cli.server).toMatchObject({
			code: 'MissingContentLength',
			message: expect.stringContaining('You must provide the Content-Length')
		});
		const cpp = imported(
			'Error: putObject: Unable to parse ExceptionName: MissingContentLength Message: You must provide the Content-Length HTTP header.[SDK Version:1.11.519]',
			'service-error-text'
		);
		expect(cpp.server?.code).toBe('MissingContentLength');
		const b2 = imported("Unsupported header 'x-amz-checksum-crc32' received for this API call.", 'service-error-text');
		expect(b2.server?.code).toBe('InvalidArgument');
	});

	it("reads the JSON protocol's message (SQS)", () => {
		const r = imported(SERVICE_ERROR_JSON, 'service-error-text');
		expect(r.errors).toEqual([]);
		expect(r.server?.code).toBe('InvalidSignatureException');
		expect(r.server?.message).toMatch(/^The request signature we calculated .* for details\.$/);
		expect(r.server?.canonicalRequest?.split('\n')).toHaveLength(11);
		expect(r.server?.canonicalRequest).toMatch(/^POST\n\/\n\ncontent-type:application\/x-amz-json-1\.0\n/);
		expect(r.server?.stringToSign).toBe(
			'AWS4-HMAC-SHA256\n20200708T203231Z\n20200708/us-east-2/sqs/aws4_request\n3f8042ff3807d307e04d791fe6c8b14b052af1e5cfbcb3e838b8f10f9d7d4f4b'
		);
		expect(r.params).toMatchObject({ region: 'us-east-2', service: 'sqs', datetime: '20200708T203231Z' });
		expect(r.request?.url).toBe('https://sqs.us-east-2.amazonaws.com/');
	});

	it("reads the query protocol's <ErrorResponse> (IAM)", () => {
		const r = imported(SERVICE_ERROR_XML, 'service-error-xml');
		expect(r.errors).toEqual([]);
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.fields).toMatchObject({ Type: 'Sender', RequestId: '7d2f5b8c-1a3e-4f6d-9b0c-2e4a6c8e0f13' });
		expect(r.server?.canonicalRequest?.split('\n')[2]).toBe('Action=ListUsers&Version=2010-05-08');
		expect(r.request?.url).toBe('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08');
	});

	it("reads the AWS CLI's text, and undoes the second encoding of a non-S3 path", () => {
		const r = imported(SERVICE_ERROR_CLI, 'service-error-text');
		expect(r.server?.code).toBe('InvalidSignatureException');
		expect(r.server?.canonicalRequest?.split('\n')[1]).toBe('/prod/items/a%2520b');
		expect(r.request?.url).toBe('https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/items/a%20b');
		expect(r.notes.join(' ')).toMatch(/encoded twice/);
	});

	it('turns literal "\\n" back into line breaks when the message was copied from a log line', () => {
		const r = importText(
			"InvalidSignatureException: The request signature we calculated does not match the signature you provided.\\n\\nThe Canonical String for this request should have been\\n'GET\\n/\\n\\nhost:lambda.us-east-1.amazonaws.com\\nx-amz-date:20240101T000000Z\\n\\nhost;x-amz-date\\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\\n\\nThe String-to-Sign should have been\\n'AWS4-HMAC-SHA256\\n20240101T000000Z\\n20240101/us-east-1/lambda/aws4_request\\n00'\\n"
		);
		expect(r.server?.canonicalRequest?.split('\n')).toHaveLength(8);
		expect(r.params?.service).toBe('lambda');
	});

	it('a quoted stage that never ends is an error at its marker', () => {
		const text = SERVICE_ERROR_CLI.slice(0, SERVICE_ERROR_CLI.indexOf('0c3a5e7f') - 2);
		const r = importText(text);
		const markerLine = text.split('\n').findIndex((l) => l.startsWith('The String-to-Sign')) + 1;
		expect(r.errors[0]).toMatchObject({ line: markerLine, column: 1 });
		expect(r.errors[0]!.message).toMatch(/never ends/);
	});
});
