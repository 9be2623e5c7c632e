// A 1 GiB file as the body, in Chromium, each path in the module worker the app runs it in: its
// SHA-256 (hash-worker.ts, streamed in 8 MiB reads) and signing it as an aws-chunked upload
// (chunked-worker.ts: each chunk's WebCrypto SHA-256, the signatures chained). GB/s (best and median
// of a few runs: the machine is shared), the browser's resident memory (all its processes, from
// /proc) against the budgets, and the anchors measured alongside. Run alone: node scripts/bench-chunked.mjs [--quick].
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, CHROMIUM, CHROMIUM_ARGS } from './bench-browser.mjs';
import { chromium } from 'playwright-core';

const PAGE =
	'<!doctype html><meta charset="utf-8"><title>big body bench</title><input type="file"><script type="module" src="/chunked.js"></script>';
const GiB = 2 ** 30;
/** The SDKs' default chunk (64 KiB) and a larger one: the chunk count is what costs, beside the bytes. */
const CHUNK_SIZES = [64 * 1024, 1024 * 1024];
/** The budgets (issue 14): GB/s for the file's SHA-256 and for chunked signing; memory must not grow with the file (a read-it-all signer would add more than the 1 GiB). */
export const BUDGETS = { fileHashGBps: 0.3, chunkedGBps: 0.4, residentGrowthMB: 512 };

/** Resident memory of this process's descendants (the browser), in MiB (Linux /proc). */
function browserRssMB() {
	const parent = new Map();
	const rss = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(entry), Number(fields[1]));
			rss.set(Number(entry), (Number(fields[21]) * 4096) / 2 ** 20);
		} catch {
			// The process ended while we looked.
		}
	}
	const inTree = (pid) => {
		for (let p = parent.get(pid); p > 1; p = parent.get(p) ?? 0) if (p === process.pid) return true;
		return false;
	};
	let total = 0;
	for (const [pid, mb] of rss) if (inTree(pid)) total += mb;
	return total;
}

/** A file of pseudo-random bytes (one 8 MiB block repeated), written in pieces; its SHA-256 by node:crypto. */
function writeFile(file, bytes) {
	const block = Buffer.alloc(8 * 2 ** 20);
	for (let i = 0; i < block.length; i++) block[i] = Math.imul(i, 2654435761) >>> 24;
	const hash = createHash('sha256');
	const fd = openSync(file, 'w');
	try {
		for (let left = bytes; left > 0; left -= block.length) {
			const piece = block.subarray(0, Math.min(left, block.length));
			writeSync(fd, piece);
			hash.update(piece);
		}
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

/** Runs `run` while sampling the browser's resident memory: its result, the memory before and at its peak. */
async function sampled(run) {
	const before = browserRssMB();
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, browserRssMB())), 200);
	try {
		return { ...(await run()), rssBeforeMB: before, rssPeakMB: Math.max(peak, browserRssMB()) };
	} finally {
		clearInterval(sampler);
	}
}

