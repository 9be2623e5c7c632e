// Browser exports: "Copy as fetch" (Chrome, Firefox) and HAR files.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import { FAKE_SIGNATURE, FETCH_CHROME, FETCH_FIREFOX, HAR } from './parse-samples.ts';

describe('Copy as fetch', () => {
	it("reads Chrome's fetch: URL, headers in order, body, method", () => {
		const r = imported(FETCH_CHROME, 'fetch');
		expect(r.errors).toEqual([]);
		expect(r.request?.method).toBe('PUT');
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg');
		expect(r.request?.headers.map(([n]) => n)).toEqual([
			'accept',
			'authorization',
			'content-type',
			'x-amz-content-sha256',
			'x-amz-date',
			'x-amz-meta-note'
		]);
		expect(r.request?.body).toBe('x');
		expect(r.params).toMatchObject({
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			region: 'us-east-1',
			service: 's3',
			datetime: '20240220T154500Z'
		});
		expect(r.provided?.signature).toBe('51436d782968b7fb94e426a6bb969db7fa295343dedeebcb801b42b32a1e7517');
		expect(r.notes.join(' ')).toMatch(/Referer, Origin/);
	});

	it('reads Firefox\'s "await fetch" with a JSON body', () => {
		const r = imported(FETCH_FIREFOX, 'fetch');
		expect(r.errors).toEqual([]);
		expect(r.request?.method).toBe('POST');
		expect(r.request?.body).toBe('{}');
		expect(r.params).toMatchObject({ region: 'us-east-2', service: 'sqs', datetime: '20200708T203231Z' });
	});

	it('is lenient: single quotes, unquoted keys, trailing commas, comments, a variable body', () => {
		const r = importText(`fetch('https://lambda.us-east-1.amazonaws.com/2015-03-31/functions', {
  method: 'GET', // list
  headers: { 'X-Amz-Date': '20240101T000000Z', Accept: "application/json", },
  body: payload,
})`);
		expect(r.kind).toBe('fetch');
		expect(r.errors).toEqual([]);
		expect(r.request?.headers).toEqual([
			['X-Amz-Date', '20240101T000000Z'],
			['Accept', 'application/json']
		]);
		expect(r.request?.body).toBeUndefined();
		expect(r.notes.join(' ')).toMatch(/expression payload/);
	});

	it('decodes JavaScript escapes in strings and never evaluates', () => {
		const r = importText(
			'fetch("https://sqs.us-east-1.amazonaws.com/", {"body": "a\\u0026b\\n\\x41", "method": "POST", "headers": {"x": `${alert(1)}`}})'
		);
		expect(r.request?.body).toBe('a&b\nA');
		expect(r.request?.headers).toEqual([['x', '${alert(1)}']]);
	});

	it('points at the place where the literal breaks', () => {
		const r = importText('fetch("https://sqs.us-east-1.amazonaws.com/", {\n  "method": "POST"\n  "body": "x"\n});');
		expect(r.errors.length).toBeGreaterThan(0);
		expect(r.errors[0]).toMatchObject({ line: 3, column: 3 });
		expect(r.errors[0]!.message).toMatch(/Expected "," or "}"/);
		expect(r.request?.method).toBe('POST');
		const cut = importText('fetch("https://sqs.us-east-1.amazonaws.com/", {\n  "headers": {\n    "a": "b');
		expect(cut.errors.some((e) => /never closed/.test(e.message))).toBe(true);
	});

	it('a URL that is a variable is an error at the variable', () => {
		const r = importText('fetch(url, { method: "GET" })');
		expect(r.errors[0]).toMatchObject({ line: 1, column: 7 });
		expect(r.errors[0]!.message).toMatch(/expression url/);
	});
});

describe('HAR', () => {
	it("chooses the signed request that failed, lists every entry, and reads the server's answer", () => {
		const r = imported(HAR, 'har');
		expect(r.errors).toEqual([]);
		expect(r.entries).toEqual([
			{ index: 0, method: 'GET', url: 'https://app.example.com/api/upload-url?name=cat.jpg', status: 200, signed: false },
			{ index: 1, method: 'OPTIONS', url: 'https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg', status: 200, signed: false },
			{ index: 2, method: 'PUT', url: 'https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg', status: 403, signed: true }
		]);
		expect(r.notes[0]).toBe(
			'HAR: entry 3 of 3 chosen (the first signed request that failed): PUT https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg.'
		);
		expect(r.request?.method).toBe('PUT');
		expect(r.request?.body).toBe('x');
		expect(r.mode).toBe('header');
		expect(r.provided?.signature).toBe(FAKE_SIGNATURE);
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
		expect(r.server?.canonicalRequest).toMatch(/^PUT\n\/photos\/2024\/cat\.jpg\n/);
		expect(r.params?.payloadHash).toBeUndefined();
	});

	it('imports the entry asked for, and drops HTTP/2 pseudo-headers', () => {
		const r = importText(HAR, { harEntry: 0 });
		expect(r.request?.url).toBe('https://app.example.com/api/upload-url?name=cat.jpg');
		expect(r.request?.headers).toEqual([['accept', 'application/json']]);
		expect(r.notes.join(' ')).toMatch(/entry 1 of 3 chosen \(as asked\)/);
		expect(r.notes.join(' ')).toMatch(/pseudo-headers \(:authority, :method\)/);
		expect(r.mode).toBeUndefined();
	});

	it('says so when the entry asked for does not exist', () => {
		const r = importText(HAR, { harEntry: 7 });
		expect(r.request).toBeUndefined();
		expect(r.entries).toHaveLength(3);
		expect(r.errors[0]!.message).toMatch(/no entry 7 .* entries 0 to 2/);
	});

	it('reads a HAR whose JSON is damaged as far as it can, and names the spot', () => {
		const broken = HAR.replace('"method": "PUT",', '"method": "PUT"');
		const r = imported(broken, 'har');
		const line = broken.split('\n').findIndex((l) => l.includes('"method": "PUT"')) + 2;
		expect(r.errors[0]!.line).toBe(line);
		expect(r.errors[0]!.message).toMatch(/JSON is broken/);
		expect(r.request?.method).toBe('PUT');
	});

	it('reads a response body stored as base64', () => {
		const har = JSON.parse(HAR) as { log: { entries: { response: { content: { text?: string; encoding?: string } } }[] } };
		const content = har.log.entries[2]!.response.content;
		content.text = btoa(content.text!);
		content.encoding = 'base64';
		const r = importText(JSON.stringify(har));
		expect(r.server?.code).toBe('SignatureDoesNotMatch');
	});

	it('an empty HAR is an error that says what to record', () => {
		const r = imported('{"log":{"version":"1.2","entries":[]}}', 'har');
		expect(r.errors[0]!.message).toMatch(/no entries/);
		expect(r.errors[0]!.fix).toMatch(/Save all as HAR/);
	});
});
