// SigV4a sign and verify in Chromium, as ratios against @smithy/signature-v4a (sign) and
// @noble/curves (verify; smithy has none), in the same page and run (bench/entry-v4a.ts).
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = '<!doctype html><meta charset="utf-8"><title>SigV4a bench</title><script type="module" src="/v4a.js"></script>';
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export async function benchV4a(chromiumPath, args, plan) {
	const built = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: ['bench/entry-v4a.ts'],
		bundle: true,
		format: 'esm',
		target: 'es2022',
		platform: 'browser',
		write: false,
		outdir: 'out',
		logLevel: 'warning'
	});
	const js = built.outputFiles[0].text;
	const server = http.createServer((req, res) => {
		if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html', ...ISOLATION }).end(PAGE);
		else if (req.url === '/v4a.js') res.writeHead(200, { 'Content-Type': 'text/javascript', ...ISOLATION }).end(js);
		else res.writeHead(404).end();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const browser = await chromium.launch({ executablePath: chromiumPath, args });
	try {
		const page = await browser.newPage();
		page.on('pageerror', (error) => console.error('[page]', error));
		await page.goto(`http://127.0.0.1:${server.address().port}/`);
		await page.waitForFunction(() => typeof globalThis.runV4aBench === 'function', null, { timeout: 15_000 });
		return await page.evaluate(([env, p]) => globalThis.runV4aBench(env, p), [`Chromium ${browser.version()}`, plan]);
	} finally {
		await browser.close();
		server.closeAllConnections();
		server.close();
	}
}

const us = (t) => `${t.medianUs < 1000 ? t.medianUs.toFixed(1) : t.medianUs.toFixed(0)} µs`;

/** The report's lines: medians and ours ÷ theirs (below 1: ours is faster). */
export function v4aReport(r) {
	return [
		`SigV4a (${r.env}), one S3 Multi-Region Access Point GET, median per call; (n) = ours ÷ theirs:`,
		`  sign:   ours ${us(r.sign.ours)} (${(r.sign.ours.medianUs / r.sign.smithy.medianUs).toFixed(2)}), its key pair kept; ` +
			`ours deriving the key each call ${us(r.sign.oursCold)} (${(r.sign.oursCold.medianUs / r.sign.smithy.medianUs).toFixed(2)}); ` +
			`@smithy/signature-v4a ${us(r.sign.smithy)} (it derives the key each call)`,
		`  verify: ours ${us(r.verify.ours)} (WebCrypto), @noble/curves ${us(r.verify.noble)} (${(r.verify.ours.medianUs / r.verify.noble.medianUs).toFixed(2)})`,
		'  smithy has no verifier: noble is the P-256 code its signer vendors. Every signature was verified before timing.'
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const quick = process.argv.includes('--quick');
	const plan = quick ? { warmupMs: 100, measureMs: 300, batchMs: 10 } : { warmupMs: 300, measureMs: 2500, batchMs: 20 };
	const r = await benchV4a(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu'], plan);
	console.log(v4aReport(r));
}
