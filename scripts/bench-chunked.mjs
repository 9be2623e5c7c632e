// Signing a 1 GiB aws-chunked upload from a file (a Blob) in Chromium (signChunkedUpload: each chunk's SHA-256,
// its signature chained to the one before): GB/s, the page's peak JS heap and the browser's peak
// resident memory (all its processes). Run alone: node scripts/bench-chunked.mjs [--quick].
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE =
	'<!doctype html><meta charset="utf-8"><title>chunked bench</title><input type="file"><script type="module" src="/chunked.js"></script>';
const GiB = 2 ** 30;
/** The SDKs' default chunk (64 KiB) and a larger one: the chunk count is what costs, beside the bytes. */
const CHUNK_SIZES = [64 * 1024, 1024 * 1024];

/** Resident memory of a process's descendants, in MiB (Linux /proc). */
function treeRssMB(rootPid) {
	return descendantsRssMB(rootPid) - process.memoryUsage().rss / 2 ** 20;
}

function descendantsRssMB(rootPid) {
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
		for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === rootPid) return true;
		return false;
	};
	let total = 0;
	for (const [pid, mb] of rss) if (inTree(pid)) total += mb;
	return total;
}

/** A file of pseudo-random bytes (one 8 MiB block repeated), written in pieces. */
function writeFile(file, bytes) {
	const block = Buffer.alloc(8 * 2 ** 20);
	for (let i = 0; i < block.length; i++) block[i] = Math.imul(i, 2654435761) >>> 24;
	const fd = openSync(file, 'w');
	try {
		for (let left = bytes; left > 0; left -= block.length) writeSync(fd, block, 0, Math.min(left, block.length));
	} finally {
		closeSync(fd);
	}
}

export async function benchChunked(chromiumPath, args, { quick = false } = {}) {
	const built = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: ['bench/chunked-browser.ts'],
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
		if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
		else if (req.url === '/chunked.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
		else res.writeHead(404).end();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const browser = await chromium.launch({ executablePath: chromiumPath, args: [...args, '--enable-precise-memory-info'] });
	// The browser's processes are this one's descendants; this process's own memory is taken out.
	const pid = process.pid;
	const runs = [];
	const file = path.join(os.tmpdir(), `chunked-bench-${process.pid}.bin`);
	try {
		const page = await browser.newPage();
		page.on('pageerror', (error) => console.error('[page]', error));
		await page.goto(`http://127.0.0.1:${server.address().port}/`);
		await page.waitForFunction(() => typeof globalThis.runChunkedBench === 'function', null, { timeout: 15_000 });
		const bytes = quick ? GiB / 8 : GiB;
		writeFile(file, bytes);
		await page.setInputFiles('input', file);
		for (const chunkSize of CHUNK_SIZES) {
			const before = pid ? treeRssMB(pid) : 0;
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, pid ? treeRssMB(pid) : 0)), 250);
			const run = await page.evaluate(([b, c]) => globalThis.runChunkedBench(b, c), [bytes, chunkSize]);
			clearInterval(sampler);
			runs.push({ ...run, gbPerSecond: bytes / 1e9 / run.seconds, rssBeforeMB: before, rssPeakMB: peak });
		}
		const anchors = await page.evaluate((b) => globalThis.runAnchors(b), bytes);
		runs.anchors = { bytes, readGBps: bytes / 1e9 / anchors.readSeconds, readHashGBps: bytes / 1e9 / anchors.readHashSeconds };
	} finally {
		rmSync(file, { force: true });
		await browser.close();
		server.closeAllConnections();
		server.close();
	}
	return runs;
}

export function chunkedReport(runs) {
	const lines = runs.map(
		(r) =>
			`  ${(r.bytes / GiB).toFixed(3)} GiB in ${r.chunkSize / 1024} KiB chunks (${r.chunks} signatures): ${r.seconds.toFixed(2)} s, ${r.gbPerSecond.toFixed(2)} GB/s; ` +
			`peak JS heap ${r.peakHeapMB.toFixed(0)} MiB, browser resident ${r.rssBeforeMB.toFixed(0)} → peak ${r.rssPeakMB.toFixed(0)} MiB`
	);
	const a = runs.anchors;
	if (a)
		lines.push(
			`  anchors, same Blob: read alone ${a.readGBps.toFixed(2)} GB/s; read + one WebCrypto SHA-256 per 8 MiB, in sequence ${a.readHashGBps.toFixed(2)} GB/s`
		);
	return ['aws-chunked signing from a Blob (Chromium, signChunkedUpload, variant signed):', ...lines].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const runs = await benchChunked(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu'], {
		quick: process.argv.includes('--quick')
	});
	console.log(chunkedReport(runs));
}
