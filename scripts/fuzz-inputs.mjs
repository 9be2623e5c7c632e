// npm run fuzz's input fuzz (alone: node scripts/fuzz-inputs.mjs [--inputs N] [--workers W]):
// realistic pastes, links, case files, requests, policies and evidence, mutated, through every
// entry point (tests/fuzz/input-fuzz.ts). Counts uncaught errors, hangs (an input still running
// after 2 s, seen from outside its worker thread) and answers that say undefined/NaN/internal error.
// FUZZ_SEED=<n> replays a run; every failing input is saved to test-results/fuzz/ to replay alone
// with --replay <file>.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const HANG_MS = 2000;
const CHUNK = 500;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : fallback;
};
const total = Number(option('--inputs', 200_000));
const workerCount = Number(option('--workers', Math.max(1, Math.min(2, availableParallelism()))));
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(workerCount) || workerCount < 1 || !Number.isInteger(seed)) {
	console.error('fuzz-inputs: --inputs and --workers take positive whole numbers, FUZZ_SEED a whole number');
	process.exit(2);
}

register();
const fuzz = await import('../tests/fuzz/input-fuzz.ts');
const outDir = join(root, 'test-results', 'fuzz');

const replay = option('--replay', undefined);
if (replay !== undefined) {
	const problems = await fuzz.runInput(JSON.parse(readFileSync(replay, 'utf8')));
	console.log(problems.length === 0 ? 'fuzz-inputs: the input passes now' : JSON.stringify(problems, null, 2));
	process.exit(problems.length === 0 ? 0 : 1);
}

const failures = { uncaught: 0, hang: 0, 'bad-text': 0 };
const perTarget = new Map();
for (let i = 0; i < total; i++) perTarget.set(fuzz.targetOf(i), (perTarget.get(fuzz.targetOf(i)) ?? 0) + 1);
let corpus;
const saved = [];
const suspects = new Set();

function save(index, input, problems) {
	mkdirSync(outDir, { recursive: true });
	const file = join(outDir, `seed-${seed}-input-${index}.json`);
	writeFileSync(file, JSON.stringify(input, null, 1));
	for (const p of problems) failures[p.kind]++;
	if (saved.length < 20)
		console.error(
			`fuzz-inputs: input ${index} (${input.target}) → ${file}\n  ${problems.map((p) => `${p.kind}: ${p.detail.split('\n').slice(0, 4).join('\n    ')}`).join('\n  ')}`
		);
	saved.push(file);
}

const chunks = [];
for (let from = 0; from < total; from += CHUNK) chunks.push({ seed, from, to: Math.min(total, from + CHUNK) });
const progress = new Int32Array(new SharedArrayBuffer(4 * workerCount));
let done = 0;
const started = performance.now();
console.log(`fuzz-inputs: ${total} inputs, seed ${seed}, ${workerCount} worker thread${workerCount > 1 ? 's' : ''}`);

/** One worker slot: takes chunks until none is left; a hang ends the thread and a new one goes on after the input. */
function runSlot(slot) {
	return new Promise((resolveSlot, rejectSlot) => {
		let job;
		let seen = { index: -2, since: 0 };
		const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { workerData: { progress, slot } });
		const next = () => {
			job = chunks.shift();
			if (!job) {
				clearInterval(watch);
				void worker.terminate().then(resolveSlot);
				return;
			}
			worker.postMessage(job);
		};
		const watch = setInterval(async () => {
			const index = Atomics.load(progress, slot);
			const now = performance.now();
			if (index !== seen.index) seen = { index, since: now };
			else if (job && index >= job.from && now - seen.since > HANG_MS) {
				clearInterval(watch);
				await worker.terminate();
				// A busy machine can stall a thread for a moment: an input is a hang when it stalls twice.
				const again = !suspects.has(index);
				suspects.add(index);
				if (!again) {
					corpus ??= await (await import('../tests/fuzz/corpus.ts')).loadCorpus();
					save(index, fuzz.generate(corpus, seed, index), [{ kind: 'hang', detail: `still running after ${HANG_MS} ms, twice` }]);
				}
				const resume = again ? index : index + 1;
				done += resume - job.from;
				if (resume < job.to) chunks.unshift({ seed, from: resume, to: job.to });
				runSlot(slot).then(resolveSlot, rejectSlot);
			}
		}, 200);
		worker.on('message', (m) => {
			if (m.type === 'ready') next();
			else if (m.type === 'problem') save(m.index, m.input, m.problems);
			else if (m.type === 'done') {
				done += m.job.to - m.job.from;
				if (Math.floor(done / 20_000) > Math.floor((done - (m.job.to - m.job.from)) / 20_000)) {
					console.log(`fuzz-inputs: ${done} inputs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
				}
				next();
			}
		});
		worker.on('error', (e) => {
			clearInterval(watch);
			rejectSlot(e);
		});
	});
}

try {
	await Promise.all(Array.from({ length: workerCount }, (_, slot) => runSlot(slot)));
} catch (e) {
	console.error(`fuzz-inputs: a worker thread failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
	process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const detail = [...perTarget].map(([t, n]) => `${t} ${n}`).join(', ');
const line = `fuzz inputs: ${total} (${detail}): ${failures.uncaught} uncaught, ${failures.hang} hangs, ${failures['bad-text']} bad texts in ${seconds} s (seed ${seed})`;
if (saved.length > 0) {
	console.error(
		`${line}\nfuzz-inputs: FAILED; ${saved.length} inputs saved under ${outDir}; replay one with node scripts/fuzz-inputs.mjs --replay <file>`
	);
	process.exit(1);
}
console.log(line);
