import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { newContext, pane, PANES, paneText, typeInto, waitForEditors, hydrated } from './pane-helpers.ts';
import { formatCurl, formatHttpRequest, presignUrl, signRequest } from '../../src/lib/sigv4/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { keyChainText } from '../../src/lib/sigv4/index.ts';
import { DEFAULT_PARAMS, DEFAULT_REQUEST_TEXT, DEFAULT_SIGNATURE } from '../../src/lib/case/examples.ts';

const app = useApp();

interface Session {
	context: BrowserContext;
	page: Page;
	errors: string[];
	requests: string[];
}

async function open(viewport = { width: 1280, height: 800 }, colorScheme: 'light' | 'dark' = 'light', bypassCSP = false): Promise<Session> {
	// bypassCSP only for axe, which the page's Content-Security-Policy rightly refuses to run.
	const context = await app.browser.newContext({ viewport, colorScheme, bypassCSP });
	await newContext(context, app.url);
	const page = await context.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(app.url);
	await hydrated(page);
	await waitForEditors(page, PANES.length);
	return { context, page, errors, requests };
}

async function expected(requestText = DEFAULT_REQUEST_TEXT, mode: 'header' | 'query' = 'header') {
	const request = parseRawHttp(requestText).request!;
	return mode === 'header' ? signRequest(request, DEFAULT_PARAMS) : presignUrl(request, { ...DEFAULT_PARAMS, expiresIn: 3600 });
}

