// npm run fuzz [-- --cases N] [--inputs M] [--only properties|inputs]: the property tests
// (tests/property) with FUZZ_RUNS raised so that N cases (default 100,000) run in total across the
// oracle properties, then the input fuzz (scripts/fuzz-inputs.mjs: M mutated inputs, default
// 200,000, through every entry point that reads user text). FUZZ_SEED=<n> replays a run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The properties that record a count (tests/property/*.test.ts, recordCount). */
const PROPERTIES = ['smithy', 'aws4', 'chunked', 'sigv4a'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--cases');
const target = at >= 0 ? Number(args[at + 1]) : 100_000;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const inputsAt = args.indexOf('--inputs');
const inputArgs = inputsAt >= 0 ? ['--inputs', args[inputsAt + 1]] : [];
if (only !== undefined && only !== 'properties' && only !== 'inputs') {
	console.error(`fuzz: --only takes properties or inputs, not "${only}"`);
	process.exit(2);
}
if (only === 'inputs') process.exit(runInputFuzz());

/** The input fuzz in its own process; its exit status. */
function runInputFuzz() {
	const run = spawnSync(process.execPath, [join(root, 'scripts', 'fuzz-inputs.mjs'), ...inputArgs], { cwd: root, stdio: 'inherit' });
	return run.status ?? 1;
}
if (!Number.isInteger(target) || target < 1) {
	console.error(`fuzz: --cases must be a positive integer, not "${args[at + 1]}"`);
	process.exit(2);
}
const perProperty = Math.ceil(target / PROPERTIES.length);

const dir = mkdtempSync(join(tmpdir(), 'sigv4-fuzz-'));
const countFile = join(dir, 'counts.tsv');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
if (!existsSync(vitest)) {
	console.error('fuzz: vitest is not installed (npm install)');
	process.exit(2);
}

console.log(
	`fuzz: ${PROPERTIES.length} properties × ${perProperty} cases${process.env.FUZZ_SEED ? `, seed ${process.env.FUZZ_SEED}` : ''}`
);
const started = performance.now();
const run = spawnSync(process.execPath, [vitest, 'run', 'tests/property', '--maxWorkers=2'], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, FUZZ_RUNS: String(perProperty), FUZZ_COUNT_FILE: countFile }
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const counts = new Map();
if (existsSync(countFile)) {
	for (const line of readFileSync(countFile, 'utf8').split('\n')) {
		const [name, n] = line.split('\t');
		if (name) counts.set(name, (counts.get(name) ?? 0) + Number(n));
	}
}
rmSync(dir, { recursive: true, force: true });
const total = [...counts.values()].reduce((a, b) => a + b, 0);
const detail = [...counts].map(([name, n]) => `${name} ${n}`).join(', ');

if (run.status !== 0) {
	console.error(
		`fuzz: FAILED after ${seconds} s (${total} cases passed${detail ? `: ${detail}` : ''}); the counterexample and its seed are above`
	);
	process.exit(run.status ?? 1);
}
if (total < target) {
	console.error(
		`fuzz: only ${total} cases ran (${detail || 'none recorded'}), expected ${target}: is PROPERTIES in scripts/fuzz.mjs up to date?`
	);
	process.exit(1);
}
console.log(`fuzz: ${total} cases (${detail}), all equal, in ${seconds} s`);
if (only !== 'properties') process.exit(runInputFuzz());
