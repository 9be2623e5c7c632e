// npm run bench [-- --quick]: our SigV4 core against aws4fetch, @smithy/signature-v4 and aws4, on the same
// requests, in Node and in headless Chromium. Exits non-zero only when a signer disagrees with ours. Then SigV4a sign and verify against @smithy/signature-v4a (bench-v4a.mjs), the heavy inputs of the reliability report in the page (bench-heavy.mjs), a throttled first visit (bench-first-visit.mjs) and signing a 1 GiB aws-chunked upload from a file (bench-chunked.mjs).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleForBrowser, CHROMIUM, CHROMIUM_ARGS, ISOLATION, withBenchServer, withChromium } from './bench-browser.mjs';
import { benchPageRecompute } from './bench-page.mjs';
import { benchForensics, forensicsLine } from './bench-forensics.mjs';
import { benchHeavy, heavyReport } from './bench-heavy.mjs';
import { benchFirstVisit, firstVisitReport } from './bench-first-visit.mjs';
import { benchChunked, chunkedReport } from './bench-chunked.mjs';
import { benchV4a, v4aReport } from './bench-v4a.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'bench-results');
const QUICK = process.argv.includes('--quick');
const PLAN = QUICK ? { warmupMs: 100, measureMs: 300, batchMs: 10 } : { warmupMs: 300, measureMs: 2500, batchMs: 20 };
// The heavy inputs (5 MB pastes, a 50 MB file, a hostile link) take most of it on a busy machine.
const DEADLINE_MS = 600_000;
// One-minute load average above which other processes likely competed for the CPUs.
const LOAD_WARNING = 0.5;
const AWS4_IN_BROWSER = {
	name: 'aws4',
	reason: 'needs Node\'s crypto, url and querystring modules and has no browser build (esbuild: Could not resolve "crypto")'
};
const PAGE = '<!doctype html><meta charset="utf-8"><title>SigV4 bench</title><script type="module" src="/bench.js"></script>';

async function buildBundles() {
	const nodeFile = path.join(OUT_DIR, 'build', 'bench-node.mjs');
	// Node loads the other signers from node_modules as their users would; the page gets everything in one file.
	await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: ['bench/entry-node.ts'],
		bundle: true,
		format: 'esm',
		target: 'es2022',
		platform: 'node',
		packages: 'external',
		outfile: nodeFile,
		logLevel: 'warning'
	});
	const browserJs = await bundleForBrowser('bench/entry-browser.ts');
	await esbuild.stop();
	return { nodeFile, browserJs };
}

async function runInNode(nodeFile) {
	const { runNodeBench } = await import(pathToFileURL(nodeFile).href);
	const load = os.loadavg()[0];
	return { ...(await runNodeBench({ env: `Node ${process.version}`, plan: PLAN })), load };
}

function runInChromium(url) {
	return withChromium(CHROMIUM, CHROMIUM_ARGS, async (browser) => {
		const page = await browser.newPage();
		page.on('pageerror', (error) => console.error('[page]', error));
		await page.goto(url);
		await page.waitForFunction(() => typeof globalThis.runBrowserBench === 'function', null, { timeout: 15_000 });
		const options = { env: `Chromium ${browser.version()}`, plan: PLAN, unavailable: [AWS4_IN_BROWSER] };
		const load = os.loadavg()[0];
		const result = await page.evaluate((o) => globalThis.runBrowserBench(o), options);
		return { ...result, load, crossOriginIsolated: await page.evaluate(() => globalThis.crossOriginIsolated) };
	});
}

// ---- report

function microseconds(us) {
	return us < 1000 ? us.toFixed(1) : us.toFixed(0);
}

function cell(signer, ours) {
	if (!signer.timing) return signer.agrees ? 'not timed' : 'DISAGREES';
	const { medianUs, p25Us, p75Us } = signer.timing;
	const spread = `±${Math.round(((p75Us - p25Us) / 2 / medianUs) * 100)}%`;
	const time = `${microseconds(medianUs)} ${spread}`;
	return signer === ours || !ours?.timing ? time : `${time} (${(ours.timing.medianUs / medianUs).toFixed(2)})`;
}

function table(env) {
	const names = [...env.signers.map((s) => s.name), ...env.unavailable.map((u) => u.name)];
	const rows = env.cases.map((c) => {
		const ours = c.signers[0];
		return [
			c.title,
			...names.map((name) => {
				const signer = c.signers.find((s) => s.name === name);
				return signer ? cell(signer, ours) : 'n/a';
			})
		];
	});
	return aligned([['request', ...names], ...rows]);
}

function aligned(rows) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const pad = (text, i) => text.padEnd(widths[i]);
	const line = (row) => row.map(pad).join('   ').trimEnd();
	return rows.map(line).join('\n');
}

function notes(env) {
	const lines = env.signers.map((s) => `  ${s.name}: ${s.note}`);
	for (const u of env.unavailable) lines.push(`  ${u.name}: not run here, it ${u.reason}`);
	for (const c of env.cases) {
		for (const s of c.signers.filter((x) => !x.agrees)) {
			lines.push(`  EXCLUDED ${s.name} from "${c.title}": ${s.excluded} (ours: ${c.signature})`);
		}
	}
	return lines.join('\n');
}

