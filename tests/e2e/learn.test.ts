import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { hydrated } from './pane-helpers.ts';
import { atFirstStep, openLearn as openLearnPage, shown, stepCount } from './learn-helpers.ts';

const app = useApp();

type Scheme = 'light' | 'dark';

function openLearn(viewport = { width: 1280, height: 800 }, colorScheme: Scheme = 'light', bypassCSP = false) {
	// bypassCSP only for axe, which the page's Content-Security-Policy rightly refuses to run.
	return openLearnPage(app, { viewport, colorScheme, bypassCSP });
}

/** The home page with a POST policy upload chosen, then its "Learn it step by step" link, at the first step. */
async function openPostPolicyLearn(options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await app.browser.newContext(options);
	const page = await context.newPage();
	await page.goto(app.url);
	await hydrated(page);
	await page.getByRole('radio', { name: 'POST policy (browser upload)' }).check();
	await page.getByRole('link', { name: 'Learn it step by step' }).click();
	await atFirstStep(page);
	return { page, close: () => context.close() };
}

describe('learning mode', () => {
	it('steps through every step with the keyboard; each highlight is exactly the step output', async () => {
		const { page, close } = await openLearn();
		const total = await stepCount(page);
		expect(total).toBeGreaterThan(15);
		const seen: string[] = [];
		let highlighted = 0;
		for (let i = 0; i < total; i++) {
			await expect.poll(() => shown(page)).toBe(`Step ${i + 1} of ${total}`);
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
		await expect.poll(() => shown(page)).toBe(`Step ${total - 1} of ${total}`);
		await close();
	});

	it('follows a change to the request on the current step', async () => {
		const { page, close } = await openLearn();
		await page.getByRole('button', { name: /Header range$/ }).click();
		await expect.poll(() => page.locator('#step-title').textContent()).toContain('range');
		expect(await page.getByLabel('Writes').textContent()).toBe('range:bytes=0-9');
		const text = await page.locator('#learn-request').inputValue();
		await page.locator('#learn-request').fill(text.replace('bytes=0-9', 'bytes=0-99'));
		await expect.poll(() => page.getByLabel('Writes').textContent()).toBe('range:bytes=0-99');
		expect(await page.locator('#step-title').textContent()).toContain('range');
		await close();
	});

	it('says the signing key and signature are a stand-in while no secret is typed', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		await page.goto(app.url);
		await hydrated(page);
		const note = page.getByRole('note').filter({ hasText: 'No secret access key is typed' });
		await page.getByRole('link', { name: 'Learn it step by step' }).click();
		await page.locator('#step-title').waitFor();
		expect(await note.count()).toBe(0);
		await page.goBack();
		await page.locator('#secretAccessKey').fill('');
		await page.getByRole('link', { name: 'Learn it step by step' }).click();
		await note.waitFor();
		expect(await note.textContent()).toContain('stand-in key');
		await context.close();
	});

	it('walks a POST policy upload too', async () => {
		const { page, close } = await openPostPolicyLearn();
		expect(await page.locator('#step-title').textContent()).toBe('The policy document');
		await page.keyboard.press('ArrowRight');
		expect(await page.locator('#step-title').textContent()).toBe('String to sign: the base64 policy');
		expect(await page.locator('pre mark.current').textContent()).toBe(await page.getByLabel('Writes').textContent());
		expect(await page.getByRole('region', { name: 'String to sign (the base64 policy)' }).count()).toBe(1);
		await close();
	});

	it('reads well on a phone, light and dark: opens at its title, nothing scrolls sideways', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const { page, close } = await openLearn(PHONE, scheme);
			// The highlight scrolls only its own pane, so the page stays at its top with the title in view.
			expect(await page.evaluate(() => scrollY), scheme).toBe(0);
			const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
			expect(h1!.y, scheme).toBeGreaterThanOrEqual(0);
			expect(h1!.y + h1!.height, scheme).toBeLessThanOrEqual(PHONE.height);
			for (const i of [1, 8, 15]) {
				await page.getByRole('button', { name: new RegExp(`^${i}\\. `) }).click();
				await page.screenshot({ path: `test-results/learn-phone-${scheme}-step-${i}.png`, fullPage: true });
				expect(await scrollWidth(page), `${scheme} step ${i}`).toBeLessThanOrEqual(PHONE.width);
			}
			await close();
		}
	});

	it('wraps long paths, header names, hex and base64 on a phone at every step', async () => {
		const { page, close } = await openLearn(PHONE);
		const hex = '0123456789abcdef'.repeat(12);
		const name = `x-amz-meta-${'a'.repeat(120)}`;
		await page
			.locator('#learn-request')
			.fill(
				`PUT /${'f'.repeat(150)}?${'q'.repeat(100)}=${hex} HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n${name}: ${'QUJD'.repeat(100)}\n\n${hex}`
			);
		await expect.poll(() => page.getByRole('button', { name: new RegExp(`Header ${name}$`) }).count()).toBe(1);
		const total = await stepCount(page);
		for (let i = 1; i <= total; i++) {
			await page.getByRole('button', { name: new RegExp(`^${i}\\. `) }).click();
			expect(await scrollWidth(page), `step ${i}: ${await page.locator('#step-title').textContent()}`).toBeLessThanOrEqual(PHONE.width);
		}
		await close();
	});

	it('wraps the base64 policy of a POST upload on a phone at every step', async () => {
		const { page, close } = await openPostPolicyLearn({ viewport: PHONE });
		const total = await stepCount(page);
		for (let i = 1; i <= total; i++) {
			await page.getByRole('button', { name: new RegExp(`^${i}\\. `) }).click();
			expect(await scrollWidth(page), `step ${i}`).toBeLessThanOrEqual(PHONE.width);
		}
		await close();
	});

	it('has no serious or critical axe violation, light and dark, on the first and a middle step', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const { page, close } = await openLearn({ width: 1280, height: 800 }, scheme, true);
			expect(await seriousViolations(page), `${scheme}, step 1`).toEqual([]);
			const middle = Math.ceil((await stepCount(page)) / 2);
			await page.getByRole('button', { name: new RegExp(`^${middle}\\. `) }).click();
			await expect.poll(() => shown(page)).toMatch(new RegExp(`^Step ${middle} of`));
			expect(await seriousViolations(page), `${scheme}, step ${middle}`).toEqual([]);
			await close();
		}
	});
});

const PHONE = { width: 390, height: 844 };

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
