// A developer pastes on a phone or in a narrow window: the answer (verdict, findings, diffs) must sit
// right under the paste box, on the first screen, and nothing may scroll sideways.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { newContext, pasteInto, waitForEditors, hydrated } from './pane-helpers.ts';
import { PRESIGNED_URL, REQUEST_WITH_PNG, S3_SIGNATURE_MISMATCH } from '../unit/parse-samples.ts';

const app = useApp();

const PHONE = { width: 390, height: 844 };

async function open(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark') {
	const context = await app.browser.newContext({ viewport, colorScheme });
	await newContext(context, app.url);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
	await page.goto(app.url);
	await hydrated(page);
	await waitForEditors(page, 6);
	return { context, page, errors };
}

/** Where the verdict sits in the window the user is looking at, once the paste is read. */
async function verdictBox(page: Page) {
	await page.locator('.verdict').waitFor({ timeout: 20_000 });
	return (await page.locator('.verdict').boundingBox())!;
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the answer on a phone', () => {
	for (const scheme of ['light', 'dark'] as const) {
		for (const [what, text] of [
			['a presigned URL', PRESIGNED_URL],
			['an S3 SignatureDoesNotMatch body with CanonicalRequest and StringToSign', S3_SIGNATURE_MISMATCH]
		] as const) {
			it(`after pasting ${what} (${scheme}), the verdict and findings are on the first screen and nothing scrolls sideways`, async () => {
				const { context, page, errors } = await open(PHONE, scheme);
				expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
				await pasteInto(page, text);
				const verdict = await verdictBox(page);
				const paste = (await page.locator('#paste').boundingBox())!;
				const inputs = (await page.getByRole('form', { name: 'Inputs' }).boundingBox())!;
				// In view without scrolling, under the paste box and before the long inputs form.
				expect(verdict.y).toBeGreaterThan(paste.y + paste.height);
				expect(verdict.y + verdict.height).toBeLessThanOrEqual(PHONE.height);
				expect(verdict.y).toBeLessThan(inputs.y);
				const findings = (await page.locator('.findings').boundingBox())!;
				expect(findings.y).toBeLessThan(PHONE.height);
				expect(findings.y).toBeLessThan(inputs.y);
				// Long hex, base64 and URLs wrap, light and dark alike, once the diffs are drawn too.
				await page.locator('.diff').first().waitFor({ timeout: 20_000 });
				expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
				await page.screenshot({ path: `test-results/phone-${scheme}-${what.split(' ')[1]}.png` });
				expect(errors).toEqual([]);
				await context.close();
			});
		}
	}

	it('a window narrowed after the paste moves the answer under the paste box; widened, it heads the stages again', async () => {
		const { context, page, errors } = await open({ width: 1280, height: 800 }, 'light');
		await pasteInto(page, S3_SIGNATURE_MISMATCH);
		const inputs = (await page.getByRole('form', { name: 'Inputs' }).boundingBox())!;
		const wide = await verdictBox(page);
		// Beside the inputs: in the right-hand column, level with the paste box.
		expect(wide.x).toBeGreaterThan(inputs.x + inputs.width);
		expect(await page.getByRole('region', { name: 'Stages' }).locator('.verdict').count()).toBe(1);
		await page.setViewportSize({ width: 700, height: 800 });
		await expect
			.poll(async () => (await verdictBox(page)).y)
			.toBeLessThan((await page.getByRole('form', { name: 'Inputs' }).boundingBox())!.y);
		expect(await sideways(page)).toBeLessThanOrEqual(700);
		await page.setViewportSize({ width: 1280, height: 800 });
		await expect.poll(() => page.getByRole('region', { name: 'Stages' }).locator('.verdict').count()).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});
});

const diff = (page: Page, title: string | RegExp) => page.getByRole('region', { name: title });

describe('diffs that read well', () => {
	it('a one-line value gets the character diff alone, an identical stage no editor, and no gap between findings and diffs', async () => {
		const { context, page, errors } = await open({ width: 1280, height: 800 }, 'light');
		await pasteInto(page, S3_SIGNATURE_MISMATCH);
		const signature = diff(page, 'Your signature vs the correct one');
		await signature.waitFor({ timeout: 20_000 });
		// Both values in full, the differing characters marked, and no editor that would wrap and clip them.
		expect(await signature.locator('.changes code').count()).toBe(2);
		expect(await signature.locator('mark').count()).toBeGreaterThan(0);
		expect(await signature.locator('.status').textContent()).toBe('1 line differs');
		// The request is rebuilt from the server's canonical request, so the two are identical: said, not drawn.
		const server = diff(page, /^What the server computed vs the correct canonical request/);
		expect(await server.locator('.status').textContent()).toBe('identical');
		expect(await server.locator('.changes, .same').count()).toBe(0);
		expect(await page.locator('.diff .monaco-editor, .diff .editor').count()).toBe(0);
		// "The secret key differs" counts as an error once the forensics have found no known mistake.
		await expect.poll(() => page.locator('.findings .count').textContent(), { timeout: 30_000 }).toBe('1 error');
		// Each block of the comparison follows the one before it at the layout's own gap (0.75rem), no more.
		const gaps = await page.evaluate(() => {
			const boxes = [...document.querySelectorAll('.compare > *')].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
			return boxes.slice(1).map((r, i) => Math.round(r.top - boxes[i]!.bottom));
		});
		expect(gaps.length).toBeGreaterThan(2);
		for (const gap of gaps) expect(gap).toBeLessThanOrEqual(12);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a multi-line stage that differs keeps its side-by-side editor under the changed lines', async () => {
		const { context, page, errors } = await open({ width: 1280, height: 800 }, 'light');
		await pasteInto(page, REQUEST_WITH_PNG);
		await pasteInto(page, S3_SIGNATURE_MISMATCH);
		const server = diff(page, /^What the server computed vs the correct canonical request/);
		await server.locator('.monaco-diff-editor').waitFor({ timeout: 30_000 });
		expect(await server.locator('.status').textContent()).toBe('1 line differs');
		expect(await server.locator('.changes').textContent()).toContain('image/png');
		expect(await diff(page, 'Your signature vs the correct one').locator('.monaco-editor').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
