import { searchMistakePairs, searchMistakeTriples, type ForensicsWorkerMessage, type ForensicsWorkerRequest } from './search.ts';

/**
 * Module Web Worker: the pair search (and the triples, within their time bound), off the page's thread. Load it with
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
	if (request.type === 'cancel') return;
	const controller = new AbortController();
	running = controller;
	const opts = {
		signal: controller.signal,
		onProgress: (done: number, total: number) => {
			if (!controller.signal.aborted) scope.postMessage({ type: 'progress', done, total });
		}
	};
	const search =
		request.type === 'pairs'
			? searchMistakePairs(request.evidence, request.secret, opts)
			: searchMistakeTriples(request.evidence, request.secret, {
					...opts,
					...(request.budgetMs !== undefined ? { budgetMs: request.budgetMs } : {}),
					onPairsDone: (ms) => scope.postMessage({ type: 'pairs-done', ms })
				});
	search.then(
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
