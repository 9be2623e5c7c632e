import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { expectFocusOnStep, focused, openLearn as openLearnPage, shown, stepCount } from './learn-helpers.ts';

const app = useApp();

async function openLearn(): Promise<{ page: Page; total: number; close: () => Promise<void> }> {
	const { page, close } = await openLearnPage(app);
	return { page, total: await stepCount(page), close };
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
