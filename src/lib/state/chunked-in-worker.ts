import type { ChunkedWorkerReply, ChunkedWorkerRequest } from '../case/chunked-worker.ts';
import { deserializeError } from '../case/serialized-error.ts';
import { signChunkedUpload, type ChunkedParams, type ChunkedTrace, type HttpRequest } from '../sigv4/index.ts';
import { appUpdate } from './app-update.svelte.ts';

/** The worker signing now, and how to fail its caller when a newer signing stops it. */
let running: { worker: Worker; reject: (e: Error) => void } | undefined;
/** A worker that finished: the next signing reuses it rather than start another. */
let idle: Worker | undefined;

function aborted(): Error {
	return Object.assign(new Error('A newer signing replaced this one.'), { name: 'AbortError' });
}

/** Stops a signing under way (its promise rejects with an AbortError): the case changed, or left aws-chunked mode. */
export function cancelChunkedSigning(): void {
	if (!running) return;
	running.worker.terminate();
	running.reject(aborted());
	running = undefined;
}

/**
 * signChunkedUpload in a module worker, for a file body: a large file's chunk hashes and chained
 * signatures leave the page's thread free. The latest call wins: one still running is stopped.
 * Where there are no workers (Node, tests) it runs here.
 */
export function signChunkedInWorker(request: HttpRequest, params: ChunkedParams): Promise<ChunkedTrace> {
	if (typeof Worker === 'undefined') return signChunkedUpload(request, params);
	cancelChunkedSigning();
	const { onProgress, signal, ...rest } = params;
	signal?.throwIfAborted();
	const worker = idle ?? new Worker(new URL('../case/chunked-worker.ts', import.meta.url), { type: 'module' });
	idle = undefined;
	return new Promise<ChunkedTrace>((resolve, reject) => {
		const mine = { worker, reject };
		running = mine;
		const finish = () => {
			if (running === mine) running = undefined;
		};
		signal?.addEventListener('abort', () => running === mine && cancelChunkedSigning(), { once: true });
		worker.onmessage = (e: MessageEvent<ChunkedWorkerReply>) => {
			const reply = e.data;
			if ('progress' in reply) return onProgress?.(reply.progress, reply.total);
			finish();
			idle ??= worker;
			if (idle !== worker) worker.terminate();
			if ('trace' in reply) resolve(reply.trace);
			else reject(deserializeError(reply.error));
		};
		worker.onerror = (e: Event) => {
			e.preventDefault();
			worker.terminate();
			finish();
			// A plain event (no ErrorEvent) is a worker file that did not load, most likely removed by a deploy: the page offers the reload.
			if (!(e instanceof ErrorEvent)) appUpdate.fail(e, 'the chunked signer');
			reject(new Error(e instanceof ErrorEvent ? e.message : 'the chunked signer did not start'));
		};
		worker.postMessage({ request, params: rest } satisfies ChunkedWorkerRequest);
	});
}
