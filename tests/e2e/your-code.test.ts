// "Your code": its lexers and rules load only when the panel opens; a seed's pasted code is named
// at its lines, and a finding's line button puts the caret on that line in the paste.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { chunkHolding } from './build-files.ts';
import { seriousViolations } from './axe.ts';
import { openApp, PANES } from './pane-helpers.ts';

const app = useApp();
/** The built chunk that holds the code-in rules (found by a sentence of one of its messages). */
function codeInChunk(): string {
	const name = chunkHolding('is keyed with the secret itself');
	expect(name, 'the code-in rules are in a chunk of their own').toBeDefined();
	return name!;
}

/** The Apex of seed 002_af6b4f9b4c232fed (its getStringToSign), as a user pastes it. */
const SEED = readFileSync(join(import.meta.dirname, '../fixtures/code-in/seeds/002_af6b4f9b4c232fed.txt'), 'utf8')
	.split('\n')
	.slice(33, 44)
	.join('\n');

describe('Your code', () => {
	it("loads on opening, names the seed's 12-hour clock and base64 hash at their lines, and passes axe (390 px, dark)", async () => {
		// bypassCSP only for axe (at the end), which the page's Content-Security-Policy rightly refuses to run.
		const { context, page, errors, requested } = await openApp(app.browser, app.url, PANES.length, {
			viewport: { width: 390, height: 844 },
			colorScheme: 'dark',
			bypassCSP: true
		});

		const chunk = codeInChunk();
		expect(requested.filter((u) => u.endsWith(chunk))).toEqual([]);
		await page.getByText('Your code: find the SigV4 mistakes in your signer').click();
		const box = page.getByRole('textbox', { name: 'Your signer code' });
		await box.fill(SEED);
		expect(requested.filter((u) => u.endsWith(chunk))).toHaveLength(1);

		const items = page.locator('.code-findings li');
		await expect.poll(() => items.count()).toBe(2);
		await expect.poll(() => items.nth(0).innerText()).toContain('12-hour clock in the timestamp');
		expect(await items.nth(0).innerText()).toMatch(/^Line 4\b/);
		expect(await items.nth(1).innerText()).toMatch(/^Line 8\b[\s\S]*Canonical request hash in base64, not hex/);
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: 'in this Apex code' }).innerText())
			.toContain('2 findings (2 certain)');

		await page.getByRole('button', { name: 'Show line 4 in your code' }).click();
		const selected = await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
		expect(selected).toContain("formatGmt('hhmmss')");
		expect(errors).toEqual([]);

		expect(await seriousViolations(page, 'details.your-code')).toEqual([]);
		await context.close();
	});
});
