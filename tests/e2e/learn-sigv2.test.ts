// The learn page's SigV2 track: chosen on /learn, it walks the request with S3's HMAC-SHA1 form or
// the query APIs' HmacSHA256 form, ends in what changed in SigV4, and takes the keyboard like the
// SigV4 track (the list one tab stop, arrows, Home and End; page-wide ← → Home End).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { atFirstStep, expectFocusOnStep, focused, openLearn, shown, stepCount } from './learn-helpers.ts';
import { decodeCase } from '../../src/lib/share/index.ts';

const app = useApp();

async function openTrack(track: RegExp): Promise<{ page: Page; total: number; errors: string[]; close: () => Promise<void> }> {
	const { page, errors, close } = await openLearn(app);
	await page.getByRole('radio', { name: track }).check();
	await expect.poll(() => page.locator('h1').textContent()).toBe('SigV2, step by step');
	await atFirstStep(page);
	return { page, total: await stepCount(page), errors, close };
}

/** The view the case in the address bar holds. */
async function viewInLink(page: Page) {
	const opened = await decodeCase(await page.evaluate(() => location.hash));
	return 'case' in opened ? opened.case.view : undefined;
}

describe('learn: the SigV2 track', () => {
	it("walks S3's HMAC-SHA1 string to sign to what changed in SigV4", async () => {
		const { page, total, errors, close } = await openTrack(/SigV2, S3/);
		expect(total).toBe(10);
		expect(await page.locator('#step-title').textContent()).toBe('HTTP verb');
		await page.getByRole('button', { name: /^6\. / }).click();
		expect(await page.getByLabel('Writes').textContent()).toBe('/examplebucket/test.txt');
		expect(await page.getByRole('region', { name: 'String to sign (SigV2)' }).count()).toBeGreaterThan(0);
		await page.getByRole('button', { name: /^10\. / }).click();
		expect(await page.locator('#step-title').textContent()).toBe('What changed in SigV4');
		expect(await page.getByLabel('Writes').textContent()).toContain('SigV4: 20130524/us-east-1/s3/aws4_request');
		// The track is part of the case: its link opens it again, at the same step.
		await expect.poll(() => viewInLink(page)).toEqual({ optionsOpen: false, learnTrack: 'sigv2-s3', learnStep: 9 });
		await page.reload();
		await expect.poll(() => shown(page)).toBe(`Step 10 of ${total}`);
		expect(await page.getByRole('radio', { name: /SigV2, S3/ }).isChecked()).toBe(true);
		expect(errors).toEqual([]);
		await close();
	});

	it('walks the query APIs’ HmacSHA256 form, and goes back to the SigV4 track at its first step', async () => {
		const { page, errors, close } = await openTrack(/SigV2, query APIs/);
		await page.getByRole('button', { name: /Sorted parameters/ }).click();
		expect(await page.getByLabel('Writes').textContent()).toContain(
			'SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2013-05-24T00%3A00%3A00Z'
		);
		await page.getByRole('radio', { name: /SigV4, your request/ }).check();
		await expect.poll(() => page.locator('h1').textContent()).toBe('SigV4, step by step');
		await expect.poll(() => shown(page)).toMatch(/^Step 1 of /);
		expect(errors).toEqual([]);
		await close();
	});

	it('takes the keyboard like the SigV4 track', async () => {
		const { page, total, close } = await openTrack(/SigV2, S3/);
		await page.getByRole('button', { name: /^5\. / }).click();
		await expectFocusOnStep(page, 5, total);
		await page.keyboard.press('ArrowDown');
		await expectFocusOnStep(page, 6, total);
		await page.keyboard.press('ArrowUp');
		await expectFocusOnStep(page, 5, total);
		await page.keyboard.press('End');
		await expectFocusOnStep(page, total, total);
		await page.keyboard.press('Home');
		await expectFocusOnStep(page, 1, total);
		// One tab stop between Previous and Next.
		await page.keyboard.press('Tab');
		expect(await focused(page)).toEqual({ text: 'Next →', current: null, inList: false });
		await page.keyboard.press('Enter');
		await expectFocusOnStep(page, 2, total);
		// Page-wide keys from outside the list and the request.
		await page.locator('h1').click();
		await page.keyboard.press('ArrowRight');
		await expectFocusOnStep(page, 3, total);
		await page.locator('h1').click();
		await page.keyboard.press('End');
		await expectFocusOnStep(page, total, total);
		await page.getByRole('button', { name: '← Previous' }).click();
		await expectFocusOnStep(page, total - 1, total);
		// Moving through the steps never left the track.
		expect(await page.locator('h1').textContent()).toBe('SigV2, step by step');
		expect(await page.evaluate(() => scrollY)).toBe(0);
		await close();
	});
});
