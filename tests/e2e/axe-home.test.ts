// axe (WCAG 2 A/AA) on the home page in the state a user reads most: after an import, with the
// findings and the diff editors open, at desktop and phone width, light and dark.
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { newContext, pasteInto, waitForEditors, hydrated } from './pane-helpers.ts';
import { REQUEST_WITH_PNG, S3_SIGNATURE_MISMATCH } from '../unit/parse-samples.ts';

const app = useApp();

describe('the home page after an import, for assistive tech', () => {
	for (const [viewport, scheme] of [
		[{ width: 1280, height: 800 }, 'light'],
		[{ width: 1280, height: 800 }, 'dark'],
		[{ width: 390, height: 844 }, 'light']
	] as const) {
		it(`has no serious or critical axe violation at ${viewport.width} px, ${scheme}, with the diff editors open`, async () => {
			// bypassCSP only for axe, which the page's Content-Security-Policy rightly refuses to run.
			const context = await app.browser.newContext({ viewport, colorScheme: scheme, bypassCSP: true });
			await newContext(context, app.url);
			const page = await context.newPage();
			await page.goto(app.url);
			await hydrated(page);
			await waitForEditors(page, 6);
			await pasteInto(page, REQUEST_WITH_PNG);
			await pasteInto(page, S3_SIGNATURE_MISMATCH);
			await page.locator('.findings').waitFor({ timeout: 20_000 });
			// The server's canonical request and string to sign, each against the correct one: two diff editors.
			await page.waitForFunction(() => document.querySelectorAll('.diff .monaco-diff-editor').length >= 2, null, { timeout: 30_000 });
			expect(await seriousViolations(page)).toEqual([]);
			await context.close();
		});
	}
});
