import type { Case } from '../case/case.ts';
import type { ImportReport } from '../case/import-paste.ts';
import type { ImportWorkerReply, ImportWorkerRequest } from '../case/import-worker.ts';
import { appUpdate } from './app-update.svelte.ts';

/** What the page reads in the worker: a paste too large to parse here without freezing the page. */
export { isLargeText } from '../case/limits.ts';

type Imported = { case: Case; report: ImportReport };

let worker: Worker | undefined;
let lastId = 0;
/** The imports the worker has not answered yet: what each was asked with, and where its answer goes. */
const waiting = new Map<number, { c: Case; text: string; resolve: (result: Imported) => void }>();

function failed(c: Case, text: string, why: string): Imported {
	const problem = `The paste could not be read (${why}). Reload the page and paste again.`;
	return { case: { ...c, pasteText: text }, report: { kind: 'unknown', summary: [], errors: [], harEntries: [], problem } };
}

function start(): Worker {
	const w = new Worker(new URL('../case/import-worker.ts', import.meta.url), { type: 'module' });
	w.onmessage = (e: MessageEvent<ImportWorkerReply>) => {
		const reply = e.data;
		const asked = waiting.get(reply.id);
		if (!asked) return;
		waiting.delete(reply.id);
		asked.resolve('error' in reply ? failed(asked.c, asked.text, reply.error) : { case: reply.case, report: reply.report });
	};
	// A worker whose script cannot load (a deploy removed it) or that ran out of memory: every import
	// waiting on it gets the same answer, and the next import starts a new worker.
	w.onerror = (e: Event) => {
		e.preventDefault();
		w.terminate();
		if (worker === w) worker = undefined;
		// A plain event (no ErrorEvent) is a worker file that did not load, most likely removed by a deploy: the page offers the reload.
		if (!(e instanceof ErrorEvent)) appUpdate.fail(e, 'the paste importer');
		for (const asked of waiting.values())
			asked.resolve(failed(asked.c, asked.text, e instanceof ErrorEvent ? e.message : 'the importer did not start'));
		waiting.clear();
	};
	return w;
}

/**
 * importPaste in a module worker, so that a paste of megabytes leaves the page's thread free.
 * Where there are no workers (Node, tests) it runs here. Never rejects: a failure is the report's problem.
 */
export async function importInWorker(c: Case, text: string, opts: { harEntry?: number; now?: string }): Promise<Imported> {
	if (typeof Worker === 'undefined') {
		const { importPaste } = await import('../case/import-paste.ts');
		return importPaste(c, text, opts);
	}
	worker ??= start();
	const id = ++lastId;
	const request: ImportWorkerRequest = { id, case: c, text, ...opts };
	return new Promise((resolve) => {
		waiting.set(id, { c, text, resolve });
		worker!.postMessage(request);
	});
}
