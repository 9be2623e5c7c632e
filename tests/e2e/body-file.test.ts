// A file as the body: a 200 MB file set on the file input is hashed in a worker with a progress bar,
// its SHA-256 (node:crypto's) becomes the canonical request's payload line, and the page's thread
// stays free meanwhile (no long task over 200 ms). Nothing of the file goes into the link.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, paneText } from './pane-helpers.ts';

const app = useApp();
const MB = 1024 * 1024;
let dir: string;
let path: string;
let sha: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'body-file-'));
	path = join(dir, 'upload.bin');
	const hash = createHash('sha256');
	const fd = openSync(path, 'w');
	// 200 MB of one random megabyte and a counter: every block differs, and writing it is quick.
	const block = randomBytes(MB);
	for (let i = 0; i < 200; i++) {
		block.writeUInt32BE(i, 0);
		writeSync(fd, block);
		hash.update(block);
	}
	closeSync(fd);
	sha = hash.digest('hex');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file as the body', () => {
	it('hashes 200 MB in a worker with progress, signs the hash, and keeps the page responsive', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url, 0);
		await page.locator('#request').fill('PUT /upload.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await page.evaluate(() => {
			const w = window as unknown as { longest: number; sawProgress: boolean };
			w.longest = 0;
			w.sawProgress = false;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
			}).observe({ type: 'longtask' });
			new MutationObserver(() => {
				const bar = document.querySelector<HTMLProgressElement>('#bodyFile-progress');
				if (bar && bar.value > 0 && bar.value < 100) w.sawProgress = true;
			}).observe(document.body, { subtree: true, childList: true, attributes: true });
		});
		await page.locator('#bodyFile').setInputFiles(path);
		const summary = page.locator('#bodyFile-summary');
		await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toContain(sha);
		expect(await summary.textContent()).toContain('upload.bin, 200.0 MB (209,715,200 bytes)');
		expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
		await expect.poll(async () => (await paneText(page, 'Canonical request')).split('\n').at(-1)).toBe(sha);
		expect(await paneText(page, 'Signed request')).toContain(`x-amz-content-sha256: ${sha}`);
		const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
		expect(longest).toBeLessThanOrEqual(200);
		// The link names the file and its hash; 200 MB would not fit in an address.
		expect(page.url().length).toBeLessThan(2000);

		await page.getByRole('button', { name: 'Remove the file' }).click();
		await expect.poll(async () => (await paneText(page, 'Canonical request')).split('\n').at(-1)).not.toBe(sha);
		expect(errors).toEqual([]);
		await context.close();
	}, 120_000);

	it('cancels a hash under way from the keyboard, and the case keeps no file', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url, 0);
		await page.locator('#bodyFile').setInputFiles(path);
		const cancel = page.getByRole('button', { name: 'Cancel' });
		await cancel.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('#bodyFile-progress').count()).toBe(0);
		expect(await page.locator('#bodyFile-summary').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	}, 60_000);
});
