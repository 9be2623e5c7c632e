import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { hydrated } from './pane-helpers.ts';

/** The learn page's "Step n of m" line. */
export const shown = (page: Page) => page.getByRole('status').filter({ hasText: /^Step/ }).textContent();

/** How many steps the walk has, read from "Step n of m". */
export const stepCount = async (page: Page) => Number(/of (\d+)/.exec((await shown(page)) ?? '')?.[1]);

/** Waits for the walk to stand at its first step. */
export const atFirstStep = (page: Page) =>
	page
		.getByRole('status')
		.filter({ hasText: /^Step 1 of \d+$/ })
		.waitFor();

/** /learn in a fresh context, taking input and at its first step; page errors are collected. */
export async function openLearn(
	app: { readonly url: string; readonly browser: Browser },
	options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
	const context = await app.browser.newContext(options);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
	await page.goto(`${app.url}/learn`);
	// The prerendered page shows its steps before its scripts run; keys count once the layout drops `inert`.
	await hydrated(page);
	await atFirstStep(page);
	return { page, errors, close: () => context.close() };
}

/** What has keyboard focus: its text, whether it is the current step, and whether it sits in the step list. */
export const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		return { text: el.textContent?.trim() ?? '', current: el.getAttribute('aria-current'), inList: !!el.closest('nav ol') };
	});

/** Where focus must be after any change of step: on the current step's button in the list. */
export async function expectFocusOnStep(page: Page, step: number, total: number): Promise<void> {
	await expect.poll(() => shown(page)).toBe(`Step ${step} of ${total}`);
	const title = (await page.locator('#step-title').textContent()) ?? '';
	await expect.poll(() => focused(page)).toEqual({ text: `${step}. ${title}`, current: 'step', inList: true });
}
