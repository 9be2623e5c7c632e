// The debugger page's own cost: how long a keystroke's full recompute (parse the request, sign,
// apply overrides, format the outputs) takes in Chromium, measured by the page itself with
// performance.measure('sigv4-recompute'), over 200 edits of the request.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EDITS = 200;

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

async function preview() {
	// vite preview needs both the static site and SvelteKit's build output.
	if (!existsSync(path.join(ROOT, 'build', 'index.html')) || !existsSync(path.join(ROOT, '.svelte-kit', 'output', 'server'))) {
		const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
			cwd: ROOT,
			stdio: 'inherit'
		});
		if (built.status !== 0) throw new Error('vite build failed');
	}
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{
			cwd: ROOT,
			stdio: 'ignore'
		}
	);
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('vite preview did not start');
}

/** Median recompute time in microseconds after each of 200 edits, in the built page. */
export async function benchPageRecompute(executablePath, args) {
	const server = await preview();
	const browser = await chromium.launch({ executablePath, args });
	try {
		const page = await browser.newPage();
		await page.goto(server.url);
		await page.locator('#request').waitFor();
		await page.waitForFunction(() => performance.getEntriesByName('sigv4-recompute').length > 0);
		const base = await page.locator('#request').inputValue();
		await page.evaluate(() => performance.clearMeasures('sigv4-recompute'));
		for (let i = 0; i < EDITS; i++) {
			await page.locator('#request').fill(`${base.trimEnd()}\nX-Amz-Meta-Edit: ${i}\n`);
			await page.waitForFunction((n) => performance.getEntriesByName('sigv4-recompute').length >= n, i + 1);
		}
		const durations = await page.evaluate(() => performance.getEntriesByName('sigv4-recompute').map((e) => e.duration));
		const sorted = durations.slice().sort((a, b) => a - b);
		return {
			edits: durations.length,
			medianUs: sorted[Math.floor(sorted.length / 2)] * 1000,
			p90Us: sorted[Math.floor(sorted.length * 0.9)] * 1000
		};
	} finally {
		await browser.close();
		server.stop();
	}
}
