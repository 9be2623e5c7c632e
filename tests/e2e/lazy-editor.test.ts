// Monaco is most of the page's weight: a first visit shows every stage as plain text and downloads
// no editor; the first use of a pane (a press, or the keyboard reaching it) turns the panes into
// editors, keeps the user's place if they were typing, and the service worker keeps Monaco for
// the next visit, offline too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { monacoChunk } from './build-files.ts';
import { newContext, pane, hydrated } from './pane-helpers.ts';

const app = useApp();
const SIGNATURE = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

const editors = (page: Page) => page.locator('.stages .monaco-editor').count();

async function open() {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
	await newContext(context, app.url);
	const page = await context.newPage();
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(app.url);
	await hydrated(page);
	await pane(page, 'Signature').locator('textarea').waitFor();
	return { context, page, fetched, errors };
}

describe('the editor on first use', () => {
	it('a first visit shows the stages as text and fetches no Monaco, even once the service worker is in', async () => {
		const { context, page, fetched, errors } = await open();
		expect(await pane(page, 'Signature').locator('textarea').inputValue()).toBe(SIGNATURE);
		expect(await pane(page, 'Signed request').locator('pre').textContent()).toContain('Authorization: AWS4-HMAC-SHA256');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
		await page.waitForTimeout(1000);
		const chunk = monacoChunk();
		expect(fetched.filter((p) => p.endsWith(chunk) || /editor\.worker|codicon/.test(p))).toEqual([]);
		expect(await page.evaluate(async (file) => (await caches.match(`/${file}`)) !== undefined, chunk)).toBe(false);
		expect(await editors(page)).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('typing in a plain pane goes on in the editor that replaces it, at the same place', async () => {
		const { context, page, errors } = await open();
		const plain = pane(page, 'Canonical request').locator('textarea');
		await plain.click();
		await plain.press('Control+Home');
		await page.keyboard.type('X');
		await page.waitForFunction(() => document.querySelectorAll('.stages .monaco-editor').length >= 6, null, { timeout: 30_000 });
		expect(await editors(page)).toBeGreaterThanOrEqual(6);
		// The editor takes the focus in the frame after it shows.
		await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null);
		await page.keyboard.type('Y');
		const text = await pane(page, 'Canonical request').locator('.view-lines').innerText();
		expect(text.slice(0, 5)).toBe('XYGET');
		expect(await pane(page, 'Canonical request').getByText('edited', { exact: true }).count()).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('the keyboard reaching a pane brings the editors, and the service worker keeps Monaco for an offline visit', async () => {
		const { context, page, errors } = await open();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
		await pane(page, 'Signature').getByRole('button', { name: 'Copy Signature' }).focus();
		await page.waitForFunction(() => document.querySelectorAll('.stages .monaco-editor').length >= 6, null, { timeout: 30_000 });
		const chunk = monacoChunk();
		await expect
			.poll(() => page.evaluate(async (file) => (await caches.match(`/${file}`)) !== undefined, chunk), { timeout: 15_000 })
			.toBe(true);

		await context.setOffline(true);
		await page.reload();
		await hydrated(page);
		await pane(page, 'Signature').locator('textarea').waitFor();
		expect(await editors(page)).toBe(0);
		await pane(page, 'Signature').locator('textarea').click();
		await page.waitForFunction(() => document.querySelectorAll('.stages .monaco-editor').length >= 6, null, { timeout: 30_000 });
		expect(await page.getByText('Part of this page failed to load').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.setOffline(false);
		await context.close();
	});
});
