import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { newContext, waitForEditors } from './pane-helpers.ts';

const app = useApp();

async function storageOf(page: Page) {
	return page.evaluate(async () => ({
		local: localStorage.length,
		session: sessionStorage.length,
		cookies: document.cookie,
		indexedDB: (await indexedDB.databases()).map((d) => d.name)
	}));
}

describe('security and privacy', () => {
	it('sends a Content-Security-Policy that allows no other origin and no object, and blocks injected inline script', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		await page.goto(app.url);
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("worker-src 'self' blob:");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		const ran = await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = true';
			document.body.append(script);
			return (window as unknown as { __injected?: boolean }).__injected === true;
		});
		expect(ran).toBe(false);
		await context.close();
	});

	it('keeps to its own origin, violates no policy and stores nothing during a session', async () => {
		const context = await app.browser.newContext({ acceptDownloads: true });
		await newContext(context, app.url);
		const page = await context.newPage();
		const foreign: string[] = [];
		const errors: string[] = [];
		page.on('request', (r) => !r.url().startsWith(app.url) && foreign.push(r.url()));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		await page.addInitScript(() => {
			(window as unknown as { __violations: string[] }).__violations = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { __violations: string[] }).__violations.push(e.violatedDirective)
			);
		});
		await page.goto(app.url);
		await waitForEditors(page, 6);
		await page.locator('#request').fill('PUT /k HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-meta-a: 1\n\nbody');
		await page.getByRole('radio', { name: 'Presigned URL' }).check();
		await page.locator('#paste').fill('AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\nabc');
		await page.getByRole('button', { name: 'Import' }).click();
		await page.locator('.findings').waitFor();
		await page.getByRole('button', { name: 'Copy curl command' }).click();
		await page.getByRole('button', { name: 'Copy link' }).click();
		await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export file' }).click()]);
		await page.goto(`${app.url}/learn`);
		await page.keyboard.press('ArrowRight');
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
		expect(await storageOf(page)).toEqual({ local: 0, session: 0, cookies: '', indexedDB: [] });
		await context.close();
	});

	it('works offline after the first visit', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		await page.goto(app.url);
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			return registration.active?.state;
		});
		// The worker caches the whole static build on install; wait for it to take control.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 }).catch(() => page.reload());
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
		await context.setOffline(true);
		await page.reload();
		await waitForEditors(page, 6);
		await page.locator('#request').fill('GET /offline.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await expect
			.poll(() => page.getByRole('region', { name: 'Canonical request', exact: true }).locator('.view-lines').textContent())
			.toContain('/offline.txt');
		await context.close();
	});
});
