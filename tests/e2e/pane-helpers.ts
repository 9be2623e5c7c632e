import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const PANES = ['Canonical request', 'String to sign', 'Signing key', 'Signature', 'Signed request', 'curl command'] as const;

export function pane(page: Page, label: string) {
	return page.getByRole('region', { name: label, exact: true });
}

/** A pane's text, read the way a user gets it: its Copy button and the clipboard. */
export async function paneText(page: Page, label: string): Promise<string> {
	await pane(page, label)
		.getByRole('button', { name: `Copy ${label}`, exact: true })
		.click();
	return page.evaluate(() => navigator.clipboard.readText());
}

/** The prerendered page shows its stages before its scripts run, and takes input once they have (the layout drops `inert`). */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('.app:not([inert])').waitFor({ state: 'attached', timeout: 30_000 });
}

/**
 * The panes become editors when first used (Monaco is not part of the first visit): a press in
 * the first pane asks for them, without moving focus or the pointer, then this waits for them.
 */
export async function waitForEditors(page: Page, count: number): Promise<void> {
	await hydrated(page);
	if (count === 0) return;
	await page.locator('.stages section.pane').first().dispatchEvent('pointerdown');
	await page.waitForFunction((n) => document.querySelectorAll('.stages .monaco-editor').length >= n, count, { timeout: 30_000 });
}

/** Replaces the text of an editable pane by typing into its editor. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
	const editor = pane(page, label).locator('.monaco-editor');
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(text);
}

export async function newContext(context: BrowserContext, url: string): Promise<void> {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
}

/**
 * A fresh browser context on the app (1280×900 unless `options` say otherwise), its editors loaded;
 * page errors and the URLs the page requested are collected.
 */
export async function openApp(
	browser: Browser,
	url: string,
	count = 6,
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page; errors: string[]; requested: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	await newContext(context, url);
	const page = await context.newPage();
	const errors: string[] = [];
	// The stack too: a failure names where in the page it happened.
	page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto(url);
	await hydrated(page);
	await waitForEditors(page, count);
	return { context, page, errors, requested };
}

/** Types text into the paste box and presses Import, as a user does, and waits for its report. */
export async function pasteInto(page: Page, text: string): Promise<void> {
	const before = await page.locator('#paste-result').textContent();
	await page.locator('#paste').fill(text);
	await page.getByRole('button', { name: 'Import' }).click();
	// A person reads what the paste did before pasting the next thing; the same report twice is possible, so this only waits.
	await page
		.waitForFunction((old) => document.querySelector('#paste-result')?.textContent !== old, before, { timeout: 10_000 })
		.catch(() => undefined);
}
