import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { hydrated } from './pane-helpers.ts';

const app = useApp();

async function openLearn(): Promise<{ page: Page; total: number; close: () => Promise<void> }> {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(`${app.url}/learn`);
	await hydrated(page);
	const status = page.getByRole('status').filter({ hasText: /^Step \d+ of \d+$/ });
	await status.waitFor();
	// The prerendered page shows its steps before its scripts run; keys count once the layout drops `inert`.
	await page.locator('.app:not([inert])').waitFor({ state: 'attached', timeout: 30_000 });
	const total = Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
	return { page, total, close: () => context.close() };
}

const shown = (page: Page) => page.getByRole('status').filter({ hasText: /^Step/ }).textContent();

/** What has keyboard focus: its text, whether it is the current step, and whether it sits in the step list. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		return { text: el.textContent?.trim() ?? '', current: el.getAttribute('aria-current'), inList: !!el.closest('nav ol') };
	});

/** Where focus must be after any change of step: on the current step's button in the list. */
async function expectFocusOnStep(page: Page, step: number, total: number): Promise<void> {
	await expect.poll(() => shown(page)).toBe(`Step ${step} of ${total}`);
	const title = (await page.locator('#step-title').textContent()) ?? '';
	await expect.poll(() => focused(page)).toEqual({ text: `${step}. ${title}`, current: 'step', inList: true });
}

describe('learning mode with the keyboard', () => {
	it('makes the step list one tab stop between Previous and Next', async () => {
		const { page, total, close } = await openLearn();
		await page.getByRole('button', { name: /^5\. / }).click();
		await expectFocusOnStep(page, 5, total);
		await page.getByRole('button', { name: '← Previous' }).focus();
		await page.keyboard.press('Tab');
		await expectFocusOnStep(page, 5, total);
		await page.keyboard.press('Tab');
		expect(await focused(page)).toEqual({ text: 'Next →', current: null, inList: false });
		await page.keyboard.press('Shift+Tab');
		await expectFocusOnStep(page, 5, total);
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page)).text).toBe('← Previous');
		// Only the current step takes Tab; the others are reached with the arrows.
		expect(await page.locator('nav ol button[tabindex="0"]').count()).toBe(1);
		expect(await page.locator('nav ol button[tabindex="-1"]').count()).toBe(total - 1);
		await close();
	});

	it('moves between steps with ArrowDown and ArrowUp, and to the first and last with Home and End', async () => {
		const { page, total, close } = await openLearn();
		await page.getByRole('button', { name: /^5\. / }).click();
		await page.keyboard.press('ArrowDown');
		await expectFocusOnStep(page, 6, total);
		await page.keyboard.press('ArrowDown');
		await expectFocusOnStep(page, 7, total);
		await page.keyboard.press('ArrowUp');
		await expectFocusOnStep(page, 6, total);
		await page.keyboard.press('End');
		await expectFocusOnStep(page, total, total);
		await page.keyboard.press('ArrowDown');
		await expectFocusOnStep(page, total, total);
		await page.keyboard.press('Home');
		await expectFocusOnStep(page, 1, total);
		await page.keyboard.press('ArrowUp');
		await expectFocusOnStep(page, 1, total);
		// The page did not scroll for the keys: the list took them.
		expect(await page.evaluate(() => scrollY)).toBe(0);
		await close();
	});

	it('leaves focus on the current step after Previous and Next, also when Next is used up', async () => {
		const { page, total, close } = await openLearn();
		await page.getByRole('button', { name: 'Next →' }).click();
		await expectFocusOnStep(page, 2, total);
		await page.getByRole('button', { name: 'Next →' }).focus();
		await page.keyboard.press('Enter');
		await expectFocusOnStep(page, 3, total);
		await page.getByRole('button', { name: '← Previous' }).click();
		await expectFocusOnStep(page, 2, total);
		await page.keyboard.press('End');
		await page.keyboard.press('ArrowUp');
		await page.getByRole('button', { name: 'Next →' }).click();
		// Next is now disabled; focus went to the last step, not to <body>.
		await expectFocusOnStep(page, total, total);
		expect(await page.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
		await close();
	});

	it('takes Home, End and ← → from anywhere on the page outside the request, and moves focus to the step', async () => {
		const { page, total, close } = await openLearn();
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
		await page.keyboard.press('End');
		await expectFocusOnStep(page, total, total);
		await page.locator('h1').click();
		await page.keyboard.press('Home');
		await expectFocusOnStep(page, 1, total);
		await page.locator('h1').click();
		await page.keyboard.press('ArrowRight');
		await expectFocusOnStep(page, 2, total);
		// Inside the request, Home and End move the caret, not the step.
		await page.locator('#learn-request').focus();
		await page.keyboard.press('End');
		await page.keyboard.press('Home');
		expect(await shown(page)).toBe(`Step 2 of ${total}`);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('learn-request');
		await close();
	});
});
