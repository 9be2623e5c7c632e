import { sha256OfBlob } from './hash-blob.ts';

/**
 * Module Web Worker: the SHA-256 of a file chosen as the body, off the page's thread. Load it with
 * `new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' })`; the page cancels
 * by terminating it. A File crosses postMessage as a handle: its bytes are read here, in blocks.
 */

export interface HashWorkerRequest {
	file: Blob;
}

export type HashWorkerReply = { progress: number; total: number } | { sha256: string } | { error: string; name: string };

/** The part of DedicatedWorkerGlobalScope used here; the DOM lib the project compiles with lacks it. */
interface WorkerScope {
	onmessage: ((event: MessageEvent<HashWorkerRequest>) => void) | null;
	postMessage(message: HashWorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;
// One progress message per block read: a few hundred for the largest file, none of them work for the page.
scope.onmessage = async (event) => {
	const { file } = event.data;
	try {
		const sha256 = await sha256OfBlob(file, { onProgress: (progress, total) => scope.postMessage({ progress, total }) });
		scope.postMessage({ sha256 });
	} catch (e) {
		scope.postMessage({ error: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' });
	}
};
