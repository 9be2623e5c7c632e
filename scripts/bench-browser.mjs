// The set-up the Chromium benches share: which Chromium and flags, a page bundle, and a local
// server for a bench page and its scripts.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

export { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Cross-origin isolation gives the page a 5 µs clock instead of 100 µs. */
export const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** One source file of the repository and what it imports, bundled as one ES module for the page. */
export async function bundleForBrowser(entry) {
	const built = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: [entry],
		bundle: true,
		format: 'esm',
		target: 'es2022',
		platform: 'browser',
		write: false,
		outdir: 'out',
		logLevel: 'warning'
	});
	return built.outputFiles[0].text;
}

/**
 * Serves `page` at / and each script of `scripts` (its path → its text) on 127.0.0.1, each with
 * `headers` too, while `use` runs with the page's address.
 */
export async function withBenchServer({ page, scripts, headers = {} }, use) {
	const server = http.createServer((req, res) => {
		if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html', ...headers }).end(page);
		else if (Object.hasOwn(scripts, req.url)) res.writeHead(200, { 'Content-Type': 'text/javascript', ...headers }).end(scripts[req.url]);
		else res.writeHead(404).end();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await use(`http://127.0.0.1:${server.address().port}/`);
	} finally {
		server.closeAllConnections();
		server.close();
	}
}

/** A Chromium for as long as `use` runs with it; closed after, whatever happens. */
export async function withChromium(executablePath, args, use) {
	const browser = await chromium.launch({ executablePath, args });
	try {
		return await use(browser);
	} finally {
		await browser.close();
	}
}