export async function benchChunked(chromiumPath, args, { quick = false } = {}) {
	const files = {
		'/chunked.js': await bundleForBrowser('bench/chunked-browser.ts'),
		'/hash-worker.js': await bundleForBrowser('src/lib/case/hash-worker.ts'),
		// The hash and chunked workers start it by its source name (`new URL('./blob-read-worker.ts', import.meta.url)`).
		'/blob-read-worker.ts': await bundleForBrowser('src/lib/case/blob-read-worker.ts'),
		'/chunked-worker.js': await bundleForBrowser('src/lib/case/chunked-worker.ts')
	};
	let readerStarts = 0;
	const server = http.createServer((req, res) => {
		if (req.url === '/blob-read-worker.ts') readerStarts++;
		if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
		else if (files[req.url]) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(files[req.url]);
		else res.writeHead(404).end();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const browser = await chromium.launch({ executablePath: chromiumPath, args });
	const file = path.join(os.tmpdir(), `chunked-bench-${process.pid}.bin`);
	const bytes = quick ? GiB / 8 : GiB;
	const repeats = quick ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);
	const result = { bytes, repeats, fileHash: [], chunked: [], anchors: [], loads: [] };
	try {
		const page = await browser.newPage();
		page.on('pageerror', (error) => console.error('[page]', error));
		await page.goto(`http://127.0.0.1:${server.address().port}/`);
		await page.waitForFunction(() => typeof globalThis.runFileHash === 'function', null, {
			timeout: 15_000
		});
		result.expectedSha256 = writeFile(file, bytes);
		await page.setInputFiles('input', file);
		for (let i = 0; i < repeats; i++) {
			result.loads.push(os.loadavg()[0]);
			const hashed = await sampled(() => page.evaluate((b) => globalThis.runFileHash(b), bytes));
			result.fileHash.push({ ...hashed, gbPerSecond: bytes / 1e9 / hashed.seconds, agrees: hashed.sha256 === result.expectedSha256 });
			for (const chunkSize of CHUNK_SIZES) {
				const run = await sampled(() => page.evaluate(([b, c]) => globalThis.runChunked(b, c), [bytes, chunkSize]));
				result.chunked.push({ ...run, chunkSize, gbPerSecond: bytes / 1e9 / run.seconds });
			}
			result.anchors.push(await page.evaluate((b) => globalThis.runAnchors(b), bytes));
		}
	} finally {
		rmSync(file, { force: true });
		await browser.close();
		server.closeAllConnections();
		server.close();
	}
	result.readerStarts = readerStarts;
	return result;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One budget line: OK when the best run meets it (the machine is shared; the median is shown beside it). */
function speedLine(label, runs, budget) {
	const speeds = runs.map((r) => r.gbPerSecond);
	const best = Math.max(...speeds);
	const growth = Math.max(...runs.map((r) => r.rssPeakMB - r.rssBeforeMB));
	const memory = `browser resident ${runs[0].rssBeforeMB.toFixed(0)} MiB, at most +${growth.toFixed(0)} MiB while running`;
	return (
		`  ${best >= budget ? 'OK  ' : 'MISS'} ${label}: best ${best.toFixed(2)} GB/s, median ${median(speeds).toFixed(2)} GB/s ` +
		`of ${runs.length} (budget ≥ ${budget}); ${memory} (${growth <= BUDGETS.residentGrowthMB ? 'bounded' : 'MISS: over'} ${BUDGETS.residentGrowthMB} MiB)`
	);
}

export function chunkedReport(r) {
	const size = `${(r.bytes / GiB).toFixed(3)} GiB`;
	const lines = [
		`A ${size} file as the body (Chromium, each path in the app's own worker; load ${r.loads.map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs before each round):`,
		speedLine(`SHA-256 of the file, streamed (hash-worker.ts)`, r.fileHash, BUDGETS.fileHashGBps) +
			(r.fileHash.every((x) => x.agrees) ? '; hash agrees with node:crypto' : '; HASH DIFFERS from node:crypto') +
			(r.readerStarts >= r.repeats * (1 + CHUNK_SIZES.length)
				? '; read in its own worker'
				: '; SOME RUNS READ ON THE HASHING THREAD (blob-read-worker.ts did not start)'),
		...CHUNK_SIZES.map((c) =>
			speedLine(
				`aws-chunked signing in ${c / 1024} KiB chunks (${r.chunked.find((x) => x.chunkSize === c).chunks} signatures, chunked-worker.ts)`,
				r.chunked.filter((x) => x.chunkSize === c),
				BUDGETS.chunkedGBps
			)
		)
	];
	const anchor = (key) => median(r.anchors.map((a) => a[key])).toFixed(2);
	lines.push(
		`  anchors, median of the rounds: reading 256 MiB of the file in 8 MiB slices one at a time ${anchor('readOneGBps')} GB/s, four ahead ${anchor('readAheadGBps')} GB/s; ` +
			`SHA-256 of 256 MiB in memory: WebCrypto ${anchor('webCryptoGBps')} GB/s, hash-wasm ${anchor('hashWasmGBps')} GB/s`
	);
	return lines.join('\n');
}

export function chunkedMisses(r) {
	return chunkedReport(r)
		.split('\n')
		.filter((line) => /MISS|DIFFERS|HASHING THREAD/.test(line));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const result = await benchChunked(CHROMIUM, CHROMIUM_ARGS, {
		quick: process.argv.includes('--quick')
	});
	console.log(chunkedReport(result));
}
