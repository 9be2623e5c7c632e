import type { ForensicsResult, ForensicsWorkerMessage, ForensicsWorkerRequest } from '../diagnose/forensics/search.ts';
import type { Evidence, Finding } from '../diagnose/types.ts';
import { appUpdate } from './app-update.svelte.ts';

/** How long the worker may search triples of mistakes once pairs found nothing (DESIGN §8). */
const TRIPLES_BUDGET_MS = 2000;

export type ForensicsStatus = 'idle' | 'single' | 'pairs' | 'done' | 'no-secret';

/**
 * Searches the catalogue of signer mistakes for one that reproduces the user's signature:
 * single mistakes here (fast), pairs and triples in a Web Worker so the page never freezes.
 */
export class ForensicsRunner {
	status = $state<ForensicsStatus>('idle');
	progress = $state(0);
	findings = $state<Finding[]>([]);
	mutated = $state<NonNullable<ForensicsResult['mutated']>>([]);
	tried = $state(0);

	#run = 0;
	#worker: Worker | undefined;

	/** What the verdict needs to know: is the search under way, finished, or not run. */
	get phase(): 'running' | 'done' | 'off' {
		return this.status === 'single' || this.status === 'pairs' ? 'running' : this.status === 'done' ? 'done' : 'off';
	}

	cancel(): void {
		this.#run++;
		// A search in flight is stopped with its worker; an idle worker is kept warm for the next run.
		if (this.status === 'single' || this.status === 'pairs') {
			this.#worker?.terminate();
			this.#worker = undefined;
		}
		this.status = 'idle';
		this.findings = [];
		this.mutated = [];
		this.progress = 0;
	}

	async run(evidence: Evidence, secret: string, correctSignature: string): Promise<void> {
		const { searchSingleMistakes, targetSignature } = await import('../diagnose/forensics/search.ts');
		const theirs = targetSignature(evidence);
		this.cancel();
		if (!theirs || theirs === correctSignature) return;
		if (!secret) {
			this.status = 'no-secret';
			return;
		}
		const run = this.#run;
		this.status = 'single';
		const single = await searchSingleMistakes(evidence, secret);
		if (run !== this.#run) return;
		if (single.findings.length > 0 || typeof Worker === 'undefined') {
			this.#finish(single);
			return;
		}
		this.status = 'pairs';
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker URL pattern, not state
		const worker = (this.#worker ??= new Worker(new URL('../diagnose/forensics/worker.ts', import.meta.url), { type: 'module' }));
		// A worker script gone from the host (a deploy) fires a plain "error" event: say so, not "Searching…" forever.
		worker.onerror = (e) => {
			if (run !== this.#run) return;
			this.cancel();
			if (!(e instanceof ErrorEvent)) appUpdate.fail(e, 'the forensics worker');
		};
		worker.onmessage = (e: MessageEvent) => {
			if (run !== this.#run) return;
			const data = e.data as ForensicsWorkerMessage;
			if (data.type === 'progress') this.progress = data.total ? data.done / data.total : 0;
			else if (data.type === 'result') this.#finish(data.result);
			else if (data.type === 'error') this.#finish({ findings: [], tried: 0 });
		};
		// The secret goes to a worker of this same page, never over the network. Pairs, then triples
		// within their time bound.
		worker.postMessage({ type: 'triples', evidence, secret, budgetMs: TRIPLES_BUDGET_MS } satisfies ForensicsWorkerRequest);
	}

	/** Told of each finished search (the state re-signs with the header values it found). */
	onResult: ((result: ForensicsResult) => void) | undefined;

	#finish(result: ForensicsResult): void {
		this.onResult?.(result);
		this.findings = result.findings;
		this.mutated = result.mutated ?? [];
		this.tried = result.tried;
		this.status = 'done';
		this.progress = 1;
	}
}
