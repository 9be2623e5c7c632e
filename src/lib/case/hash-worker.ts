import { READ_AHEAD, sha256OfBlob } from './hash-blob.ts';
import { withReaderWorker } from './read-blocks-in.ts';

/**
 * Module Web Worker: the SHA-256 of a file chosen as the body, off the page's thread. Load it with
 * `new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' })`; the page cancels
 * by terminating it. A File crosses postMessage as a handle; a worker of this one's own reads its blocks.
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
	try {
		const onProgress = (progress: number, total: number) => scope.postMessage({ progress, total });
		const sha256 = await withReaderWorker((read) => sha256OfBlob(event.data.file, { onProgress, read }), READ_AHEAD);
		scope.postMessage({ sha256 });
	} catch (e) {
		scope.postMessage({ error: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' });
	}
};
