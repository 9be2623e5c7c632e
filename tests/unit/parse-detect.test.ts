// Format detection: every sample lands in its kind, whatever surrounds it; unknown text gets a
// helpful error; the result is plain data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText, type ImportKind } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import { PRESIGNED_URL, SAMPLES, STRING_TO_SIGN_APEX } from './parse-samples.ts';

const EXPECTED: Record<string, ImportKind> = {
	RAW_HTTP: 'raw-http',
	RAW_HTTP_POST_CRLF: 'raw-http',
	RAW_HTTP_PRESIGNED: 'raw-http',
	PRESIGNED_URL: 'presigned-url',
	AUTHORIZATION_HEADER: 'authorization-header',
	HEADER_BLOCK: 'authorization-header',
	CURL_CHROME: 'curl',
	CURL_AWS_SIGV4: 'curl',
	CURL_GET_DATA: 'curl',
	CURL_UPLOAD_FILE: 'curl',
	CURL_HEAD: 'curl',
	CURL_CMD: 'curl',
	CURL_FORM: 'post-form',
	FETCH_CHROME: 'fetch',
	FETCH_FIREFOX: 'fetch',
	S3_SIGNATURE_MISMATCH: 's3-error-xml',
	S3_SIGNATURE_MISMATCH_CRLF: 's3-error-xml',
	S3_SIGNATURE_MISMATCH_SHORTENED: 's3-error-xml',
	LOCALSTACK_SIGNATURE_MISMATCH: 's3-error-xml',
	S3_REQUEST_TIME_TOO_SKEWED: 's3-error-xml',
	S3_AUTHORIZATION_HEADER_MALFORMED: 's3-error-xml',
	S3_AUTHORIZATION_QUERY_PARAMETERS_ERROR: 's3-error-xml',
	S3_CONTENT_SHA256_MISMATCH: 's3-error-xml',
	S3_HEADERS_NOT_SIGNED: 's3-error-xml',
	S3_REQUEST_EXPIRED: 's3-error-xml',
	SERVICE_ERROR_JSON: 'service-error-text',
	SERVICE_ERROR_XML: 'service-error-xml',
	SERVICE_ERROR_CLI: 'service-error-text',
	BOTOCORE_LOG: 'botocore-log',
	CURL_VERBOSE: 'curl-verbose',
	AWSCURL_LOG: 'awscurl-log',
	CANONICAL_REQUEST: 'canonical-request',
	STRING_TO_SIGN: 'string-to-sign',
	STRING_TO_SIGN_APEX: 'string-to-sign',
	STAGES_PRINTED: 'canonical-request',
	SIGV2_REQUEST: 'sigv2-request',
	SIGV2_URL: 'sigv2-request',
	SIGV2_PARAMS: 'sigv2-request',
	POST_FORM_FIELDS: 'post-form',
	POST_FORM_JS: 'post-form',
	POST_FORM_MULTIPART: 'post-form',
	PRESIGNED_POST_JSON: 'post-form',
	HAR: 'har'
};

describe('format detection', () => {
	it('covers every sample', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(SAMPLES).sort());
	});

	for (const [name, text] of Object.entries(SAMPLES)) {
		it(`${name} → ${EXPECTED[name]}, also with blank lines, indentation, a BOM and CRLF around it`, () => {
			expect(importText(text).kind).toBe(EXPECTED[name]);
			expect(importText(`\uFEFF\n\n${text}\n\n`).kind).toBe(EXPECTED[name]);
			if (!/^\s*[{<]/.test(text) && !text.includes('\r')) expect(importText(text.replace(/\n/g, '\r\n')).kind).toBe(EXPECTED[name]);
		});
	}

	it('returns plain data: JSON round-trips it unchanged', () => {
		for (const text of Object.values(SAMPLES)) {
			const r = importText(text);
			expect(JSON.parse(JSON.stringify(r))).toEqual(r);
		}
	});

	it('does not change the text it was given', () => {
		const text = `  ${STRING_TO_SIGN_APEX}\r\n`;
		const copy = `${text}`;
		importText(text);
		expect(text).toBe(copy);
	});
});

