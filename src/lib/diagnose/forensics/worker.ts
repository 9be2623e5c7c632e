import { searchMistakePairs, type ForensicsWorkerMessage, type ForensicsWorkerRequest } from './search.ts';

/**
 * Module Web Worker: the pair search, off the page's thread. Load it with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 * The secret arrives by postMessage from the same page and is never logged or sent back.
 */

/** The part of DedicatedWorkerGlobalScope used here; the DOM lib the project compiles with lacks it. */
interface WorkerScope {
	onmessage: ((event: MessageEvent<ForensicsWorkerRequest>) => void) | null;
	postMessage(message: ForensicsWorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
let running: AbortController | undefined;

scope.onmessage = (event) => {
	const request = event.data;
	// One search at a time: a new request or a cancel stops the one before.
	running?.abort();
	running = undefined;
	if (request.type !== 'pairs') return;
	const controller = new AbortController();
	running = controller;
	searchMistakePairs(request.evidence, request.secret, {
		signal: controller.signal,
		onProgress: (done, total) => {
			if (!controller.signal.aborted) scope.postMessage({ type: 'progress', done, total });
		}
	}).then(
		(result) => {
			if (!controller.signal.aborted) scope.postMessage({ type: 'result', result });
		},
		(error: unknown) => {
			if (controller.signal.aborted) return;
			// Our errors quote request fields at most, never the secret (the core never echoes it).
			scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : 'The pair search failed.' });
		}
	);
};
