// A canonical request or a string to sign pasted on its own, and browser POST form fields.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import {
	CANONICAL_REQUEST,
	POST_FORM_FIELDS,
	POST_FORM_JS,
	POST_FORM_MULTIPART,
	PRESIGNED_POST_JSON,
	STAGES_PRINTED,
	STRING_TO_SIGN,
	STRING_TO_SIGN_APEX
} from './parse-samples.ts';

describe('canonical request', () => {
	it('keeps the text and rebuilds the request it describes', () => {
		const r = imported(`${CANONICAL_REQUEST}\n`, 'canonical-request');
		expect(r.errors).toEqual([]);
		expect(r.provided).toEqual({ canonicalRequest: CANONICAL_REQUEST });
		expect(r.request).toEqual({
			method: 'GET',
			url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
			headers: [
				['content-type', 'application/x-www-form-urlencoded; charset=utf-8'],
				['host', 'iam.amazonaws.com'],
				['x-amz-date', '20150830T123600Z']
			]
		});
		expect(r.params).toEqual({
			signedHeaders: ['content-type', 'host', 'x-amz-date'],
			payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
			// The signed x-amz-date line gives the request time.
			datetime: '20150830T123600Z'
		});
		expect(r.mode).toBe('header');
	});

	it('keeps CRLF line ends as pasted, and says so', () => {
		const crlf = CANONICAL_REQUEST.replace(/\n/g, '\r\n');
		const r = imported(crlf, 'canonical-request');
		expect(r.provided?.canonicalRequest).toBe(crlf);
		expect(r.request?.headers[1]).toEqual(['host', 'iam.amazonaws.com']);
		expect(r.notes.join(' ')).toMatch(/CRLF/);
	});

	it('tolerates a lowercase method, unsorted headers, and a missing blank line (they are findings, not noise)', () => {
		const text =
			'get\n/\n\nx-amz-date:20240101T000000Z\nhost:sns.us-east-1.amazonaws.com\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
		const r = imported(text, 'canonical-request');
		expect(r.provided?.canonicalRequest).toBe(text);
		expect(r.request?.method).toBe('GET');
		expect(r.notes.join(' ')).toMatch(/no blank line/);
		expect(r.params?.signedHeaders).toEqual(['host', 'x-amz-date']);
	});

	it('reads a presigned canonical request as query mode with its scope', () => {
		const r = importText(
			'GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD'
		);
		expect(r.mode).toBe('query');
		expect(r.params).toMatchObject({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			region: 'us-east-1',
			service: 's3',
			expiresIn: 86400,
			payloadHash: 'UNSIGNED-PAYLOAD'
		});
	});

	it('reads what a signer printed in order: canonical request, string to sign, signature', () => {
		const r = imported(STAGES_PRINTED, 'canonical-request');
		expect(r.errors).toEqual([]);
		expect(r.provided).toEqual({
			canonicalRequest: CANONICAL_REQUEST,
			stringToSign: STRING_TO_SIGN,
			signature: '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7'
		});
		expect(r.params).toMatchObject({ region: 'us-east-1', service: 'iam', datetime: '20150830T123600Z' });
	});

	it('a canonical request cut short is an error at its end', () => {
		const r = importText('PUT\n/a.txt\n\nhost:examplebucket.s3.amazonaws.com\n\nhost');
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ line: 6, column: 5 });
		expect(r.errors[0]!.message).toMatch(/before its payload hash line/);
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/a.txt');
	});
});

