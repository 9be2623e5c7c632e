import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostingHeaders } from '../../scripts/hosting-headers.mjs';
import { launchChromium } from './browser.ts';
import { monacoChunk } from './build-files.ts';
import { newContext, waitForEditors, hydrated } from './pane-helpers.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const BUILD = resolve(import.meta.dirname, '../../build');
const CURL = 'curl https://examplebucket.s3.amazonaws.com/after-deploy.txt';
/** Signed with AWS's example keys (the page's defaults), but by no mistake a single one explains: forensics starts its worker. */
const SIGNED = `GET /test.txt HTTP/1.1
Host: examplebucket.s3.amazonaws.com
x-amz-date: 20130524T000000Z
x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'1'.repeat(64)}
`;

function textFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return textFiles(path);
		return ['.html', '.js', '.css', '.json', '_headers'].some((end) => name.endsWith(end)) ? [path] : [];
	});
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * Build B, as the next deploy would ship it: every content-hashed file under a new name (so build
 * A's files are gone from the host), references to them updated, a new version in the service
 * worker, and the pages' CSP hash of their rewritten inline script.
 */
function deployAfter(a: string, b: string): { versionA: string; versionB: string } {
	cpSync(a, b, { recursive: true });
	const immutable = join(b, '_app/immutable');
	const renamed: [string, string][] = [];
	for (const folder of readdirSync(immutable)) {
		for (const name of readdirSync(join(immutable, folder))) {
			const next = `${name.slice(0, -extname(name).length)}B${extname(name)}`;
			renameSync(join(immutable, folder, name), join(immutable, folder, next));
			renamed.push([`/${name}`, `/${next}`]);
		}
	}
	const versionA = (JSON.parse(readFileSync(join(b, '_app/version.json'), 'utf8')) as { version: string }).version;
	const versionB = `${versionA}-b`;
	for (const file of textFiles(b)) {
		const before = readFileSync(file, 'utf8');
		let text = before;
		for (const [from, to] of renamed) text = text.replaceAll(from, to);
		text = text.replaceAll(versionA, versionB);
		if (file.endsWith('.html')) {
			const scripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1] ?? ''));
			const after = scripts(text);
			scripts(before).forEach((hash, i) => (text = text.replace(`'sha256-${hash}'`, `'sha256-${after[i]}'`)));
		}
		if (text !== before) writeFileSync(file, text);
	}
	writeHostingHeaders(b);
	return { versionA, versionB };
}

/** The version of the service worker that controls the page. */
function controllerVersion(): Promise<string | undefined> {
	const controller = navigator.serviceWorker.controller;
	if (!controller) return Promise.resolve(undefined);
	return new Promise((ok) => {
		const { port1, port2 } = new MessageChannel();
		port1.onmessage = (e: MessageEvent<{ version?: string }>) => ok(e.data.version);
		controller.postMessage({ type: 'version' }, [port2]);
	});
}

/** Build B's pages preload only build B's files. */
const runsB = (page: Page) =>
	page.evaluate(() => {
		const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')];
		return links.length > 0 && links.every((l) => /B\.js$/.test(l.href));
	});

