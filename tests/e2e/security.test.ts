import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { newContext, openApp, PANES, pasteInto, waitForEditors, hydrated } from './pane-helpers.ts';

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
		await hydrated(page);
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
		await hydrated(page);
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
		await hydrated(page);
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
		await hydrated(page);
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			return registration.active?.state;
		});
		// The worker caches the whole static build on install; wait for it to take control.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 }).catch(() => page.reload());
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
		await context.setOffline(true);
		await page.reload();
		await hydrated(page);
		// The editor was never used on the first visit, so it was never downloaded: the stages are
		// plain text, and signing works the same.
		await page.locator('#request').fill('GET /offline.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await expect
			.poll(() => page.getByRole('region', { name: 'Canonical request', exact: true }).locator('textarea').inputValue())
			.toContain('/offline.txt');
		await page.getByRole('region', { name: 'Canonical request', exact: true }).locator('textarea').click();
		await page.getByRole('status').filter({ hasText: 'You are offline, and part of this page' }).waitFor();
		expect(await page.getByText('Part of this page failed to load').count()).toBe(0);
		expect(await page.locator('.stages .monaco-editor').count()).toBe(0);
		await context.close();
	});
});

const SECRET = 'e2eSecretKey/0123456789+abcdefghijklmnopq';
const TOKEN = 'IQoJb3JpZ2luX2VjE2ETokenFwoGZXIvYXdzEBYaDExampleOnly/xyz+0123456789==';
const SSE_KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
const URL_S3 = 'https://examplebucket.s3.amazonaws.com/secret.txt';

/** A link's case as JSON, unpacked by Node's zlib, not by the page. */
const unpacked = (fragment: string) =>
	inflateSync(Buffer.from(fragment.replace(/^.*#/, '').replace(/^v1=/, ''), 'base64url')).toString('utf8');

/** The three ways a secret rides inside pasted text, and what the page must say it left out. */
const PASTES = [
	{
		name: 'curl --user AKID:SECRET',
		text: `curl --aws-sigv4 "aws:amz:us-east-1:s3" --user "AKIAIOSFODNN7EXAMPLE:${SECRET}" ${URL_S3}`,
		leftOut: 'Left out: the secret access key (1 place)',
		ask: 'This case came without its secret access key: paste it in place of SECRET-ACCESS-KEY-LEFT-OUT in the paste box'
	},
	{
		name: 'a raw request with an X-Amz-Security-Token header',
		text: `GET /secret.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nX-Amz-Date: 20130524T000000Z\nX-Amz-Security-Token: ${TOKEN}\n`,
		leftOut: 'Left out: the session token (3 places)',
		ask: 'This case came without its session token: paste it in place of SESSION-TOKEN-LEFT-OUT in the request and the paste box, and into Session token.'
	},
	{
		name: 'a request with an SSE-C key header',
		text: `PUT /secret.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-server-side-encryption-customer-algorithm: AES256\nx-amz-server-side-encryption-customer-key: ${SSE_KEY}\n\nbody`,
		leftOut: 'Left out: the SSE-C key (2 places)',
		ask: 'This case came without its SSE-C key: paste it in place of SSE-C-KEY-LEFT-OUT in the request and the paste box.'
	}
];

describe('secrets inside pasted text', () => {
	for (const paste of PASTES) {
		it(`never leave the page from ${paste.name}: not the address bar, the copied link, the file or storage`, async () => {
			const { context, page, errors } = await openApp(app.browser, app.url);
			const secrets = [SECRET, TOKEN, SSE_KEY, encodeURIComponent(TOKEN)];
			const clean = (text: string | null) => secrets.every((secret) => !(text ?? '').includes(secret));
			await pasteInto(page, paste.text);
			// The address bar follows the case a moment after the paste.
			await expect.poll(() => page.evaluate(() => location.hash).then((h) => h.length > 1 && unpacked(h).includes('LEFT-OUT'))).toBe(true);
			const hash = await page.evaluate(() => location.hash);
			expect(clean(hash) && clean(unpacked(hash))).toBe(true);

			await page.getByRole('button', { name: 'Copy link' }).click();
			const status = page.getByRole('status').filter({ hasText: 'Link copied' });
			await expect.poll(() => status.count()).toBe(1);
			expect(await status.textContent()).toContain(paste.leftOut);
			const link = await page.evaluate(() => navigator.clipboard.readText());
			expect(clean(link) && clean(unpacked(link))).toBe(true);

			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export file' }).click()]);
			const file = readFileSync((await download.path())!, 'utf8');
			expect(file).toContain('LEFT-OUT');
			expect(clean(file)).toBe(true);
			expect(await page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toContain(paste.leftOut);

			const stored = () => page.evaluate(() => localStorage.getItem('sigv4-debugger:case'));
			await page.getByRole('checkbox', { name: /Remember this case/ }).check();
			await expect.poll(stored).toContain('LEFT-OUT');
			expect(clean(await stored())).toBe(true);
			expect(errors).toEqual([]);
			await context.close();

			// Whoever opens the link is asked for what was left out, and where it goes. A placeholder in
			// the request would be signed as if it were the value: the page waits for it instead of
			// showing stages (and a mismatch) for the wrong request.
			const inRequest = paste.ask.includes('in the request');
			const other = await openApp(app.browser, link, inRequest ? 0 : PANES.length);
			await expect.poll(() => other.page.getByText(paste.ask).count()).toBe(1);
			if (inRequest) {
				await expect.poll(() => other.page.getByText(/^Not enough to tell — The (session token|SSE-C key) was left out/).count()).toBe(1);
				expect(await other.page.locator('.stages .monaco-editor').count()).toBe(0);
			}
			expect(other.errors).toEqual([]);
			await other.context.close();
		});
	}
});