describe('string to sign', () => {
	it('reads the scope and the time', () => {
		const r = imported(STRING_TO_SIGN, 'string-to-sign');
		expect(r.errors).toEqual([]);
		expect(r.provided).toEqual({ stringToSign: STRING_TO_SIGN });
		expect(r.params).toEqual({ datetime: '20150830T123600Z', region: 'us-east-1', service: 'iam' });
		expect(r.request).toBeUndefined();
	});

	it('recognises the Apex string to sign (12-hour clock, base64 hash) without judging it', () => {
		const r = imported(STRING_TO_SIGN_APEX, 'string-to-sign');
		expect(r.errors).toEqual([]);
		expect(r.provided?.stringToSign).toBe(STRING_TO_SIGN_APEX);
		expect(r.params).toEqual({ datetime: '20150830T013600Z', region: 'eu-west-1', service: 'sns' });
	});

	it('keeps a malformed timestamp out of the params and says why', () => {
		const r = importText(
			'AWS4-HMAC-SHA256\n2015-08-30T13:36:00Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59'
		);
		expect(r.params?.datetime).toBeUndefined();
		expect(r.params?.region).toBe('us-east-1');
		expect(r.notes.join(' ')).toMatch(/"2015-08-30T13:36:00Z", not in the YYYYMMDD'T'HHMMSS'Z' form/);
	});

	it('a string to sign with lines missing is an error at its end', () => {
		const r = importText('AWS4-HMAC-SHA256\n20150830T123600Z\n');
		expect(r.errors[0]).toMatchObject({ line: 2, column: 17 });
		expect(r.errors[0]!.message).toMatch(/has 2 lines; it needs 4/);
	});
});

describe('browser POST upload', () => {
	it('reads a DevTools field list: SigV2 and SigV4 fields mixed (seed 004)', () => {
		const r = imported(POST_FORM_FIELDS, 'post-form');
		expect(r.errors).toEqual([]);
		expect(r.form?.map(([n]) => n)).toEqual([
			'key',
			'acl',
			'Content-Type',
			'AWSAccessKeyId',
			'policy',
			'x-amz-credential',
			'x-amz-algorithm',
			'Signature',
			'file'
		]);
		expect(r.form?.[0]).toEqual(['key', 'uploads/${filename}']);
		expect(r.sigv2Fields?.map(([n]) => n)).toEqual(['AWSAccessKeyId', 'Signature']);
		expect(r.params).toMatchObject({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', service: 's3' });
		expect(r.notes.join(' ')).toMatch(/The policy decodes to JSON: expiration 2016-11-27T12:00:00.000Z, 1 condition\./);
		expect(r.notes.join(' ')).toMatch(
			/SigV2 fields \(AWSAccessKeyId, Signature\) sit next to SigV4 ones \(x-amz-credential, x-amz-algorithm\)/
		);
	});

	it("reads seed 004's formData.append calls", () => {
		const r = imported(POST_FORM_JS, 'post-form');
		expect(r.form?.map(([n]) => n)).toEqual([
			'key',
			'acl',
			'Content-Type',
			'AWSAccessKeyId',
			'policy',
			'x-amz-credential',
			'x-amz-algorithm',
			'Signature',
			'file'
		]);
		expect(r.form?.[3]).toEqual(['AWSAccessKeyId', '(expression: signature.accessKey)']);
		expect(r.sigv2Fields?.map(([n]) => n)).toEqual(['AWSAccessKeyId', 'Signature']);
	});

	it('reads a multipart request (the S3 sigv4-post-example)', () => {
		const r = imported(POST_FORM_MULTIPART, 'post-form');
		expect(r.request?.url).toBe('https://sigv4examplebucket.s3.amazonaws.com/');
		expect(r.form).toHaveLength(8);
		expect(r.form?.[7]).toEqual(['file', '(file photo.jpg)']);
		expect(r.sigv2Fields).toBeUndefined();
		expect(r.params).toMatchObject({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			region: 'us-east-1',
			service: 's3',
			datetime: '20151229T000000Z'
		});
		expect(r.provided?.signature).toBe('8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e');
	});

	it("reads createPresignedPost's {url, fields}", () => {
		const r = imported(PRESIGNED_POST_JSON, 'post-form');
		expect(r.request?.url).toBe('https://sigv4examplebucket.s3.us-east-1.amazonaws.com/');
		expect(r.form?.find(([n]) => n === 'Policy')?.[1]).toMatch(/^eyAi/);
		expect(r.provided?.signature).toBe('8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e');
	});
});
