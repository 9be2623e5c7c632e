// SigV4a sign and verify in Chromium, as ratios against @smithy/signature-v4a (sign) and
// @noble/curves (verify; smithy has none), in the same page and run (bench/entry-v4a.ts).
import { bundleForBrowser, CHROMIUM, CHROMIUM_ARGS, ISOLATION, withBenchServer, withChromium } from './bench-browser.mjs';

const PAGE = '<!doctype html><meta charset="utf-8"><title>SigV4a bench</title><script type="module" src="/v4a.js"></script>';

export async function benchV4a(chromiumPath, args, plan) {
	const js = await bundleForBrowser('bench/entry-v4a.ts');
	return withBenchServer({ page: PAGE, scripts: { '/v4a.js': js }, headers: ISOLATION }, (url) =>
		withChromium(chromiumPath, args, async (browser) => {
			const page = await browser.newPage();
			page.on('pageerror', (error) => console.error('[page]', error));
			await page.goto(url);
			await page.waitForFunction(() => typeof globalThis.runV4aBench === 'function', null, { timeout: 15_000 });
			return await page.evaluate(([env, p]) => globalThis.runV4aBench(env, p), [`Chromium ${browser.version()}`, plan]);
		})
	);
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
	const r = await benchV4a(CHROMIUM, CHROMIUM_ARGS, plan);
	console.log(v4aReport(r));
}
