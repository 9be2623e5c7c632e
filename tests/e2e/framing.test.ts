import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_HEADERS, headerCsp, headersFor, metaCsp, pagePaths, parseHeaders } from '../../scripts/hosting-headers.mjs';
import { launchChromium } from './browser.ts';
import { waitForEditors } from './pane-helpers.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const BUILD = resolve(import.meta.dirname, '../../build');

/** Another site's page that frames the app: served from localhost, while the app is on 127.0.0.1. */
async function framer(): Promise<{ port: number; target: { src: string }; stop: () => void }> {
	const target = { src: '' };
	const server: Server = createServer((_, res) => {
		res
			.writeHead(200, { 'Content-Type': 'text/html' })
			.end(`<!doctype html><title>Elsewhere</title><iframe src="${target.src}" width="900" height="600"></iframe>`);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	return {
		port: (server.address() as AddressInfo).port,
		target,
		stop: () => {
			server.close();
			server.closeAllConnections();
		}
	};
}

/** The framed app's document, once it has loaded (or failed to). */
async function framedApp(page: Page, elsewhere: { port: number; target: { src: string } }, src: string): Promise<Frame> {
	elsewhere.target.src = src;
	await page.goto(`http://localhost:${elsewhere.port}/`);
	await page.locator('iframe').waitFor();
	const frame = await (await page.locator('iframe').elementHandle())!.contentFrame();
	await frame!.waitForLoadState();
	return frame!;
}

describe('framed by another site', () => {
	let plain: StaticServer;
	let withHeaders: StaticServer;
	let elsewhere: Awaited<ReturnType<typeof framer>>;
	let browser: Browser;

	beforeAll(async () => {
		plain = await serveStatic(BUILD);
		withHeaders = await serveStatic(BUILD, { headers: true });
		elsewhere = await framer();
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await plain?.stop();
		await withHeaders?.stop();
		elsewhere?.stop();
	});

	for (const path of ['/', '/learn']) {
		it(`on a host without headers, ${path} shows only a link to open it on its own`, async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			const frame = await framedApp(page, elsewhere, `${plain.url}${path}`);
			const link = frame.getByRole('link', { name: 'Open SigV4 Debugger on its own' });
			await link.waitFor();
			expect(await link.getAttribute('href')).toBe(`${plain.url}${path}`);
			expect(await link.getAttribute('target')).toBe('_blank');
			// Nothing of the app to click, type into or read.
			expect(await frame.locator('a, button, input, textarea, select, [contenteditable], .monaco-editor').count()).toBe(1);
			expect(await frame.locator('body').innerText()).not.toMatch(/Paste what you have|Secret access key|Copy link/i);

			// Opened on its own, the same page is the app.
			// (In the frame, SvelteKit's service-worker registration is refused as third-party: that error is the browser's.)
			const own = await context.newPage();
			const errors: string[] = [];
			own.on('pageerror', (e) => errors.push(e.message));
			await own.goto(`${plain.url}/`);
			await waitForEditors(own, 6);
			expect(await own.getByRole('link', { name: 'Open SigV4 Debugger on its own' }).count()).toBe(0);
			expect(errors, errors.join('\n')).toEqual([]);
			await context.close();
		});
	}

	it("with the build's _headers, the browser refuses the frame and the page itself still works", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const frame = await framedApp(page, elsewhere, `${withHeaders.url}/`);
		// Chromium shows its own error page in place of the frame: nothing of the app loads.
		expect(frame.url()).not.toContain(withHeaders.url);
		expect(await frame.locator('#paste, a[target=_blank]').count()).toBe(0);

		// The header CSP is the meta tag's plus frame-ancestors: the page runs under both, no violation.
		const own = await context.newPage();
		const violations: string[] = [];
		own.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		const response = await own.goto(`${withHeaders.url}/`);
		expect(response!.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'$/);
		expect(response!.headers()['x-frame-options']).toBe('DENY');
		await waitForEditors(own, 6);
		await own.locator('#paste').fill('curl https://examplebucket.s3.amazonaws.com/headers.txt');
		await own.getByRole('button', { name: 'Import' }).click();
		await own.waitForFunction(() => (document.querySelector('#request') as HTMLTextAreaElement | null)?.value.includes('/headers.txt'));
		expect(violations).toEqual([]);
		await context.close();
	});

	it('the build has _headers: each page its meta CSP plus frame-ancestors, every path the other headers', () => {
		const rules = parseHeaders(readFileSync(resolve(BUILD, '_headers'), 'utf8'));
		const pages = readdirSync(BUILD).filter((name) => name.endsWith('.html'));
		expect(pages).toEqual(expect.arrayContaining(['index.html', 'learn.html']));
		for (const name of pages) {
			const meta = metaCsp(readFileSync(resolve(BUILD, name), 'utf8'));
			expect(meta).toMatch(/script-src 'self' 'sha256-/);
			for (const path of pagePaths(name)) {
				const headers = headersFor(rules, path);
				expect(headers['Content-Security-Policy']).toBe(headerCsp(meta!));
				expect(headers['Content-Security-Policy']).toBe(`${meta}; frame-ancestors 'none'`);
				expect(headers).toMatchObject(COMMON_HEADERS);
			}
		}
		expect(headersFor(rules, '/_app/immutable/entry/start.js')).toEqual({
			...COMMON_HEADERS,
			'Cache-Control': 'public, max-age=31536000, immutable'
		});
		expect(COMMON_HEADERS).toEqual({ 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
	});

	it('vercel.json sends the same headers, with frame-ancestors as the header CSP beside the meta tag', () => {
		const vercel = JSON.parse(readFileSync(resolve(BUILD, '../vercel.json'), 'utf8')) as {
			headers: { source: string; headers: { key: string; value: string }[] }[];
		};
		const all = vercel.headers.find((rule) => rule.source === '/(.*)')!;
		expect(Object.fromEntries(all.headers.map((h) => [h.key, h.value]))).toEqual({
			...COMMON_HEADERS,
			'Content-Security-Policy': "frame-ancestors 'none'"
		});
	});
});
