import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';

const app = useApp();

async function openLearn(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await app.browser.newContext({ viewport });
	const page = await context.newPage();
	await page.goto(`${app.url}/learn`);
	await page
		.getByRole('status')
		.filter({ hasText: /^Step 1 of \d+$/ })
		.waitFor();
	return { page, close: () => context.close() };
}

const stepCount = async (page: Page) =>
	Number(/of (\d+)/.exec((await page.getByRole('status').filter({ hasText: /^Step/ }).textContent()) ?? '')?.[1]);

describe('learning mode', () => {
	it('steps through every step with the keyboard; each highlight is exactly the step output', async () => {
		const { page, close } = await openLearn();
		const total = await stepCount(page);
		expect(total).toBeGreaterThan(15);
		const seen: string[] = [];
		let highlighted = 0;
		for (let i = 0; i < total; i++) {
			await expect.poll(() => page.getByRole('status').filter({ hasText: /^Step/ }).textContent()).toBe(`Step ${i + 1} of ${total}`);
			const title = (await page.locator('#step-title').textContent()) ?? '';
			seen.push(title);
			const output = await page.getByLabel('Writes').textContent();
			// A step whose output sits in a pane (most of them) highlights exactly that output there.
			if ((await page.locator('pre mark.current').count()) > 0) {
				expect(await page.locator('pre mark.current').textContent(), title).toBe(output);
				highlighted++;
			}
			if (i === 0 || i === Math.floor(total / 2) || i === total - 1) {
				await page.screenshot({ path: `test-results/learn-desktop-step-${i + 1}.png` });
			}
			await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'j');
		}
		expect(new Set(seen).size).toBe(total);
		expect(highlighted).toBeGreaterThanOrEqual(total - 3);
		expect(seen.at(-1)).toMatch(/Authorization|signature/i);
		await page.keyboard.press('k');
		await expect.poll(() => page.getByRole('status').filter({ hasText: /^Step/ }).textContent()).toBe(`Step ${total - 1} of ${total}`);
		await close();
	});

	it('follows a change to the request on the current step', async () => {
		const { page, close } = await openLearn();
		await page.getByRole('button', { name: /Header range$/ }).click();
		expect(await page.getByLabel('Writes').textContent()).toBe('range:bytes=0-9');
		const text = await page.locator('#learn-request').inputValue();
		await page.locator('#learn-request').fill(text.replace('bytes=0-9', 'bytes=0-99'));
		await expect.poll(() => page.getByLabel('Writes').textContent()).toBe('range:bytes=0-99');
		expect(await page.locator('#step-title').textContent()).toContain('range');
		await close();
	});

	it('walks a POST policy upload too', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		await page.goto(app.url);
		await page.getByRole('radio', { name: 'POST policy (browser upload)' }).check();
		await page.getByRole('link', { name: 'Learn it step by step' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /^Step 1 of \d+$/ })
			.waitFor();
		expect(await page.locator('#step-title').textContent()).toBe('The policy document');
		await page.keyboard.press('ArrowRight');
		expect(await page.locator('#step-title').textContent()).toBe('String to sign: the base64 policy');
		expect(await page.locator('pre mark.current').textContent()).toBe(await page.getByLabel('Writes').textContent());
		expect(await page.getByRole('region', { name: 'String to sign (the base64 policy)' }).count()).toBe(1);
		await context.close();
	});

	it('reads well on a phone', async () => {
		const { page, close } = await openLearn({ width: 390, height: 844 });
		for (const i of [1, 8, 15]) {
			await page.getByRole('button', { name: new RegExp(`^${i}\\. `) }).click();
			await page.screenshot({ path: `test-results/learn-phone-step-${i}.png`, fullPage: true });
		}
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await close();
	});
});
