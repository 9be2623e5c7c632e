// Large input: the paste box takes up to 5 MB from the clipboard without laying it into the
// textarea, refuses more with a clear message, and a link whose case is too large once unpacked is
// refused by the page's limits. Speed is measured by `npm run bench` (scripts/bench-heavy.mjs).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto, hydrated } from './pane-helpers.ts';
import { encodeCase } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE } from '../../src/lib/case/index.ts';

const app = useApp();

/**
 * Pastes text made in the page (megabytes never cross the DevTools connection) as Chromium
 * delivers a paste: a paste event carrying the clipboard; the browser lays the text into the box
 * only when the page does not take it.
 */
async function pasteMade(page: Page, make: string, into = '#paste'): Promise<void> {
	await page.evaluate(
		([source, selector]) => {
			const text = new Function(`return ${source}`)() as string;
			const box = document.querySelector<HTMLTextAreaElement>(selector!)!;
			box.focus();
			const data = new DataTransfer();
			data.setData('text/plain', text);
			const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
			box.dispatchEvent(event);
			if (!event.defaultPrevented) {
				box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
				box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
			}
		},
		[make, into]
	);
}

/** A HAR of about 1.2 MB: 300 requests, each padded with a 4 KB header. */
const HAR = `JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: Array.from({ length: 300 }, (_, i) => ({
	startedDateTime: '2013-05-24T00:00:00.000Z',
	request: { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/object-' + i + '.txt', httpVersion: 'HTTP/1.1',
		headers: [{ name: 'Host', value: 'examplebucket.s3.amazonaws.com' }, { name: 'X-Amz-Date', value: '20130524T000000Z' }, { name: 'X-Padding', value: 'p'.repeat(4000) }],
		queryString: [], headersSize: -1, bodySize: 0 },
	response: { status: 403, statusText: 'Forbidden', headers: [], content: { size: 0, mimeType: 'text/plain' } },
	timings: { send: 0, wait: 1, receive: 0 } })) } }, null, 2)`;

describe('large input', () => {
	it('refuses a paste over 5 MB, says so, keeps the box as it was, and goes on working', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await page.locator('#paste').fill('kept');
		await pasteMade(page, `'GET / HTTP/1.1\\nHost: examplebucket.s3.amazonaws.com\\n\\n' + 'x'.repeat(6 * 1024 * 1024)`);
		const problem = page.locator('#paste-result .problem');
		await expect.poll(() => problem.textContent()).toContain('This paste is 6.0 MB; the page takes up to 5.0 MB');
		expect(await problem.textContent()).toContain('Nothing was imported; the box keeps what it had.');
		expect(await page.locator('#paste').inputValue()).toBe('kept');

		await pasteInto(page, 'GET /after.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /after.txt');
		expect(await page.locator('#paste-result').textContent()).toContain('Recognised an HTTP request');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('imports a large paste without laying it into the box, shows its size, and clears it', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await page.locator('#paste').fill('GET /old HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await page.locator('#paste').selectText();
		await pasteMade(page, HAR);
		const summary = page.locator('#paste-large');
		await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toMatch(/Pasted 1\.\d MB \([\d,]+ characters\) — not shown/);
		await expect.poll(() => page.locator('#paste-result').textContent(), { timeout: 20_000 }).toContain('Recognised a HAR file');
		expect(await page.locator('#paste').inputValue()).toBe('');
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /object-0.txt');
		// Another request of the HAR is chosen from the list, and read from the same large paste.
		await page.getByLabel('Request from the HAR file').selectOption('7');
		await expect.poll(() => page.locator('#request').inputValue(), { timeout: 20_000 }).toContain('GET /object-7.txt');

		await page.getByRole('button', { name: 'Clear the paste box' }).click();
		await expect.poll(() => summary.count()).toBe(0);
		expect(await page.locator('#paste').inputValue()).toBe('');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('replaces a large paste with a small one typed or pasted over it', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await pasteMade(page, HAR);
		await expect.poll(() => page.locator('#paste-large').count(), { timeout: 20_000 }).toBe(1);
		await pasteMade(page, `'GET /small.txt HTTP/1.1\\nHost: examplebucket.s3.amazonaws.com\\n'`);
		await expect.poll(() => page.locator('#paste').inputValue()).toContain('GET /small.txt');
		expect(await page.locator('#paste-large').count()).toBe(0);
		await expect.poll(() => page.locator('#request').inputValue(), { timeout: 20_000 }).toContain('GET /small.txt');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('refuses a small link that unpacks to a canonical request of more lines than the page takes', async () => {
		const heavy = {
			...DEFAULT_CASE,
			pasteText: '\n'.repeat(200_000) + 'x',
			provided: { canonicalRequest: 'GET\n/\n\n' + 'a:b\n'.repeat(90_000) }
		};
		const fragment = await encodeCase(heavy, { includeSecrets: false });
		expect(fragment.length).toBeLessThan(3000);
		const context = await app.browser.newContext();
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${app.url}/#${fragment}`);
		await hydrated(page);
		await expect
			.poll(() => page.getByRole('alert').allTextContents(), { timeout: 20_000 })
			.toContainEqual(
				expect.stringContaining('"provided.canonicalRequest" has more than 20,000 lines, more than the page takes in one text')
			);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows a large request by its head, signs its body, and removes the body on request', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const head = 'PUT /big.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com';
		await page.locator('#request').selectText();
		await pasteMade(page, `${JSON.stringify(head)} + '\\n\\n' + 'b'.repeat(1024 * 1024)`, '#request');
		const note = page.locator('#request-hidden');
		await expect.poll(() => note.textContent()).toContain('Body: 1.0 MB — not shown, to keep the page responsive; it is signed as it is.');
		expect(await page.locator('#request').inputValue()).toBe(head);
		// The signed request pane shows the start of the body and says what it left out.
		await expect
			.poll(() => paneText(page, 'Signed request'), { timeout: 20_000 })
			.toMatch(/\nb{65536}\n\[… 0\.9 MB more of the body \(983,040 characters\), not shown; it is signed as it is\]$/);

		await page.getByRole('button', { name: 'Remove the body' }).click();
		await expect.poll(() => note.count()).toBe(0);
		expect(await page.locator('#request').inputValue()).toBe(head);
		expect(errors).toEqual([]);
		await context.close();
	});
});
