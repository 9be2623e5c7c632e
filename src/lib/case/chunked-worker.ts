import { signChunkedUpload, type ChunkedParams, type ChunkedTrace, type HttpRequest } from '../sigv4/index.ts';
import { withReaderWorker } from './read-blocks-in.ts';
import { serializeError, type SerializedError } from './serialized-error.ts';

/**
 * Module Web Worker: signs an aws-chunked upload whose body is a file, off the page's thread (a GiB
 * is thousands of chunk hashes and chained signatures). Load it with
 * `new Worker(new URL('./chunked-worker.ts', import.meta.url), { type: 'module' })`; the page cancels
 * by terminating it. The File crosses postMessage as a handle and is read block by block, by a worker of this one's own.
 */

export interface ChunkedWorkerRequest {
	request: HttpRequest;
	/** Without onProgress and signal: functions do not cross postMessage (progress comes back as messages). */
	params: Omit<ChunkedParams, 'onProgress' | 'signal'>;
}

export type ChunkedWorkerReply = { progress: number; total: number } | { trace: ChunkedTrace } | { error: SerializedError };

/** The part of DedicatedWorkerGlobalScope used here; the DOM lib the project compiles with lacks it. */
interface WorkerScope {
	onmessage: ((event: MessageEvent<ChunkedWorkerRequest>) => void) | null;
	postMessage(message: ChunkedWorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;
// One progress message per block of chunks (8 MiB): about a hundred a GiB, none of them work for the page.
scope.onmessage = async (event) => {
	const { request, params } = event.data;
	try {
		const onProgress = (progress: number, total: number) => scope.postMessage({ progress, total });
		const trace = await withReaderWorker((readBlocks) => signChunkedUpload(request, { ...params, onProgress, readBlocks }));
		scope.postMessage({ trace });
	} catch (e) {
		scope.postMessage({ error: serializeError(e) });
	}
};