describe('a log line with a bracketed prefix is a log, not broken JSON', () => {
	// pingvin-share #798 (https://github.com/stonith404/pingvin-share/issues/798): a NestJS log of the SDK's error.
	const NEST = [
		'[Nest] 31  - 12/06/2026, 10:15:42 AM   ERROR [ExceptionsHandler] The request signature we calculated does not match the signature you provided. Check your key and signing method.',
		'SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
		'    at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20)'
	].join('\n');

	it("reads the error a NestJS log carries, and an [ERROR] or a timestamped line's, with no JSON error", () => {
		const r = importText(NEST);
		expect(r.kind).toBe('service-error-text');
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.errors).toEqual([]);
		for (const prefix of ['[ERROR] upload failed:', '[2026-12-06 10:15:42] worker-3:']) {
			const line = importText(
				`${prefix} SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.`
			);
			expect(line.errors.map((e) => e.message).join(' ')).not.toMatch(/JSON/);
			expect(line.server?.code).toBe('SignatureDoesNotMatch');
		}
	});

	it('still reads JSON arrays as JSON, and says what is broken in one', () => {
		for (const text of ['[{"a": 1}]', '[1, 2]', '[true]', '[[1, 2], [3]]'])
			expect(importText(text).errors[0]?.message ?? '').not.toMatch(/^The JSON is broken/);
		expect(importText('[{"a": 1},]').errors[0]?.message).toMatch(/^The JSON is broken/);
	});
});

describe('unknown and empty text', () => {
	it('empty text says what can be pasted', () => {
		for (const text of ['', '   ', '\n\n\t']) {
			const r = imported(text, 'unknown');
			expect(r.errors).toHaveLength(1);
			expect(r.errors[0]).toMatchObject({ line: 1, column: 1, message: 'The text is empty.' });
			expect(r.errors[0]!.fix).toMatch(/curl command/);
		}
	});

	it('prose is unknown, with an error at its first character listing every format', () => {
		const r = imported('\n   Hello, my upload to S3 fails with 403, any idea?', 'unknown');
		expect(r.errors[0]).toMatchObject({ line: 2, column: 4 });
		expect(r.errors[0]!.fix).toMatch(
			/raw HTTP request.*curl.*fetch.*HAR.*presigned URL.*Authorization header.*error body.*botocore.*canonical request.*string to sign.*POST upload/
		);
	});

	it('JSON that is no HAR and no error says so', () => {
		const r = imported('{"hello": "world"}', 'unknown');
		expect(r.errors[0]!.message).toMatch(/neither a HAR file nor an AWS error/);
	});

	it('non-string input does not throw', () => {
		expect(importText(undefined as unknown as string).kind).toBe('unknown');
	});
});

describe('evidence inside other text', () => {
	it('finds a presigned URL in a forum post', () => {
		const r = imported(
			`I generate this URL in Apex and S3 says SignatureDoesNotMatch:\n\n${PRESIGNED_URL}\n\nWhat is wrong? Thanks!`,
			'presigned-url'
		);
		expect(r.request?.url).toBe(PRESIGNED_URL);
		expect(r.notes.join(' ')).toMatch(/Read from the text: a presigned URL \(line 3\)/);
	});

	it('finds a string to sign in a question (the Apex seed)', () => {
		const r = imported(`My debug log shows:\n${STRING_TO_SIGN_APEX}\nand then IncompleteSignature.`, 'string-to-sign');
		expect(r.provided?.stringToSign).toBe(STRING_TO_SIGN_APEX);
	});

	it('finds an S3 error body after other text', () => {
		const r = imported(`Response from S3:\n${SAMPLES.S3_HEADERS_NOT_SIGNED}`, 's3-error-xml');
		expect(r.server?.fields?.HeadersNotSigned).toBe('x-amz-server-side-encryption');
	});
});

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

describe.skipIf(!existsSync(SEEDS))('the user stories in ../shared/seeds (skipped when the folder is absent)', () => {
	const seeds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : [];

	it('seed 004 (a whole forum post): its formData.append calls are a POST form with SigV2 fields mixed in', () => {
		const file = seeds.find((f) => f.startsWith('004_'));
		expect(file).toBeDefined();
		const r = importText(readFileSync(new URL(file!, SEEDS), 'utf8'));
		expect(r.kind).toBe('post-form');
		expect(new Set(r.sigv2Fields?.map(([n]) => n))).toEqual(new Set(['AWSAccessKeyId', 'Signature']));
		expect(r.notes.join(' ')).toMatch(/SigV2 fields \(AWSAccessKeyId, Signature\) sit next to SigV4 ones/);
	});

	it('every seed imports without throwing; prose without a request is unknown with an error that says what to paste', () => {
		for (const file of seeds) {
			const r = importText(readFileSync(new URL(file, SEEDS), 'utf8'));
			if (r.kind === 'unknown') expect(r.errors[0]!.fix).toMatch(/curl command/);
		}
	});
});
