// The Code panel: its generators load only when it opens, it shows the program for the case in the
// language picked, copies and downloads it, and the downloaded program signs as the page does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { chunkHolding } from './build-files.ts';
import { seriousViolations } from './axe.ts';
import { openApp, PANES, paneText } from './pane-helpers.ts';
import { DEFAULT_SIGNATURE, EXAMPLE_CREDENTIALS } from '../../src/lib/case/examples.ts';

const app = useApp();
/** The built chunk that holds the generators (found by a line of the Ruby program). */
function exporterChunk(): string {
	const name = chunkHolding('frozen_string_literal');
	expect(name, 'the exporters are in a chunk of their own').toBeDefined();
	return name!;
}

describe('Code panel', () => {
	it('loads on opening, shows, copies and downloads a program that signs as the page does', async () => {
		const { context, page, errors, requested } = await openApp(app.browser, app.url, PANES.length, { acceptDownloads: true });
		await expect.poll(() => paneText(page, 'Signature')).toContain(DEFAULT_SIGNATURE);

		const chunk = exporterChunk();
		expect(requested.filter((u) => u.endsWith(chunk))).toEqual([]);
		await page.getByText('Code: this request signed in your language').click();
		const python = page.getByRole('textbox', { name: 'Python program' });
		await expect.poll(() => python.inputValue()).toContain('PATH = "/test.txt"');
		expect(requested.filter((u) => u.endsWith(chunk))).toHaveLength(1);
		const code = await python.inputValue();
		expect(code).not.toContain(EXAMPLE_CREDENTIALS.secretAccessKey);
		await expect.poll(() => page.getByText('Run: python3 sign.py').count()).toBe(1);

		await page.getByRole('button', { name: 'Copy the Python program' }).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);

		const dir = mkdtempSync(join(tmpdir(), 'code-export-'));
		try {
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download sign.py' }).click()]);
			expect(download.suggestedFilename()).toBe('sign.py');
			await download.saveAs(join(dir, 'sign.py'));
			expect(readFileSync(join(dir, 'sign.py'), 'utf8')).toBe(code);
			const out = execFileSync('python3', [join(dir, 'sign.py')], {
				encoding: 'utf8',
				env: {
					...process.env,
					AWS_ACCESS_KEY_ID: EXAMPLE_CREDENTIALS.accessKeyId,
					AWS_SECRET_ACCESS_KEY: EXAMPLE_CREDENTIALS.secretAccessKey
				}
			});
			expect(out).toContain(`----- signature -----\n${DEFAULT_SIGNATURE}\n`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}

		await page.getByLabel('Language').selectOption({ label: 'Go' });
		await expect.poll(() => page.getByRole('textbox', { name: 'Go program' }).inputValue()).toContain('package main');
		await expect.poll(() => page.getByRole('button', { name: 'Download sign.go' }).count()).toBe(1);

		await page.getByLabel('Region').fill('eu-west-1');
		await expect.poll(() => page.getByRole('textbox', { name: 'Go program' }).inputValue()).toContain('region        = "eu-west-1"');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('has no serious or critical axe violation when open, at 390 px, dark', async () => {
		// bypassCSP only for axe, which the page's Content-Security-Policy rightly refuses to run.
		const { context, page } = await openApp(app.browser, app.url, PANES.length, {
			viewport: { width: 390, height: 844 },
			colorScheme: 'dark',
			bypassCSP: true
		});
		await page.getByText('Code: this request signed in your language').click();
		await page.getByRole('textbox', { name: 'Python program' }).waitFor();
		expect(await seriousViolations(page, 'details.code')).toEqual([]);
		await context.close();
	});
});
