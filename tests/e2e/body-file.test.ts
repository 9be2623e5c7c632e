// A file as the body: a 200 MB file set on the file input is hashed in a worker (hash-wasm's
// WebAssembly, which the page's policy lets the worker compile; its blocks read by a worker of its own) with a progress bar, its SHA-256
// (node:crypto's) becomes the canonical request's payload line; in aws-chunked mode its 3,200 chunks
// are signed in a worker, the last chunks' signatures node:crypto's; and the page's thread stays free
// while it hashes and signs (no long task over 200 ms). Nothing of the file goes into the link.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
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

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The file's chunk signatures by node:crypto: each 64 KiB chunk's SHA-256, chained from the seed under kSigning. */
function chunkSignatures(seed: string, kSigning: string, datetime: string, scope: string): string[] {
	const fd = openSync(path, 'r');
	const chunk = Buffer.alloc(65536);
	const out: string[] = [];
	try {
		for (let previous = seed; ;) {
			const n = readSync(fd, chunk, 0, chunk.length, null);
			const hash = createHash('sha256').update(chunk.subarray(0, n)).digest('hex');
			const stringToSign = `AWS4-HMAC-SHA256-PAYLOAD\n${datetime}\n${scope}\n${previous}\n${EMPTY}\n${hash}`;
			previous = createHmac('sha256', Buffer.from(kSigning, 'hex')).update(stringToSign).digest('hex');
			out.push(previous);
			if (n === 0) return out;
		}
	} finally {
		closeSync(fd);
	}
}

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
		const hashWorker = page.waitForEvent('worker', (w) => /hash-worker/.test(w.url()));
		const readerScripts: string[] = [];
		page.on('request', (r) => /blob-read-worker/.test(r.url()) && readerScripts.push(r.url()));
		await page.locator('#bodyFile').setInputFiles(path);
		// While it hashes: the worker may compile WebAssembly (hash-wasm), whatever the page's own policy forbids.
		const wasm = await (
			await hashWorker
		).evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiles'));
		expect(wasm).toBe('compiles');
		const summary = page.locator('#bodyFile-summary');
		await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toContain(sha);
		expect(await summary.textContent()).toContain('upload.bin, 200.0 MB (209,715,200 bytes)');
		expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
		// The hash worker's blocks were read by a worker of its own (so its thread only hashes).
		expect(readerScripts).toHaveLength(1);
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
	}, 240_000);

	it('signs 200 MB as aws-chunked in a worker: 3,200 chunk signatures as node:crypto chains them, the page responsive', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url, 0);
		await page.locator('#request').fill('PUT /upload.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		// The mode first: switching it re-lays the panes out, which is not what is measured here.
		await page.getByRole('radio', { name: 'aws-chunked upload' }).check();
		await page.locator('#seed-signature').waitFor();
		await page.evaluate(() => {
			const w = window as unknown as { longest: number; signingShown: string[] };
			w.longest = 0;
			w.signingShown = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
			}).observe({ type: 'longtask' });
			new MutationObserver(() => {
				const bar = document.querySelector<HTMLProgressElement>('#chunked-progress');
				const text = bar?.nextElementSibling?.textContent ?? '';
				if (!bar || bar.value <= 0 || bar.value >= 100) return;
				// The stages shown meanwhile are the case before the file: marked stale, in the panes and the chunk list.
				const marked = document.querySelector('.chunks.stale') !== null && document.querySelector('.stale-badge') !== null;
				const seen = `${text}${marked ? '' : ' (stages not marked stale)'}`;
				if (!w.signingShown.includes(seen)) w.signingShown.push(seen);
			}).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
		});
		const readerScripts: string[] = [];
		page.on('request', (r) => /blob-read-worker/.test(r.url()) && readerScripts.push(r.url()));
		await page.locator('#bodyFile').setInputFiles(path);
		const last = page.locator('.chunk[data-chunk="3200"] .signature');
		await expect.poll(() => last.count(), { timeout: 180_000 }).toBe(1);
		expect(page.workers().some((w) => /chunked-worker/.test(w.url()))).toBe(true);
		expect(readerScripts.length).toBeGreaterThan(0);
		// While it signed, the page said how far it was, with the old stages marked stale, and it says nothing once done.
		const shown = await page.evaluate(() => (window as unknown as { signingShown: string[] }).signingShown);
		expect(shown.length).toBeGreaterThan(0);
		for (const text of shown) expect(text).toMatch(/^Signing chunks: \d{1,2}% of 200\.0 MB$/);
		expect(await page.locator('#chunked-progress').count()).toBe(0);
		expect(await page.locator('.stale-badge').count()).toBe(0);
		const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
		const seed = (await page.locator('#seed-signature').textContent())!;
		const [, datetime, scope] = (await paneText(page, 'String to sign')).split('\n');
		const kSigning = (await paneText(page, 'Signing key')).match(/[0-9a-f]{64}/g)!.at(-1)!;
		const expected = chunkSignatures(seed, kSigning, datetime!, scope!);
		expect(expected).toHaveLength(3201);
		expect(await last.textContent()).toBe(expected[3199]);
		expect(await page.locator('.chunk[data-chunk="3201"] .signature').textContent()).toBe(expected[3200]);
		expect(longest).toBeLessThanOrEqual(200);
		expect(errors).toEqual([]);
		await context.close();
	}, 240_000);

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