describe('a deploy while the page is open', () => {
	let dir: string;
	let versionA: string;
	let versionB: string;
	let server: StaticServer;
	let browser: Browser;
	const A = () => join(dir, 'a');
	const B = () => join(dir, 'b');
	/** Build A without its forensics worker: a deploy that changed only that. */
	const C = () => join(dir, 'c');

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'sigv4-deploy-'));
		cpSync(BUILD, A(), { recursive: true });
		({ versionA, versionB } = deployAfter(A(), B()));
		cpSync(A(), C(), { recursive: true });
		const workers = join(C(), '_app/immutable/workers');
		for (const name of readdirSync(workers).filter((n) => n.startsWith('worker-'))) rmSync(join(workers, name));
		server = await serveStatic(A());
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	/** Build A served and open, its service worker (when allowed) in control with build A cached. */
	async function openA(options: BrowserContextOptions = {}) {
		server.root = A();
		server.missing.length = 0;
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		await newContext(context, server.url);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
		await page.goto(server.url);
		await hydrated(page);
		await waitForEditors(page, 6);
		// The editors' own worker starts a moment after them; started before a deploy, it is not what fails after it.
		await expect.poll(() => page.workers().some((w) => /editor\.worker/.test(w.url())), { timeout: 15_000 }).toBe(true);
		if (options.serviceWorkers !== 'block') {
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
		}
		return { context, page, errors };
	}

	async function importPaste(page: Page, text = CURL) {
		await page.locator('#paste').fill(text);
		await page.getByRole('button', { name: 'Import' }).click();
	}

	const pasted = (page: Page) =>
		page.waitForFunction(() => (document.querySelector('#request') as HTMLTextAreaElement | null)?.value.includes('/after-deploy.txt'));

	it('a page left open keeps working once the new build takes over, and offers the new version', async () => {
		const { context, page, errors } = await openA();
		server.root = B();
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await page.getByText('A new version of this page is ready.').waitFor();
		// The paste code is loaded now, for the first time: build A's file, which the host no longer has.
		await importPaste(page);
		await pasted(page);
		expect(server.missing).toEqual([]);
		expect(errors).toEqual([]);
		await page.getByRole('button', { name: 'Reload' }).click();
		await waitForEditors(page, 6);
		expect(await runsB(page)).toBe(true);
		await context.close();
	});

	it('one reload runs the new build, its paste works, and it works offline after', { timeout: 120_000 }, async () => {
		const { context, page, errors } = await openA();
		server.root = B();
		await page.reload();
		await hydrated(page);
		await waitForEditors(page, 6);
		expect(await runsB(page)).toBe(true);
		await importPaste(page);
		await pasted(page);
		expect(errors).toEqual([]);

		// Build B's worker takes over and caches build B; without the network the page is build B's.
		// Its install precaches the whole build: in a full suite on two CPUs that has taken over 30 s.
		await expect.poll(() => page.evaluate(controllerVersion), { timeout: 60_000 }).toBe(versionB);
		// The editor this page loaded (through build A's worker) is kept by build B's once it is in control.
		const editorB = `/${monacoChunk().replace(/\.js$/, 'B.js')}`;
		await expect
			.poll(
				() =>
					page.evaluate(async ({ name, file }) => (await (await caches.open(name)).match(file)) !== undefined, {
						name: `sigv4-debugger-${versionB}`,
						file: editorB
					}),
				{
					timeout: 15_000
				}
			)
			.toBe(true);
		// Its own version took over: nothing newer to offer.
		expect(await page.getByText('A new version of this page is ready.').count()).toBe(0);
		await context.setOffline(true);
		await page.reload();
		await hydrated(page);
		await waitForEditors(page, 6);
		expect(await runsB(page)).toBe(true);
		await importPaste(page);
		await pasted(page);
		await context.setOffline(false);

		// Once no page of build A is open, its cache goes.
		await page.reload();
		await hydrated(page);
		await waitForEditors(page, 6);
		await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).not.toContain(`sigv4-debugger-${versionA}`);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a lazy load that fails says so and offers a reload that works', async () => {
		// No service worker to keep build A's files (a first visit before it installed, or a browser without one).
		const { context, page, errors } = await openA({ serviceWorkers: 'block' });
		server.root = B();
		await importPaste(page);
		const alert = page.getByRole('alert').filter({ hasText: 'Part of this page failed to load' });
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(/_app\/immutable\/\S+\.js/);
		expect(server.missing.some((path) => path.includes('/_app/immutable/'))).toBe(true);
		expect(errors).toEqual([]);
		await alert.getByRole('button', { name: 'Reload' }).click();
		await waitForEditors(page, 6);
		expect(await runsB(page)).toBe(true);
		await importPaste(page);
		await pasted(page);
		expect(await page.getByText('Part of this page failed to load').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a forensics worker that fails to load says so instead of searching forever', async () => {
		const { context, page, errors } = await openA({ serviceWorkers: 'block' });
		// The paste and search code load now; the forensics worker only when a search needs it.
		await importPaste(page);
		await pasted(page);
		server.root = C();
		await importPaste(page, SIGNED);
		const alert = page.getByRole('alert').filter({ hasText: 'Part of this page failed to load (the forensics worker)' });
		await alert.waitFor();
		expect(server.missing.some((path) => path.includes('/_app/immutable/workers/'))).toBe(true);
		expect(await page.getByText('Searching for the mistake').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
