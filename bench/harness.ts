/** Timing of async tasks by batches; works wherever performance.now() does. */

export interface TimingPlan {
	/** Run each task this long before measuring (JIT, caches). */
	warmupMs: number;
	/** Measuring time per task; the tasks take turns, batch by batch. */
	measureMs: number;
	/** Aimed duration of one batch: long enough for a coarse browser clock. */
	batchMs: number;
}

export interface Timing {
	/** Median over batches of the mean time per call in a batch. */
	medianUs: number;
	p25Us: number;
	p75Us: number;
	batches: number;
	batchSize: number;
}

export type Task = () => Promise<unknown>;

const CALIBRATE_MS = 100;

async function callsWithin(task: Task, ms: number): Promise<number> {
	const end = performance.now() + ms;
	let calls = 0;
	while (performance.now() < end) {
		await task();
		calls++;
	}
	return calls;
}

async function batchUs(task: Task, size: number): Promise<number> {
	const start = performance.now();
	for (let i = 0; i < size; i++) await task();
	return ((performance.now() - start) * 1000) / size;
}

function quantile(sorted: number[], q: number): number {
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

function summarize(samples: number[], batchSize: number): Timing {
	const sorted = samples.slice().sort((a, b) => a - b);
	return {
		medianUs: quantile(sorted, 0.5),
		p25Us: quantile(sorted, 0.25),
		p75Us: quantile(sorted, 0.75),
		batches: samples.length,
		batchSize
	};
}

/** Times the tasks together: each is warmed up and sized, then they take turns so drift hits all alike. */
export async function timeTogether(tasks: Task[], plan: TimingPlan): Promise<Timing[]> {
	const sizes: number[] = [];
	for (const task of tasks) {
		await callsWithin(task, plan.warmupMs);
		const calls = await callsWithin(task, CALIBRATE_MS);
		sizes.push(Math.max(1, Math.round((calls * plan.batchMs) / CALIBRATE_MS)));
	}
	const samples: number[][] = tasks.map(() => []);
	const end = performance.now() + plan.measureMs * tasks.length;
	// Each round starts with the next task, so no task always follows the same one.
	for (let round = 0; performance.now() < end; round++) {
		for (let k = 0; k < tasks.length; k++) {
			const i = (round + k) % tasks.length;
			samples[i]!.push(await batchUs(tasks[i]!, sizes[i]!));
		}
	}
	return samples.map((s, i) => summarize(s, sizes[i]!));
}
