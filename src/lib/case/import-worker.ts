import { importPaste, type ImportReport } from './import-paste.ts';
import type { Case } from './case.ts';

/**
 * Module Web Worker: reads a large paste into the case off the page's thread (parsing megabytes
 * there would freeze the page). Load it with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`.
 * The case and the report are plain data: they cross postMessage as they are.
 */

export interface ImportWorkerRequest {
	id: number;
	case: Case;
	text: string;
	harEntry?: number;
	/** The page's clock, for a request paste without a date (see importTime). */
	now?: string;
}

export type ImportWorkerReply = { id: number; case: Case; report: ImportReport } | { id: number; error: string };

/** The part of DedicatedWorkerGlobalScope used here; the DOM lib the project compiles with lacks it. */
interface WorkerScope {
	onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
	postMessage(message: ImportWorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
	const { id, case: c, text, ...opts } = event.data;
	try {
		const result = importPaste(c, text, opts);
		scope.postMessage({ id, ...result });
	} catch (e) {
		scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
	}
};