describe('the debugger page', () => {
	it('opens on a meaningful example with every pane filled, as the core computes it', async () => {
		const { context, page, errors } = await open();
		const trace = await expected();
		expect(trace.signature).toBe(DEFAULT_SIGNATURE);
		expect(await paneText(page, 'Canonical request')).toBe(trace.canonicalRequest);
		expect(await paneText(page, 'String to sign')).toBe(trace.stringToSign);
		expect(await paneText(page, 'Signing key')).toBe(keyChainText(trace.keyChain));
		expect(await paneText(page, 'Signature')).toBe(DEFAULT_SIGNATURE);
		expect(await paneText(page, 'Signed request')).toBe(formatHttpRequest(trace.request));
		expect(await paneText(page, 'curl command')).toBe(formatCurl(trace.request));
		await page.screenshot({ path: 'test-results/debugger-desktop.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('is usable before the editor arrives: the plain panes already show the stages', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		// Hold back the lazily loaded editor (the one chunk over 1 MB): the page must work without it.
		await page.route('**/*.js', async (route) => {
			const file = `build${new URL(route.request().url()).pathname}`;
			if (existsSync(file) && statSync(file).size > 1_000_000) return;
			await route.continue();
		});
		await page.goto(app.url);
		await hydrated(page);
		await expect.poll(() => pane(page, 'Signature').locator('textarea').inputValue()).toBe(DEFAULT_SIGNATURE);
		expect(await page.locator('.stages .monaco-editor').count()).toBe(0);
		await page.locator('#request').fill(DEFAULT_REQUEST_TEXT + 'X-Amz-Meta-A: 1\n');
		await expect.poll(() => pane(page, 'Signature').locator('textarea').inputValue()).not.toBe(DEFAULT_SIGNATURE);
		await context.close();
	});

	it('recomputes every stage when a header changes', async () => {
		const { context, page, errors } = await open();
		const before = { cr: await paneText(page, 'Canonical request'), sts: await paneText(page, 'String to sign') };
		const text = DEFAULT_REQUEST_TEXT.replace('Range: bytes=0-9', 'Range: bytes=0-99');
		await page.locator('#request').fill(text);
		const trace = await expected(text);
		await expect.poll(() => paneText(page, 'Signature')).toBe(trace.signature);
		expect(trace.signature).not.toBe(DEFAULT_SIGNATURE);
		const after = { cr: await paneText(page, 'Canonical request'), sts: await paneText(page, 'String to sign') };
		expect(after.cr).toBe(trace.canonicalRequest);
		expect(after.cr).not.toBe(before.cr);
		expect(after.sts).toBe(trace.stringToSign);
		expect(after.sts).not.toBe(before.sts);
		// What the editor shows, not only what it would copy.
		await expect.poll(() => pane(page, 'Canonical request').locator('.view-lines').textContent()).toContain('range:bytes=0-99');
		await expect.poll(() => pane(page, 'Signature').locator('.view-lines').textContent()).toBe(trace.signature);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('follows an edited canonical request downstream, leaves the request alone, and resets in one click', async () => {
		const { context, page } = await open();
		const trace = await expected();
		const edited = trace.canonicalRequest.replace('range:bytes=0-9', 'range:bytes=0-8');
		await typeInto(page, 'Canonical request', edited);
		await expect.poll(() => paneText(page, 'Signature')).not.toBe(DEFAULT_SIGNATURE);
		expect(await paneText(page, 'Canonical request')).toBe(edited);
		const sts = await paneText(page, 'String to sign');
		expect(sts).not.toBe(trace.stringToSign);
		expect(sts.split('\n').slice(0, 3)).toEqual(trace.stringToSign.split('\n').slice(0, 3));
		expect(await page.locator('#request').inputValue()).toBe(DEFAULT_REQUEST_TEXT);
		await expect(pane(page, 'Canonical request').getByText('edited', { exact: true }).isVisible()).resolves.toBe(true);
		await expect(pane(page, 'String to sign').getByText('Follows your edited canonical request.').isVisible()).resolves.toBe(true);
		expect(await paneText(page, 'Signed request')).toContain(`Signature=${await paneText(page, 'Signature')}`);

		await pane(page, 'Canonical request').getByRole('button', { name: 'Reset' }).click();
		await expect.poll(() => paneText(page, 'Signature')).toBe(DEFAULT_SIGNATURE);
		expect(await paneText(page, 'Canonical request')).toBe(trace.canonicalRequest);
		await context.close();
	});

	it('copies the curl command', async () => {
		const { context, page } = await open();
		await pane(page, 'curl command').getByRole('button', { name: 'Copy curl command' }).click();
		const clipboard = await page.evaluate(() => navigator.clipboard.readText());
		expect(clipboard).toBe(formatCurl((await expected()).request));
		expect(clipboard).toContain(`Signature=${DEFAULT_SIGNATURE}`);
		await context.close();
	});

	it('makes a presigned URL carrying X-Amz-Signature in presign mode', async () => {
		const { context, page } = await open();
		await page.getByRole('radio', { name: 'Presigned URL' }).check();
		await waitForEditors(page, PANES.length + 1);
		const trace = await expected(DEFAULT_REQUEST_TEXT, 'query');
		await expect.poll(() => paneText(page, 'Presigned URL')).toBe(trace.signedUrl);
		expect(trace.signedUrl).toMatch(/X-Amz-Signature=[0-9a-f]{64}$/);
		expect(await paneText(page, 'Canonical request')).toBe(trace.canonicalRequest);
		await context.close();
	});

	it('shows an input error at its field and keeps the last good stages, marked stale', async () => {
		const { context, page, errors } = await open();
		await page.getByLabel('Date and time').fill('2013-05-24T00:00:00Z');
		const alert = page.locator('#datetime-error');
		await expect.poll(() => alert.textContent()).toContain('YYYYMMDDTHHMMSSZ');
		expect(await alert.textContent()).toContain('20130524T000000Z');
		expect(await page.getByLabel('Date and time').getAttribute('aria-invalid')).toBe('true');
		expect(await paneText(page, 'Signature')).toBe(DEFAULT_SIGNATURE);
		expect(await pane(page, 'Signature').getByText('stale').count()).toBe(1);
		await page.getByLabel('Date and time').fill('20130524T000000Z');
		await expect.poll(() => pane(page, 'Signature').getByText('stale').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('explains a canonical-request line on hover', async () => {
		const { context, page } = await open();
		const line = pane(page, 'Canonical request').locator('.view-line').filter({ hasText: 'range:bytes' });
		await line.locator('span span').first().hover();
		const hover = page.locator('.monaco-hover-content').filter({ hasText: 'From:' });
		await expect.poll(() => hover.textContent(), { timeout: 10_000 }).toContain('Range: bytes=0-9');
		expect(await hover.textContent()).toContain('name lowercased');
		await context.close();
	});

	it('reaches every control by keyboard', async () => {
		const { context, page } = await open();
		const reached = new Set<string>();
		for (let i = 0; i < 80; i++) {
			await page.keyboard.press('Tab');
			const name = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return el ? el.getAttribute('aria-label') || el.id || el.textContent?.trim() || el.tagName : '';
			});
			reached.add(name);
		}
		for (const name of [
			'request',
			'accessKeyId',
			'secretAccessKey',
			'region',
			'service',
			'datetime',
			'Now',
			'Copy Signature',
			'Copy curl command',
			'Canonical request'
		]) {
			expect(reached, name).toContain(name);
		}
		await context.close();
	});

	it('has no serious or critical axe violation, in light and dark', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const { context, page } = await open({ width: 1280, height: 800 }, scheme, true);
			expect(await seriousViolations(page), scheme).toEqual([]);
			await context.close();
		}
	});

	it('reads well on a 390-px phone: the stages stack under the inputs', async () => {
		const { context, page } = await open({ width: 390, height: 844 });
		const inputs = await page.getByRole('form', { name: 'Inputs' }).boundingBox();
		const stages = await page.getByRole('region', { name: 'Stages' }).boundingBox();
		expect(stages!.y).toBeGreaterThan(inputs!.y + inputs!.height - 1);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: 'test-results/debugger-phone.png', fullPage: true });
		await context.close();
	});

	it('makes no request to another origin', async () => {
		const { context, page, requests } = await open();
		await page.getByLabel('Region').fill('eu-west-1');
		await expect.poll(() => paneText(page, 'String to sign')).toContain('eu-west-1');
		expect(requests.filter((u) => !u.startsWith(app.url))).toEqual([]);
		await context.close();
	});
});
