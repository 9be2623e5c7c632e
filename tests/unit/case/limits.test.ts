import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE, importPaste, readCase } from '../../../src/lib/case/index.ts';
import {
	LARGE_PASTE_CHARS,
	LARGE_PASTE_LINES,
	MAX_TEXT_CHARS,
	MAX_TEXT_LINES,
	caseTooLarge,
	countLines,
	hiddenBody,
	isLargeText,
	pasteTooLarge
} from '../../../src/lib/case/limits.ts';

const HEAD = 'PUT /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n';

describe('the limits on text, in one place', () => {
	it('counts lines, and a request head only up to its body', () => {
		expect(countLines('a')).toBe(1);
		expect(countLines('a\nb\n')).toBe(3);
		expect(countLines('a\nb\n\nbody\nmore', { headOnly: true })).toBe(2);
		expect(countLines('a\r\nb\r\n\r\nbody\nmore', { headOnly: true })).toBe(2);
		// Counting stops past the limit: a million lines cost no more than the limit.
		expect(countLines('\n'.repeat(1_000_000), { limit: 10 })).toBe(11);
	});

	it('calls a paste large by characters or by lines, for the paste box to show a summary', () => {
		expect(isLargeText('x'.repeat(LARGE_PASTE_CHARS))).toBe(false);
		expect(isLargeText('x'.repeat(LARGE_PASTE_CHARS + 1))).toBe(true);
		expect(isLargeText('\n'.repeat(LARGE_PASTE_LINES - 1))).toBe(false);
		expect(isLargeText('\n'.repeat(LARGE_PASTE_LINES))).toBe(true);
	});

	it('refuses a paste over 5 MB, saying how large it is and what the page takes', () => {
		expect(pasteTooLarge(MAX_TEXT_CHARS)).toBeUndefined();
		expect(pasteTooLarge(6 * 1024 * 1024)).toBe(
			'This paste is 6.0 MB; the page takes up to 5.0 MB (cut a HAR down to the failing request, or a body to its first lines).'
		);
		expect(pasteTooLarge(50 * 1024 * 1024, 'body.txt')).toMatch(/^body\.txt is 50\.0 MB; the page takes up to 5\.0 MB/);
	});

	it('names the first text of a case that is too large by its path, counting nested texts', () => {
		expect(caseTooLarge(DEFAULT_CASE)).toBeUndefined();
		const lines = 'a:b\n'.repeat(MAX_TEXT_LINES);
		expect(caseTooLarge({ ...DEFAULT_CASE, provided: { canonicalRequest: lines } }, 'case')).toBe(
			`"case.provided.canonicalRequest" has more than 20,000 lines, more than the page takes in one text`
		);
		expect(caseTooLarge({ ...DEFAULT_CASE, form: [['key', lines]] })).toMatch(/^"form\[0\]\[1\]" has more than 20,000 lines/);
		// The paste box's own text is measured in characters only: the box shows a large one as a summary.
		expect(caseTooLarge({ ...DEFAULT_CASE, pasteText: lines })).toBeUndefined();
		expect(caseTooLarge({ ...DEFAULT_CASE, pasteText: 'x'.repeat(MAX_TEXT_CHARS + 1) })).toBe(
			'"pasteText" has 5,242,881 characters, more than the 5,242,880 the page takes in one text'
		);
	});
});

describe('a large request in its textarea', () => {
	it('shows the head and keeps the body aside, exactly', () => {
		const body = 'x'.repeat(LARGE_PASTE_CHARS);
		const text = `${HEAD}\r\n${body}`;
		const split = hiddenBody(text)!;
		expect(split.shown).toBe(HEAD.slice(0, -1));
		expect(split.shown + split.hidden).toBe(text);
		expect(hiddenBody(`${HEAD}\nsmall body`)).toBeUndefined();
	});

	it('hides the whole request when its head is large too', () => {
		const text = HEAD + 'X-Amz-Meta-A: 1\n'.repeat(LARGE_PASTE_LINES);
		expect(hiddenBody(text)).toEqual({ shown: '', hidden: text });
	});
});

describe('importPaste applies the limits', () => {
	it('refuses a paste over 5 MB without reading it, and leaves the case as it was', () => {
		const { case: c, report } = importPaste(DEFAULT_CASE, HEAD + '\n' + 'x'.repeat(MAX_TEXT_CHARS));
		expect(report.problem).toMatch(/^This paste is just over 5\.0 MB; the page takes up to 5\.0 MB/);
		expect(report.kind).toBe('unknown');
		expect(c).toBe(DEFAULT_CASE);
	});

	it('refuses a request of more header lines than the page takes, and says so', () => {
		const text = HEAD + 'X-Amz-Meta-A: 1\n'.repeat(MAX_TEXT_LINES);
		const { case: c, report } = importPaste(DEFAULT_CASE, text);
		expect(report.problem).toBe(
			'Nothing was imported: the request it gives has more than 20,000 lines before its body, more than the page takes in one text. Cut the paste down to the request that failed.'
		);
		expect(report.summary).toEqual([]);
		expect(c.requestText).toBe(DEFAULT_CASE.requestText);
		expect(c.pasteText).toBe(text);
	});

	it('takes a body of any number of lines under 5 MB', () => {
		const body = 'line\n'.repeat(100_000);
		const { case: c, report } = importPaste(DEFAULT_CASE, `${HEAD}\n${body}`);
		expect(report.problem).toBeUndefined();
		expect(c.requestText.endsWith(body)).toBe(true);
	});

	it('refuses evidence of more lines than the page takes (a canonical request of 30,000 lines)', () => {
		const { report } = importPaste(DEFAULT_CASE, 'GET\n/\n\n' + 'a:b\n'.repeat(30_000) + '\na\nUNSIGNED-PAYLOAD');
		expect(report.problem).toMatch(/^Nothing was imported: its canonical request has more than 20,000 lines/);
	});
});

describe('readCase applies the limits after unpacking', () => {
	it('refuses a case whose canonical request has more lines than the page takes', () => {
		const read = readCase({ provided: { canonicalRequest: 'GET\n/\n\n' + 'a:b\n'.repeat(90_000) } });
		expect(read).toEqual({
			problem: '"provided.canonicalRequest" has more than 20,000 lines, more than the page takes in one text',
			tooLarge: true
		});
	});

	it('opens a case at the limit, with a paste box text of many blank lines', () => {
		const read = readCase({ pasteText: '\n'.repeat(200_000) + 'x', provided: { canonicalRequest: 'a\n'.repeat(MAX_TEXT_LINES - 1) } });
		expect('case' in read && read.case.pasteText.length).toBe(200_001);
	});
});
