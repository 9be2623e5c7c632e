// In the page: sign an aws-chunked upload from a chosen file (a Blob read piece by piece), as the page would from a dropped file.
import { signChunkedUpload } from '../src/lib/sigv4/index.ts';

interface ChunkedRun {
	bytes: number;
	chunkSize: number;
	seconds: number;
	chunks: number;
	peakHeapMB: number;
	lastSignature: string;
}

const MiB = 2 ** 20;

function heapMB(): number {
	const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
	return memory ? memory.usedJSHeapSize / MiB : 0;
}

/** The file chosen in the page's file input, as a user's dropped file (a generated 1 GiB Blob is not readable in headless Chromium). */
function blobOf(bytes: number): Blob {
	const file = document.querySelector('input')?.files?.[0];
	if (!file || file.size !== bytes) throw new Error(`The page has no ${bytes}-byte file chosen.`);
	return file;
}

async function runChunkedBench(bytes: number, chunkSize: number): Promise<ChunkedRun> {
	const blob = blobOf(bytes);
	let peak = heapMB();
	const started = performance.now();
	const trace = await signChunkedUpload(
		{ method: 'PUT', url: 'https://bucket.s3.us-east-1.amazonaws.com/big.bin', headers: [] },
		{
			credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
			region: 'us-east-1',
			service: 's3',
			datetime: '20260101T000000Z',
			chunkSize,
			variant: 'signed',
			source: blob,
			onProgress: () => (peak = Math.max(peak, heapMB()))
		}
	);
	const seconds = (performance.now() - started) / 1000;
	return { bytes, chunkSize, seconds, chunks: trace.chunks.length, peakHeapMB: peak, lastSignature: trace.chunks.at(-1)!.signature! };
}

/** The anchors on this machine: reading the Blob alone, and reading it while WebCrypto hashes each 8 MiB block. */
async function runAnchors(bytes: number): Promise<{ readSeconds: number; readHashSeconds: number }> {
	const blob = blobOf(bytes);
	let started = performance.now();
	for (let at = 0; at < bytes; at += 8 * MiB) await blob.slice(at, at + 8 * MiB).arrayBuffer();
	const readSeconds = (performance.now() - started) / 1000;
	started = performance.now();
	for (let at = 0; at < bytes; at += 8 * MiB) await crypto.subtle.digest('SHA-256', await blob.slice(at, at + 8 * MiB).arrayBuffer());
	return { readSeconds, readHashSeconds: (performance.now() - started) / 1000 };
}

Object.assign(globalThis, { runChunkedBench, runAnchors });
