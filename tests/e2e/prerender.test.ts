// The first screen is prerendered: the example's stages arrive in the page itself, computed when
// the site was built by the same core, so a slow phone sees a signature before any script runs.
// Until the scripts run the page only shows (nothing takes input that would be lost), a case from
// a link never has the example standing in for it, and the service worker precaches the first
// screen only: workers are kept when first used.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { chunkOf } from './build-files.ts';
import { pane } from './pane-helpers.ts';
import { encodeCase } from '../../src/lib/share/index.ts';
import { exampleCase } from '../../src/lib/case/index.ts';

const app = useApp();
const SIGNATURE = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

/** A page whose scripts never arrive: what the visitor sees while they are on their way. */
async function withoutScripts(url: string): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
	await context.route(/\/_app\/.*\.js$/, (route) => route.abort());
	const page = await context.newPage();
	await page.goto(url);
	return { page, close: () => context.close() };
}

describe('the prerendered first screen', () => {
	it("shows the example's signature, signed request and curl command before any script runs, and takes no input yet", async () => {
		const { page, close } = await withoutScripts(app.url);
		expect(await pane(page, 'Signature').locator('textarea').inputValue()).toBe(SIGNATURE);
		expect(await pane(page, 'Signed request').locator('pre').textContent()).toContain(`Signature=${SIGNATURE}`);
		expect(await pane(page, 'Canonical request').locator('textarea').inputValue()).toMatch(/^GET\n\/test\.txt\n/);
		expect(await page.locator('.app[inert]').count()).toBe(1);
		expect(await page.evaluate(() => document.documentElement.classList.contains('opening'))).toBe(false);
		await close();
	});

	it('once its scripts run the same page answers input, with no error', async () => {
		const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(app.url);
		await page.locator('.app:not([inert])').waitFor({ state: 'attached' });
		await pane(page, 'Signature').locator('textarea').waitFor();
		expect(await pane(page, 'Signature').locator('textarea').inputValue()).toBe(SIGNATURE);
		await page.locator('#region').fill('eu-west-1');
		await expect.poll(() => pane(page, 'Signature').locator('textarea').inputValue()).not.toBe(SIGNATURE);
		expect(errors).toEqual([]);
		await context.close();
	});

	it("a link's case opens without the example's stages ever showing in its place", async () => {
		const other = { ...exampleCase(), region: 'eu-west-1' };
		const fragment = await encodeCase(other, { includeSecrets: true });
		const url = `${app.url}/#${fragment}`;

		const still = await withoutScripts(url);
		expect(await still.page.evaluate(() => document.documentElement.classList.contains('opening'))).toBe(true);
		expect(await still.page.locator('main').evaluate((m) => getComputedStyle(m).visibility)).toBe('hidden');
		expect(await still.page.evaluate(() => getComputedStyle(document.body, '::before').content)).toContain('Opening your case');
		await still.close();

		const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		// Each frame, from the first: was the example's signature ever in view?
		await page.addInitScript((signature) => {
			const w = globalThis as { __exampleShown?: boolean };
			w.__exampleShown = false;
			const frame = () => {
				const main = document.querySelector('main');
				const field = document.getElementById('pane-signature-title')?.closest('section')?.querySelector('textarea');
				if (main && field?.value === signature && getComputedStyle(main).visibility !== 'hidden') w.__exampleShown = true;
				requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		}, SIGNATURE);
		await page.goto(url);
		await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('opening')), { timeout: 30_000 }).toBe(false);
		const signature = await pane(page, 'Signature').locator('textarea').inputValue();
		expect(signature).toMatch(/^[0-9a-f]{64}$/);
		expect(signature).not.toBe(SIGNATURE);
		expect(await page.locator('#region').inputValue()).toBe('eu-west-1');
		expect(await page.evaluate(() => (globalThis as { __exampleShown?: boolean }).__exampleShown)).toBe(false);
		await context.close();
	});

	it('the service worker precaches no worker and no panel opened by a click: they are fetched, and kept, when first used', async () => {
		const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(app.url);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
		const cached = () =>
			page.evaluate(async () => {
				const found: string[] = [];
				for (const name of await caches.keys())
					for (const request of await (await caches.open(name)).keys()) found.push(new URL(request.url).pathname);
				return found;
			});
		const cachedWorkers = async () => (await cached()).filter((path) => path.includes('/workers/'));
		const panels = ['src/lib/components/CodePanel.svelte', 'src/lib/components/YourCodePanel.svelte', 'src/lib/case/hash-blob.ts'].map(
			(source) => `/${chunkOf(source)}`
		);
		// The install is over once the precache has its first-screen files.
		await expect.poll(async () => (await page.evaluate(async () => (await caches.keys()).length)) > 0, { timeout: 30_000 }).toBe(true);
		await page.waitForTimeout(1000);
		expect(await cachedWorkers()).toEqual([]);
		expect((await cached()).filter((path) => panels.includes(path))).toEqual([]);
		// The first screen itself is there, for the next visit offline.
		expect(await cached()).toEqual(expect.arrayContaining(['/', '/learn']));
		// A pasted request with a signature starts forensics, in its worker.
		await page.locator('.app:not([inert])').waitFor({ state: 'attached' });
		await page
			.locator('#paste')
			.fill(
				'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-date: 20130524T000000Z\nx-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000'
			);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect.poll(async () => (await cachedWorkers()).length, { timeout: 30_000 }).toBeGreaterThan(0);
		await context.close();
	});
});
