// jwt.io-style links: each part of the request and the stage lines it makes light up together, by
// pointer and by keyboard, both ways; the explanation of a line opens from the keyboard. A header
// sent and not signed is listed as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { newContext, pane, waitForEditors, hydrated } from './pane-helpers.ts';

const app = useApp();

/** The text of the stage lines drawn with the link highlight, read from the screen. */
function litLines(page: Page, label: string): Promise<string[]> {
	return pane(page, label).evaluate((el) => {
		const lines = [...el.querySelectorAll('.view-line')].map((l) => ({ top: l.getBoundingClientRect().top, text: l.textContent ?? '' }));
		return [...el.querySelectorAll('.link-line')]
			.map((d) => d.getBoundingClientRect().top)
			.sort((a, b) => a - b)
			.map((top) => lines.find((l) => Math.abs(l.top - top) < 2)?.text.replace(/\u00a0/g, ' ') ?? '?');
	});
}

const litParts = (page: Page) => page.locator('.part.lit').evaluateAll((els) => els.map((e) => e.getAttribute('data-part')));
const explanation = (page: Page) => page.locator('#line-explanation').innerText();

/** The pane's screen line that shows `start`, to point at. */
function viewLine(page: Page, label: string, start: string) {
	return pane(page, label)
		.locator('.view-line')
		.filter({ hasText: new RegExp(`^${start}`) });
}

async function tabTo(page: Page, selector: string): Promise<void> {
	for (let i = 0; i < 30; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

describe('request parts and stage lines', () => {
	let context: BrowserContext;
	let page: Page;
	const errors: string[] = [];
	beforeAll(async () => {
		context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
		await newContext(context, app.url);
		page = await context.newPage();
		page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
		await page.goto(app.url);
		await hydrated(page);
		await waitForEditors(page, 6);
	});
	afterAll(() => context.close());

	it('hovering a request header lights its canonical-request line and explains it; leaving clears the light', async () => {
		await page.locator('[data-part="header:range"]').hover();
		await expect.poll(() => litLines(page, 'Canonical request')).toEqual(['range:bytes=0-9']);
		await expect.poll(() => explanation(page)).toMatch(/Canonical request, line 5:\s*header[\s\S]*Range: bytes=0-9[\s\S]*name lowercased/);
		await page.locator('h1').hover();
		await expect.poll(() => litLines(page, 'Canonical request')).toEqual([]);
		await expect.poll(() => litParts(page)).toEqual([]);
	});

	it('keyboard focus on a request header lights its line; the explanation opens from the keyboard', async () => {
		await page.locator('#request').focus();
		await tabTo(page, '[data-part="header:host"]');
		await expect.poll(() => litLines(page, 'Canonical request')).toEqual(['host:examplebucket.s3.amazonaws.com']);
		await expect.poll(() => explanation(page)).toMatch(/Canonical request, line 4:\s*header[\s\S]*Host: examplebucket\.s3\.amazonaws\.com/);
		// The pointer passing over another part and leaving gives the light back to the focused one.
		await page.locator('[data-part="method"]').hover();
		await expect.poll(() => litLines(page, 'Canonical request')).toEqual(['GET']);
		await page.locator('h1').hover();
		await expect.poll(() => litLines(page, 'Canonical request')).toEqual(['host:examplebucket.s3.amazonaws.com']);
		await page.keyboard.press('Tab');
		await expect.poll(() => litLines(page, 'Canonical request')).not.toContain('host:examplebucket.s3.amazonaws.com');
	});

	it('hovering a canonical-request line lights the request part it came from', async () => {
		await viewLine(page, 'Canonical request', 'host:').hover();
		await expect.poll(() => litParts(page)).toEqual(['header:host']);
		await expect.poll(() => explanation(page)).toContain('Canonical request, line 4');
	});

	it('moving the cursor through the canonical request by keyboard lights each line’s part and explains it', async () => {
		await page.locator('h1').hover();
		await // The editor's tab stop (an EditContext in Chromium), as Tab reaches it.
		await pane(page, 'Canonical request').locator('.native-edit-context').focus();
		await page.keyboard.press('Control+Home');
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
		await expect.poll(() => litParts(page)).toEqual(['header:range']);
		await expect.poll(() => explanation(page)).toMatch(/Canonical request, line 5:\s*header/);
		await page.keyboard.press('ArrowUp');
		await expect.poll(() => litParts(page)).toEqual(['header:host']);
		await page.keyboard.press('Tab');
		await expect.poll(() => litParts(page)).toEqual([]);
	});

	it('the date lights its X-Amz-Date line and the date and scope in the string to sign, and back', async () => {
		await page.locator('[data-part="date"]').focus();
		await expect.poll(() => litLines(page, 'Canonical request')).toEqual(['x-amz-date:20130524T000000Z']);
		await expect.poll(() => litLines(page, 'String to sign')).toEqual(['20130524T000000Z', '20130524/us-east-1/s3/aws4_request']);
		await viewLine(page, 'String to sign', '20130524/').hover();
		expect((await litParts(page)).sort()).toEqual(['date', 'scope']);
		await expect.poll(() => explanation(page)).toMatch(/String to sign, line 3:\s*credential scope/);
		expect(errors).toEqual([]);
	});

	it('a query parameter lights its own span of the canonical query', async () => {
		await page.locator('#request').fill('GET /?z=1&a=x+y HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n');
		await page.locator('[data-part="query:1"]').waitFor();
		await page.locator('[data-part="query:1"]').hover();
		await expect.poll(() => pane(page, 'Canonical request').locator('.link-span').allInnerTexts()).toEqual(['a=x%20y']);
		expect(errors).toEqual([]);
	});

	it('a header sent and not signed is listed as such, and is in no stage', async () => {
		await page.locator('#request').fill('GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nUser-Agent: curl/8.5.0\n\n');
		const chip = page.locator('[data-part="unsigned:0"]');
		await expect.poll(() => chip.innerText()).toMatch(/^header\s+User-Agent: curl\/8\.5\.0\s+not signed$/);
		expect(await page.locator('[data-part^="header:"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-part')))).not.toContain(
			'header:user-agent'
		);
		expect((await pane(page, 'Canonical request').innerText()).toLowerCase()).not.toContain('user-agent');
		expect(errors).toEqual([]);
	});
});
