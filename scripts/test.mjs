// `npm test`: everything CI checks, in order, on a fresh Debian machine. Browser tests need
// Debian's Chromium; as root we install it, otherwise we stop and say what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
	console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) {
		console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
		summary();
		process.exit(result.status || 1);
	}
}

function vitest(title, args, report) {
	run(title, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
	const json = JSON.parse(readFileSync(report, 'utf8'));
	totals.passed += json.numPassedTests;
	totals.failed += json.numFailedTests;
	totals.skipped += json.numPendingTests + json.numTodoTests;
}

function summary() {
	console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
	// The real-world corpus (tests/realworld) writes its rate when it runs.
	if (existsSync('test-results/realworld.json')) console.log(JSON.parse(readFileSync('test-results/realworld.json', 'utf8')).line);
}

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const apt = existsSync('/usr/bin/apt-get');
	if (!root || !apt || process.env.CHROMIUM_PATH) {
		console.error(
			`Browser tests need Chromium at ${CHROMIUM}, and it is not there.\n` +
				`Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
				`or point CHROMIUM_PATH at a Chromium binary.`
		);
		process.exit(1);
	}
	console.log('Chromium is missing: installing the Debian package (apt-get install -y chromium).');
	run('apt-get update', 'apt-get', ['update', '-qq']);
	run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
}

mkdirSync('test-results', { recursive: true });
rmSync('test-results/realworld.json', { force: true });
ensureChromium();
run('svelte-check', 'npm', ['run', '--silent', 'check']);
run('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit, vectors and property tests', [], 'test-results/vitest.json');
run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitest('browser tests (Chromium)', ['--config', 'vitest.e2e.config.ts'], 'test-results/vitest-e2e.json');
summary();
if (totals.failed > 0) process.exit(1);
