// A first visit as a slow phone makes it: Chromium with 4× CPU throttling on a 1.6 Mbps / 150 ms
// network, a host that gzips and sends the build's _headers. It measures what the visit transfers
// (the page's own requests and the service worker's precache, counted in bytes on the wire by the
// host) and the cold first signature: from navigation to the moment the Signature pane shows the
// example's signature; then what the first use of a pane adds (Monaco). `node scripts/bench-first-visit.mjs [--dir build]` runs it alone.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS, withChromium } from './bench-browser.mjs';
import { headersFor, parseHeaders } from './hosting-headers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TRANSFER_BUDGET_BYTES = 300 * 1024;
export const FIRST_SIGNATURE_BUDGET_MS = 1000;
/** The example's signature, which the page shows on its first screen. */
const SIGNATURE = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
const RUNS = 3;
const QUIET_MS = 2000;
const TYPES = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.ttf': 'font/ttf'
};

/** The static build as a host serves it, gzipped, counting what it sends and to whom (page or service worker). */
async function serve(dir, use) {
	const headers = parseHeaders(readFileSync(path.join(dir, '_headers'), 'utf8'));
	const log = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let file = url.pathname === '/' ? '/index.html' : url.pathname;
		if (!path.extname(file)) file += '.html';
		const full = path.join(dir, path.normalize(file));
		if (!full.startsWith(dir) || !existsSync(full)) return void res.writeHead(404).end();
		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		const raw = readFileSync(full);
		const gzip = type !== 'font/ttf' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
		const body = gzip ? gzipSync(raw, { level: 9 }) : raw;
		const head = {
			'Content-Type': type,
			'Content-Length': body.length,
			...headersFor(headers, url.pathname),
			...(gzip ? { 'Content-Encoding': 'gzip' } : {})
		};
		res.writeHead(200, head).end(body);
		// The page loads scripts, styles and fonts; fetch() (an empty destination) is the service worker's precache.
		log.push({ path: url.pathname, bytes: body.length, dest: req.headers['sec-fetch-dest'] ?? '', at: Date.now() });
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await use(`http://127.0.0.1:${server.address().port}`, log);
	} finally {
		server.closeAllConnections();
		server.close();
	}
}

/**
 * Notes, before the page's scripts run, when the Signature pane first shows the signature: the
 * first frame after it is in the page (a frame waits for the styles, as the eye does); and when
 * the page first answers input (its prerendered copy is inert until its scripts have run).
 */
function watchSignature(signature) {
	let seen = false;
	const check = () => {
		if (globalThis.__interactive === undefined && document.querySelector('.app:not([inert])')) globalThis.__interactive = performance.now();
		if (seen) return;
		const pane = document.getElementById('pane-signature-title')?.closest('section');
		const field = pane?.querySelector('textarea');
		if ((field?.value ?? '').includes(signature) || pane?.querySelector('pre, .view-lines')?.textContent?.includes(signature)) {
			seen = true;
			requestAnimationFrame(() => (globalThis.__firstSignature = performance.now()));
		}
	};
	// A textarea's value changes no DOM: each frame is checked too.
	new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
	const frame = () => {
		check();
		if (globalThis.__firstSignature === undefined || globalThis.__interactive === undefined) requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
}

const isMonaco = (r) => /monaco|codicon|editor\.worker/.test(r.path) || r.bytes > 400_000;

async function quiet(page, log) {
	while (Date.now() - (log.at(-1)?.at ?? 0) < QUIET_MS) await page.waitForTimeout(250);
}

async function visit(browser, url, log) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', NETWORK);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
		await page.addInitScript(watchSignature, SIGNATURE);
		const start = log.length;
		const navigatedAt = Date.now();
		await page.goto(url);
		await page.waitForFunction(() => globalThis.__firstSignature !== undefined, null, { timeout: 60_000 });
		const firstSignatureMs = await page.evaluate(() => globalThis.__firstSignature);
		await page.waitForFunction(() => globalThis.__interactive !== undefined, null, { timeout: 60_000 });
		const interactiveMs = await page.evaluate(() => globalThis.__interactive);
		// The visit is over once the worker controls the page and the host has been quiet a while.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
		await quiet(page, log);
		const requests = log.slice(start);
		// Then the first use of a pane: Monaco arrives, once.
		const used = log.length;
		const pressed = await page.evaluate(() => performance.now());
		await page.locator('.stages section.pane').first().dispatchEvent('pointerdown');
		await page.waitForFunction(() => document.querySelectorAll('.stages .monaco-editor').length > 0, null, { timeout: 120_000 });
		const editorMs = (await page.evaluate(() => performance.now())) - pressed;
		await quiet(page, log);
		const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
		return {
			firstSignatureMs,
			interactiveMs,
			bytes: sum(requests),
			monacoBytes: sum(requests.filter(isMonaco)),
			workerBytes: sum(requests.filter((r) => r.dest === 'empty')),
			requests: requests.length,
			firstUseBytes: sum(log.slice(used)),
			timeline: requests.map(
				(r) => `${String(r.at - navigatedAt).padStart(6)} ms ${String(r.bytes).padStart(8)} B ${r.dest || 'fetch'} ${r.path}`
			),
			editorMs
		};
	} finally {
		await context.close();
	}
}

/** Cold first visits (a fresh profile each): the median first signature, the transfer of the first. */
export async function benchFirstVisit(executablePath, args, dir = path.join(ROOT, 'build')) {
	return withChromium(executablePath, args, (browser) =>
		serve(path.resolve(dir), async (url, log) => {
			const runs = [];
			for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, url, log));
			const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
			const times = runs.map((r) => r.firstSignatureMs).sort((a, b) => a - b);
			return {
				...runs[0],
				firstSignatureMs: median('firstSignatureMs'),
				firstSignatureRunsMs: times,
				interactiveMs: median('interactiveMs')
			};
		})
	);
}

export function firstVisitReport(r) {
	const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
	const verdict = (ok) => (ok ? 'PASS' : 'MISS');
	return [
		`First visit (Chromium, ${CPU_SLOWDOWN}× CPU throttling, 1.6 Mbps / 150 ms):`,
		`  transfer ${kb(r.bytes)} gzip in ${r.requests} requests, page and service worker (budget ${kb(TRANSFER_BUDGET_BYTES)}): ${verdict(r.bytes <= TRANSFER_BUDGET_BYTES)}; of it Monaco ${kb(r.monacoBytes)} (it loads when a pane is first used); the service worker's precache ${kb(r.workerBytes)}`,
		`  first use of a pane: ${kb(r.firstUseBytes)} more (Monaco, kept by the service worker), editors up ${(r.editorMs / 1000).toFixed(2)} s after the press`,
		`  cold first signature ${(r.firstSignatureMs / 1000).toFixed(2)} s, median of ${r.firstSignatureRunsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} (budget ${(FIRST_SIGNATURE_BUDGET_MS / 1000).toFixed(1)} s): ${verdict(r.firstSignatureMs <= FIRST_SIGNATURE_BUDGET_MS)}; it is prerendered, and the page answers input at ${(r.interactiveMs / 1000).toFixed(2)} s (median)`
	].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const at = process.argv.indexOf('--dir');
	const dir = at > 0 ? process.argv[at + 1] : path.join(ROOT, 'build');
	const result = await benchFirstVisit(CHROMIUM, CHROMIUM_ARGS, dir);
	console.log(firstVisitReport(result));
	// What the first visit fetched and when (the host's clock, from navigation), to find the critical path.
	if (process.argv.includes('--timeline')) console.log(result.timeline.join('\n'));
}
