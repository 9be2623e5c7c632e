// Odd characters pasted into the page get a clear answer: a NUL or a control character in a URL is
// an error at its line and column, half of a surrogate pair a note and a finding. Never a page
// error, an unhandled rejection or an empty result (reliability report rows 14 and 15).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { openApp, pasteInto } from './pane-helpers.ts';
import { DEFAULT_PARAMS } from '../../src/lib/case/examples.ts';
import { signRequest } from '../../src/lib/sigv4/index.ts';

const app = useApp();

/** The app, with unhandled rejections recorded as well as page errors. */
async function open() {
	const opened = await openApp(app.browser, app.url);
	await opened.page.evaluate(() => {
		const w = window as unknown as { rejections: string[] };
		w.rejections = [];
		window.addEventListener('unhandledrejection', (e) => w.rejections.push(String(e.reason)));
	});
	return opened;
}

const rejections = (page: Page) => page.evaluate(() => (window as unknown as { rejections: string[] }).rejections);
const pasteResult = (page: Page) => page.locator('#paste-result').textContent();

describe('odd characters in a paste', () => {
	it('a NUL in the request line: an error at line 1, column 7, and the page goes on', async () => {
		const { context, page, errors } = await open();
		await pasteInto(page, 'GET /a\u0000b HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await expect.poll(() => pasteResult(page), { timeout: 10_000 }).toMatch(/Line 1, column 7:.*U\+0000 \(NUL\)/s);
		expect(await pasteResult(page)).toMatch(/%00/);
		// The page still works: a good paste after it is read.
		await pasteInto(page, 'GET /b.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /b.txt HTTP/1.1');
		expect(errors).toEqual([]);
		expect(await rejections(page)).toEqual([]);
		await context.close();
	});

	it('a control character in a curl URL: an error where the paste shows it', async () => {
		const { context, page, errors } = await open();
		await pasteInto(page, "curl 'https://examplebucket.s3.amazonaws.com/a\u0001b'");
		await expect.poll(() => pasteResult(page), { timeout: 10_000 }).toMatch(/Line 1, column 47:.*U\+0001/s);
		expect(errors).toEqual([]);
		expect(await rejections(page)).toEqual([]);
		await context.close();
	});

	it('half of a surrogate pair in a header: a note at its line and column, and a lone-surrogate finding', async () => {
		const { context, page, errors } = await open();
		const lone = '\udce3';
		const signed = await signRequest(
			{ method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/a.txt', headers: [['x-amz-meta-a', `b${lone}`]] },
			DEFAULT_PARAMS
		);
		const text = [
			'GET /a.txt HTTP/1.1',
			'Host: examplebucket.s3.amazonaws.com',
			...signed.request.headers.filter(([n]) => n.toLowerCase() !== 'host').map(([n, v]) => `${n}: ${v}`),
			''
		].join('\n');
		// Built in the page: the DevTools protocol carries text as UTF-8, which has no lone surrogates.
		await page.evaluate(
			({ text, code }) => {
				const box = document.querySelector<HTMLTextAreaElement>('#paste')!;
				box.value = text.replace('\u0001', String.fromCharCode(code));
				box.dispatchEvent(new Event('input', { bubbles: true }));
			},
			{ text: text.replace(lone, '\u0001'), code: 0xdce3 }
		);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => pasteResult(page), { timeout: 10_000 }).toMatch(/Line 3, column 16: .*U\+DCE3.*U\+FFFD/s);
		await expect.poll(() => page.locator('.findings .code').allTextContents(), { timeout: 15_000 }).toContain('lone-surrogate');
		expect(errors).toEqual([]);
		expect(await rejections(page)).toEqual([]);
		await context.close();
	});
});
