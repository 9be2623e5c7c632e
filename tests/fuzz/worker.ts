// One fuzz worker: runs inputs [from, to) of a seed and reports each one it starts in shared
// memory, so the parent can tell a hang (an input that never ends) from slow progress.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from './corpus.ts';
import { generate, runInput } from './input-fuzz.ts';

interface Job {
	seed: number;
	from: number;
	to: number;
}

const { progress, slot } = workerData as { progress: Int32Array; slot: number };
const corpus = await loadCorpus();
// Warm up every entry point (lazy imports, first compilation) so that a slow first call is not taken for a hang.
for (let index = 0; index < 40; index++) await runInput(generate(corpus, 0, index));
parentPort!.on('message', async (job: Job) => {
	for (let index = job.from; index < job.to; index++) {
		Atomics.store(progress, slot, index);
		const input = generate(corpus, job.seed, index);
		const problems = await runInput(input);
		if (problems.length > 0) parentPort!.postMessage({ type: 'problem', index, input, problems });
	}
	Atomics.store(progress, slot, -1);
	parentPort!.postMessage({ type: 'done', job });
});
parentPort!.postMessage({ type: 'ready' });
