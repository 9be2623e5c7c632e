// The reliability report's heavy inputs, in the built page (Chromium): the longest main-thread task
// each one causes (PerformanceObserver 'longtask', which counts the browser's layout of what our code
// asked for too), and diagnose's time at 10k, 20k and 40k lines of a pasted canonical request (Node),
// which must grow linearly. `node scripts/bench-heavy.mjs [--dir build]` runs it alone.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { CHROMIUM, CHROMIUM_ARGS, withChromium } from './bench-browser.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The bound for one task of the page's own work. */
export const TASK_BUDGET_MS = 200;
const SETTLE_QUIET_MS = 1500;
const SETTLE_MAX_MS = 90_000;
const MB = 1024 * 1024;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** The static build as a host serves it: /learn is learn.html, everything else a file. */
export async function serve(dir, use) {
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let file = url.pathname === '/' ? '/index.html' : url.pathname;
		if (!path.extname(file)) file += '.html';
		try {
			const body = await readFile(path.join(dir, path.normalize(file)));
			res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await use(`http://127.0.0.1:${server.address().port}`);
	} finally {
		server.closeAllConnections();
		server.close();
	}
}

/** The case module and the link encoder, bundled for Node from the sources. */
async function loadCaseModule() {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'sigv4-bench-'));
	const file = path.join(dir, 'case.mjs');
	await esbuild.build({
		stdin: {
			contents:
				"export { DEFAULT_CASE, analyze } from './src/lib/case/index.ts'; export { diagnose } from './src/lib/diagnose/index.ts'; export { encodeCase } from './src/lib/share/index.ts';",
			resolveDir: ROOT,
			loader: 'ts'
		},
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'es2022',
		outfile: file,
		logLevel: 'warning'
	});
	return { mod: await import(pathToFileURL(file).href), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** diagnose (through analyze) with a pasted canonical request of n lines of one repeated header (reliability-2 row 3). */
async function diagnoseAtSizes(mod) {
	const rows = [];
	for (const lines of [10_000, 20_000, 40_000]) {
		const c = { ...mod.DEFAULT_CASE, provided: { canonicalRequest: 'GET\n/\n\n' + 'a:b\n'.repeat(lines) } };
		// The fastest of five: the least disturbed by the collector and by other processes.
		let ms = Infinity;
		for (let i = 0; i < 5; i++) {
			const started = performance.now();
			await mod.analyze(c);
			ms = Math.min(ms, performance.now() - started);
		}
		rows.push({ lines, ms });
	}
	return rows;
}

// ---- the inputs, built inside the page so that megabytes never cross the DevTools connection

export const SIGNED =
	'X-Amz-Date: 20130524T000000Z\nx-amz-content-sha256: UNSIGNED-PAYLOAD\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404\n';

export function makeText(shape, size, signed) {
	const head = 'PUT /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n' + signed;
	if (shape === 'blank') return '\n'.repeat(size);
	if (shape === 'body') return head + '\n' + 'x'.repeat(size - head.length - 1);
	if (shape === 'headers') {
		const line = 'X-Amz-Meta-A: 1\n';
		const start = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n';
		return start + line.repeat(Math.floor((size - start.length) / line.length));
	}
	// A HAR: entries of about 4.3 KB, each a signed request with its response.
	const entries = [];
	let length = 0;
	for (let i = 0; length < size - 6000; i++) {
		const entry = {
			startedDateTime: '2013-05-24T00:00:00.000Z',
			request: {
				method: 'GET',
				url: `https://examplebucket.s3.amazonaws.com/object-${i}.txt`,
				httpVersion: 'HTTP/1.1',
				headers: [
					{ name: 'Host', value: 'examplebucket.s3.amazonaws.com' },
					{ name: 'X-Amz-Date', value: '20130524T000000Z' },
					{ name: 'x-amz-content-sha256', value: 'UNSIGNED-PAYLOAD' },
					{ name: 'X-Padding', value: 'p'.repeat(3200) }
				],
				queryString: [],
				headersSize: -1,
				bodySize: 0
			},
			response: { status: 403, statusText: 'Forbidden', headers: [], content: { size: 0, mimeType: 'application/xml', text: '' } },
			timings: { send: 0, wait: 1, receive: 0 }
		};
		const json = JSON.stringify(entry, null, 2);
		entries.push(json);
		length += json.length + 2;
	}
	return `{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n${entries.join(',\n')}\n]}}`;
}

/** Starts collecting long tasks in every page before its scripts run. */
function observeLongTasks() {
	const tasks = (globalThis.__longTasks = []);
	const keep = (entries) => {
		for (const e of entries) tasks.push({ start: e.startTime, duration: e.duration });
	};
	globalThis.__longTaskObserver = new PerformanceObserver((list) => keep(list.getEntries()));
	globalThis.__longTaskObserver.observe({ type: 'longtask', buffered: true });
	// The observer reports after the task, on a later one: a reader first takes what is still queued.
	globalThis.__takeLongTasks = () => {
		keep(globalThis.__longTaskObserver.takeRecords());
		return tasks;
	};
}

/**
 * A paste as Chromium delivers it: a paste event carrying the clipboard; when the page does not
 * take it (preventDefault), the browser lays the text into the box, as a real paste does.
 */
export function dispatchPaste() {
	const text = globalThis.__text;
	const box = document.querySelector('#paste');
	const data = new DataTransfer();
	data.setData('text/plain', text);
	const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
	setTimeout(() => {
		box.dispatchEvent(event);
		if (!event.defaultPrevented) {
			box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
			box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
		}
	}, 0);
}

/**
 * Waits until the page has answered promptly and had no long task for a while; returns the longest
 * task since `from`. A slow answer means the page was busy, even before its long task is reported.
 */
async function settle(page, from) {
	const started = Date.now();
	let quietSince = Date.now();
	for (;;) {
		const asked = Date.now();
		const { tasks, now } = await page.evaluate(() => ({ tasks: globalThis.__takeLongTasks(), now: performance.now() }));
		if (Date.now() - asked > 200) quietSince = Date.now();
		const mine = tasks.filter((t) => t.start + t.duration >= from);
		const lastEnd = Math.max(from, ...mine.map((t) => t.start + t.duration));
		if (now - lastEnd < SETTLE_QUIET_MS) quietSince = Math.max(quietSince, Date.now() - (now - lastEnd));
		const longest = Math.max(0, ...mine.map((t) => t.duration));
		const quiet = Date.now() - quietSince >= SETTLE_QUIET_MS;
		if (quiet || Date.now() - started > SETTLE_MAX_MS) {
			return { longestMs: longest, settleMs: Math.max(0, lastEnd - from), timedOut: !quiet };
		}
		await new Promise((r) => setTimeout(r, 250));
	}
}

async function outcome(page) {
	const text = await page.evaluate(() => {
		const problem = document.querySelector('#paste-result')?.textContent ?? '';
		const banner = document.querySelector('[role="alert"]')?.textContent ?? '';
		return (problem.trim() || banner.trim()).replace(/\s+/g, ' ');
	});
	return text.length > 110 ? `${text.slice(0, 110)}…` : text;
}

async function freshPage(browser, url, hash = '') {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(observeLongTasks);
	const loaded = Date.now();
	await page.goto(url + hash);
	await page.locator('#paste').waitFor({ timeout: 60_000 });
	return { context, page, errors, loaded };
}

/** A paste of `shape` into the page, after the page has settled from loading. */
async function pasteRun(browser, url, { shape, size, replace }) {
	const { context, page, errors } = await freshPage(browser, url);
	try {
		if (replace) await page.locator('#paste').fill('GET / HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await settle(page, 0);
		await page.evaluate(
			([s, n, signed, src]) => (globalThis.__text = new Function(`return (${src})`)()(s, n, signed)),
			[shape, size, SIGNED, makeText.toString()]
		);
		// A person clicks into the box (and selects what it holds) before pasting: tasks of their own, not the paste's.
		await page.evaluate((all) => {
			const box = document.querySelector('#paste');
			box.focus();
			if (all) box.select();
		}, Boolean(replace));
		await settle(page, await page.evaluate(() => performance.now()));
		const from = await page.evaluate(() => performance.now());
		await page.evaluate(dispatchPaste);
		const result = await settle(page, from + 1);
		return { ...result, outcome: await outcome(page), errors };
	} finally {
		await context.close();
	}
}

async function linkRun(browser, url, fragment) {
	const { context, page, errors } = await freshPage(browser, url, `/#${fragment}`);
	try {
		const result = await settle(page, 0);
		return { ...result, outcome: await outcome(page), errors };
	} finally {
		await context.close();
	}
}

async function fileRun(browser, url, file) {
	const { context, page, errors } = await freshPage(browser, url);
	try {
		await settle(page, 0);
		const from = await page.evaluate(() => performance.now());
		await page.locator('#paste').locator('xpath=..').locator('input[type="file"]').setInputFiles(file);
		const result = await settle(page, from);
		return { ...result, outcome: await outcome(page), errors };
	} finally {
		await context.close();
	}
}

/** The row-20 link: 1.7 k characters that unpack to a 90k-line canonical request and 200k blank lines. */
async function heavyLink(mod) {
	const c = {
		...mod.DEFAULT_CASE,
		pasteText: '\n'.repeat(200_000) + 'x',
		provided: { canonicalRequest: 'GET\n/\n\n' + 'a:b\n'.repeat(90_000) }
	};
	return mod.encodeCase(c, { includeSecrets: false });
}

export async function benchHeavy(executablePath, args, { dir = path.join(ROOT, 'build'), onRow = () => {} } = {}) {
	const { mod, cleanup } = await loadCaseModule();
	const tmp = await mkdtemp(path.join(os.tmpdir(), 'sigv4-heavy-'));
	try {
		const diagnose = await diagnoseAtSizes(mod);
		const fragment = await heavyLink(mod);
		const bodyFile = path.join(tmp, 'body-50mb.txt');
		await writeFile(bodyFile, makeText('body', 50 * MB, SIGNED));
		const harFile = path.join(tmp, 'requests-4.9mb.har');
		await writeFile(harFile, makeText('har', 4.9 * MB, SIGNED));
		const rows = [];
		await withChromium(executablePath, args, (browser) =>
			serve(dir, async (url) => {
				const runs = [
					['paste 5 MB HAR', () => pasteRun(browser, url, { shape: 'har', size: 5 * MB })],
					['paste raw request, 5 MB body', () => pasteRun(browser, url, { shape: 'body', size: 5 * MB })],
					['paste 5 MB, 312k headers', () => pasteRun(browser, url, { shape: 'headers', size: 5 * MB })],
					['paste 5 MB of blank lines', () => pasteRun(browser, url, { shape: 'blank', size: 5 * MB })],
					['replace-paste 5 MB, 312k headers', () => pasteRun(browser, url, { shape: 'headers', size: 5 * MB, replace: true })],
					['paste 6 MB (over the limit)', () => pasteRun(browser, url, { shape: 'body', size: 6 * MB })],
					// Opening a link counts the page's own start: the page without a link is the baseline.
					['open the page without a link (baseline)', () => linkRun(browser, url, '')],
					[`link of ${fragment.length.toLocaleString('en-US')} characters (row 20)`, () => linkRun(browser, url, fragment)],
					['open a 50 MB body file', () => fileRun(browser, url, bodyFile)],
					['open a 4.9 MB HAR file', () => fileRun(browser, url, harFile)]
				];
				for (const [input, run] of runs) {
					rows.push({ input, ...(await run()) });
					onRow(rows.at(-1));
				}
			})
		);
		return { diagnose, rows };
	} finally {
		await cleanup();
		await rm(tmp, { recursive: true, force: true });
	}
}

export function heavyReport({ diagnose, rows }) {
	const width = Math.max(...rows.map((r) => r.input.length));
	const lines = rows.map((r) => {
		const verdict = r.longestMs <= TASK_BUDGET_MS && !r.timedOut && r.errors.length === 0 ? 'PASS' : 'MISS';
		const settle = r.timedOut ? `still busy after ${SETTLE_MAX_MS / 1000} s` : `settled in ${(r.settleMs / 1000).toFixed(1)} s`;
		const errors = r.errors.length ? `; page errors: ${r.errors.join(' | ').slice(0, 120)}` : '';
		return `  ${r.input.padEnd(width)}   ${verdict}   longest task ${Math.round(r.longestMs)} ms, ${settle} — ${r.outcome || '(nothing said)'}${errors}`;
	});
	const [a, , c] = diagnose;
	const growth = c.ms / a.ms;
	const diag = diagnose.map((d) => `${d.lines / 1000}k lines ${Math.round(d.ms)} ms`).join(', ');
	return [
		`Heavy inputs in the page (Chromium): longest main-thread task, target ≤ ${TASK_BUDGET_MS} ms`,
		...lines,
		`diagnose of a pasted canonical request (Node): ${diag}; 4× the lines took ${growth.toFixed(1)}× the time (${growth <= 6 ? 'linear' : 'SUPERLINEAR'})`
	].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const at = process.argv.indexOf('--dir');
	const dir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(ROOT, 'build');
	const result = await benchHeavy(CHROMIUM, CHROMIUM_ARGS, {
		dir,
		onRow: (r) => console.error(JSON.stringify(r))
	});
	console.log(heavyReport(result));
}
