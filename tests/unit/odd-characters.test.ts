// Odd characters in a paste or a request (a NUL, a control character in a URL, half of a surrogate
// pair) get a clear answer: an error at its line and column, a note or a finding, never an
// exception, an empty import, or "internal error: URI malformed".
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_CASE, importPaste, type Case } from '../../src/lib/case/index.ts';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import { importText } from '../../src/lib/parse/index.ts';
import { parseXml, MAX_XML_PROBLEMS } from '../../src/lib/parse/flat-xml.ts';
import { formatHttpRequest, signRequest, SigningError } from '../../src/lib/sigv4/index.ts';

const HOST = 'Host: examplebucket.s3.amazonaws.com';
const PARAMS = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z'
};
const paste = (text: string) => importPaste(structuredClone(DEFAULT_CASE) as Case, text);

describe('a control character in a pasted URL', () => {
	it('a NUL in the request line is an error at its line and column, and the paste says so', () => {
		const text = `GET /a\u0000b HTTP/1.1\n${HOST}\n`;
		const { report } = paste(text);
		expect(report.errors).toEqual([expect.objectContaining({ line: 1, column: 7, message: expect.stringMatching(/U\+0000 \(NUL\)/) })]);
		expect(report.errors[0]!.fix).toMatch(/%00/);
	});

	it('an ESC after leading blank lines is placed on its own line', () => {
		const result = importText(`\n\n  PUT /k\u001bx HTTP/1.1\n${HOST}\n`);
		expect(result.errors[0]).toMatchObject({ line: 3, column: 9, message: expect.stringMatching(/U\+001B \(ESC\)/) });
	});

	it('a control character in a curl URL is an error where the paste shows it, and the request is left out', () => {
		const result = importText("curl 'https://examplebucket.s3.amazonaws.com/a\u0001b'");
		expect(result.errors).toEqual([expect.objectContaining({ line: 1, column: 47, message: expect.stringMatching(/U\+0001/) })]);
		expect(result.request).toBeUndefined();
	});

	it('a HAR URL the signer refuses is an error, not a crash of the import into the case', () => {
		const har = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://a b.amazonaws.com/', headers: [] } }] } });
		const { report } = paste(har);
		expect(report.errors.map((e) => e.message).join(' ')).toMatch(/white space/);
	});

	it('the page analyses a request box with a NUL as an error at its line and column', async () => {
		const c: Case = { ...(structuredClone(DEFAULT_CASE) as Case), requestText: `GET /a\u0000b HTTP/1.1\n${HOST}\n` };
		const a = await analyze(c);
		expect(a.error).toMatchObject({ field: 'request', message: expect.stringMatching(/^Line 1, column 7: .*U\+0000/) });
	});

	it('formatting a request never throws on a URL the signer refuses; signing names the character', async () => {
		const req = { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/a\u0000b', headers: [] };
		expect(formatHttpRequest(req)).toBe('GET /a\u0000b HTTP/1.1\n\n');
		expect(formatHttpRequest({ ...req, url: 'not a url' })).toBe('GET not a url HTTP/1.1\n\n');
		const error = await signRequest(req, PARAMS).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SigningError);
		expect((error as SigningError).message).toMatch(/U\+0000 \(NUL\) at character 41/);
	});
});

describe('half of a surrogate pair', () => {
	it('curl --data-urlencode of a lone surrogate imports (as U+FFFD) with a note at its line and column', () => {
		const result = importText("curl -G --data-urlencode 'q=\udce3' https://a.example/");
		expect(result.errors).toEqual([]);
		expect(result.request?.url).toBe('https://a.example/?q=%EF%BF%BD');
		expect(result.notes.join(' ')).toMatch(/Line 1, column 29: .*U\+DCE3.*U\+FFFD/);
	});

	it('a lone surrogate in a header value is noted at its line and column', () => {
		const result = importText(`GET /a HTTP/1.1\n${HOST}\nx-amz-meta-a: b\ud83dc\n`);
		expect(result.request?.headers[1]).toEqual(['x-amz-meta-a', ' b\ud83dc']);
		expect(result.notes.join(' ')).toMatch(/Line 3, column 16: .*U\+D83D/);
	});

	it('is a warning finding when the request is signed with it', async () => {
		const request = {
			method: 'PUT',
			url: 'https://examplebucket.s3.amazonaws.com/k',
			headers: [['x-amz-meta-a', 'b\udce3']] as [string, string][]
		};
		const trace = await signRequest(request, PARAMS);
		const replaced = await signRequest({ ...request, headers: [['x-amz-meta-a', 'b\ufffd']] }, PARAMS);
		expect(trace.signature).toBe(replaced.signature);
		const findings = await diagnose({ request, params: PARAMS, mode: 'header', provided: { authorization: trace.authorization! } });
		expect(findings.find((f) => f.code === 'lone-surrogate')).toMatchObject({
			severity: 'warning',
			line: 2,
			message: expect.stringMatching(/U\+DCE3/)
		});
	});

	it('a whole pair is no finding', async () => {
		const request = {
			method: 'PUT',
			url: 'https://examplebucket.s3.amazonaws.com/k',
			headers: [['x-amz-meta-a', 'b\ud83d\ude00']] as [string, string][]
		};
		const trace = await signRequest(request, PARAMS);
		const findings = await diagnose({ request, params: PARAMS, mode: 'header', provided: { authorization: trace.authorization! } });
		expect(findings.map((f) => f.code)).not.toContain('lone-surrogate');
	});
});

describe('the XML reader caps its problem list', () => {
	it(`keeps the first ${MAX_XML_PROBLEMS} problems and counts the rest`, () => {
		const parsed = parseXml(`<Error><Code>${'<'.repeat(10_000)}</Code></Error>`);
		expect(parsed.problems).toHaveLength(MAX_XML_PROBLEMS);
		expect(parsed.dropped).toBe(10_000 - MAX_XML_PROBLEMS);
		expect(parsed.root?.name).toBe('Error');
	});

	it('the import says how many more there are', () => {
		const result = importText(`<Error><Code>${'&x'.repeat(5_000)}</Code></Error>`);
		expect(result.notes).toContain('4,950 more problems in the XML are not listed; fix the first ones and paste again.');
	});
});
