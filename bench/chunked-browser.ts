// In the page: a big file body as the app handles it, each path in its own module worker (the same
// files the app loads): its SHA-256 (src/lib/case/hash-worker.ts) and its aws-chunked signing
// (src/lib/case/chunked-worker.ts); and the anchors those speeds are judged against.
import { createSHA256 } from 'hash-wasm';
import type { ChunkedWorkerReply, ChunkedWorkerRequest } from '../src/lib/case/chunked-worker.ts';
import type { HashWorkerReply } from '../src/lib/case/hash-worker.ts';

const MiB = 2 ** 20;

/** The file chosen in the page's file input, as a user's dropped file (a generated 1 GiB Blob is not readable in headless Chromium). */
function fileOf(bytes: number): File {
	const file = document.querySelector('input')?.files?.[0];
	if (!file || file.size !== bytes) throw new Error(`The page has no ${bytes}-byte file chosen.`);
	return file;
}

/** Posts one message to a new worker and waits for its last reply (progress replies are counted). */
function inWorker<Reply extends object>(
	url: string,
	message: unknown,
	last: (r: Reply) => boolean
): Promise<{ seconds: number; reply: Reply; progress: number }> {
	const worker = new Worker(url, { type: 'module' });
	let progress = 0;
	return new Promise((resolve, reject) => {
		let started = 0;
		worker.onerror = (e) => reject(new Error(e.message));
		worker.onmessage = (e: MessageEvent<Reply>) => {
			if (!last(e.data)) return void progress++;
			const seconds = (performance.now() - started) / 1000;
			worker.terminate();
			resolve({ seconds, reply: e.data, progress });
		};
		started = performance.now();
		worker.postMessage(message);
	});
}

async function runFileHash(bytes: number): Promise<{ seconds: number; sha256: string; progress: number }> {
	const { seconds, reply, progress } = await inWorker<HashWorkerReply>(
		'/hash-worker.js',
		{ file: fileOf(bytes) },
		(r) => !('progress' in r)
	);
	if (!('sha256' in reply)) throw new Error(reply.error);
	return { seconds, sha256: reply.sha256, progress };
}

async function runChunked(bytes: number, chunkSize: number): Promise<{ seconds: number; chunks: number; lastSignature: string }> {
	const message: ChunkedWorkerRequest = {
		request: { method: 'PUT', url: 'https://bucket.s3.us-east-1.amazonaws.com/big.bin', headers: [] },
		params: {
			credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
			region: 'us-east-1',
			service: 's3',
			datetime: '20260101T000000Z',
			chunkSize,
			variant: 'signed',
			source: fileOf(bytes)
		}
	};
	const { seconds, reply } = await inWorker<ChunkedWorkerReply>('/chunked-worker.js', message, (r) => !('progress' in r));
	if (!('trace' in reply)) throw new Error('error' in reply ? reply.error.message : 'no trace');
	return { seconds, chunks: reply.trace.chunks.length, lastSignature: reply.trace.chunks.at(-1)!.signature! };
}

/** Reads the first `bytes` of the file in 8 MiB slices, `ahead` more under way while one is taken: GB/s. */
async function readGBps(file: File, bytes: number, ahead: number): Promise<number> {
	const started = performance.now();
	const reads: Promise<ArrayBuffer>[] = [];
	for (let at = 0, asked = 0; at < bytes; at += 8 * MiB) {
		for (; asked < Math.min(bytes, at + (ahead + 1) * 8 * MiB); asked += 8 * MiB)
			reads.push(file.slice(asked, asked + 8 * MiB).arrayBuffer());
		await reads.shift();
	}
	return bytes / 1e9 / ((performance.now() - started) / 1000);
}

/**
 * The ceilings now (the machine is shared, so each round measures its own): reading 256 MiB of the
 * file one slice at a time and four ahead, and the SHA-256 of 256 MiB in memory by WebCrypto (whole) and hash-wasm.
 */
async function runAnchors(
	bytes: number
): Promise<{ readOneGBps: number; readAheadGBps: number; webCryptoGBps: number; hashWasmGBps: number }> {
	const file = fileOf(bytes);
	const sample = Math.min(bytes, 256 * MiB);
	const readOneGBps = await readGBps(file, sample, 0);
	const readAheadGBps = await readGBps(file, sample, 4);
	const memory = new Uint8Array(256 * MiB);
	const pattern = new Uint8Array(MiB).map((_, i) => (i * 2654435761) >>> 24);
	for (let at = 0; at < memory.length; at += MiB) memory.set(pattern, at);
	let started = performance.now();
	await crypto.subtle.digest('SHA-256', memory);
	const webCryptoGBps = memory.length / 1e9 / ((performance.now() - started) / 1000);
	const wasm = await createSHA256();
	wasm.update(memory.subarray(0, 16 * MiB)); // its compiler's faster tier, as a long hash would reach it
	wasm.init();
	started = performance.now();
	for (let at = 0; at < memory.length; at += 8 * MiB) wasm.update(memory.subarray(at, at + 8 * MiB));
	wasm.digest();
	return { readOneGBps, readAheadGBps, webCryptoGBps, hashWasmGBps: memory.length / 1e9 / ((performance.now() - started) / 1000) };
}

Object.assign(globalThis, { runFileHash, runChunked, runAnchors });