function report(env) {
	const clock = env.crossOriginIsolated === undefined ? '' : env.crossOriginIsolated ? ', cross-origin isolated clock' : ', coarse clock';
	return [
		`${env.env} (${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs, load ${env.load.toFixed(2)} before${clock})`,
		'median µs per signature ± half the interquartile range of the batches; (n) = ours ÷ theirs, below 1 means ours is faster',
		'',
		table(env),
		'',
		notes(env)
	].join('\n');
}

function targetCheck(chromiumEnv) {
	return chromiumEnv.cases.map((c) => {
		const [ours] = c.signers;
		const theirs = c.signers.find((s) => s.name === 'aws4fetch');
		if (!ours.timing || !theirs?.timing) return { id: c.id, title: c.title, verdict: 'N/A', ratio: null };
		const ratio = ours.timing.medianUs / theirs.timing.medianUs;
		return { id: c.id, title: c.title, verdict: ratio <= 1 ? 'PASS' : 'MISS', ratio };
	});
}

function targetReport(target) {
	const width = Math.max(...target.map((t) => t.title.length));
	const lines = target.map(
		(t) => `  ${t.title.padEnd(width)}   ${t.verdict}${t.ratio === null ? '' : `   ours ÷ aws4fetch = ${t.ratio.toFixed(2)}`}`
	);
	return ['Target (Chromium): our full trace no slower than aws4fetch with its key cache', ...lines].join('\n');
}

function disagreements(envs) {
	return envs.flatMap((env) => env.cases.flatMap((c) => c.signers.filter((s) => !s.agrees).map((s) => `${env.env}: ${s.name} on ${c.id}`)));
}

// ---- main

const deadline = setTimeout(() => {
	console.error(`bench: stopped after ${DEADLINE_MS / 1000} s`);
	process.exit(2);
}, DEADLINE_MS);
deadline.unref();

const started = performance.now();
await mkdir(path.join(OUT_DIR, 'build'), { recursive: true });
const { nodeFile, browserJs } = await buildBundles();
console.log(`SigV4 signers, same requests, same run${QUICK ? ' (quick)' : ''}\n`);

const nodeEnv = await runInNode(nodeFile);
console.log(report(nodeEnv) + '\n');
const chromiumEnv = await withBenchServer({ page: PAGE, scripts: { '/bench.js': browserJs }, headers: ISOLATION }, runInChromium);
console.log(report(chromiumEnv) + '\n');

const target = targetCheck(chromiumEnv);
console.log(targetReport(target) + '\n');

const page = await benchPageRecompute(CHROMIUM, CHROMIUM_ARGS);
const bare = chromiumEnv.cases[0];
const bareUs = bare?.signers[0]?.timing?.medianUs;
console.log(
	`The page (Chromium), a full recompute after an edit of the request: median ${microseconds(page.medianUs)} µs, p90 ${microseconds(page.p90Us)} µs over ${page.edits} edits;\n` +
		`  bare signRequest, ${bare?.title ?? 'S3 GET'}: ${bareUs === undefined ? 'not timed' : `${microseconds(bareUs)} µs`}.\n`
);

const forensics = await benchForensics(CHROMIUM, CHROMIUM_ARGS);
console.log(forensicsLine(forensics) + '\n');

const v4a = await benchV4a(CHROMIUM, CHROMIUM_ARGS, PLAN);
console.log(v4aReport(v4a) + '\n');

const heavy = await benchHeavy(CHROMIUM, CHROMIUM_ARGS);
console.log(heavyReport(heavy) + '\n');

const firstVisit = await benchFirstVisit(CHROMIUM, CHROMIUM_ARGS);
console.log(firstVisitReport(firstVisit) + '\n');

const chunked = await benchChunked(CHROMIUM, CHROMIUM_ARGS, { quick: QUICK });
console.log(chunkedReport(chunked) + '\n');

const busiest = Math.max(nodeEnv.load, chromiumEnv.load);
if (busiest > LOAD_WARNING) {
	console.log(
		`Note: the machine was busy (load ${busiest.toFixed(2)} on ${os.cpus().length} CPUs): times are inflated and noisier; the ratios less so.\n`
	);
}

const wrong = disagreements([nodeEnv, chromiumEnv]);
console.log(
	wrong.length === 0 ? 'Signatures: every signer agrees with ours on every request.' : `Signatures: DISAGREEMENT (${wrong.join('; ')})`
);

const results = {
	generatedAt: new Date().toISOString(),
	quick: QUICK,
	plan: PLAN,
	machine: { platform: os.platform(), arch: os.arch(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '' },
	environments: [nodeEnv, chromiumEnv],
	target,
	page,
	forensics,
	v4a,
	heavy,
	firstVisit,
	chunked,
	disagreements: wrong,
	seconds: Math.round((performance.now() - started) / 100) / 10
};
await writeFile(path.join(OUT_DIR, 'bench.json'), JSON.stringify(results, null, '\t') + '\n');
console.log(`Written bench-results/bench.json in ${results.seconds} s.`);
process.exitCode = wrong.length === 0 ? 0 : 1;
