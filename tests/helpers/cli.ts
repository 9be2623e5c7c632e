// The command line as a user runs it: bundled once per test file (as `npm run build:cli` does, into
// a folder of its own) and run as a child process with only the environment a test gives it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build-cli.mjs';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Bundles the CLI into a fresh temporary folder; `dispose` removes it. */
export async function bundleCli(): Promise<{ bin: string; dir: string; dispose: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), 'sigv4-cli-'));
	const bin = await buildCli(join(dir, 'sigv4-debugger.mjs'));
	return { bin, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the bundle with `args`; no AWS_* variable of the shell reaches it, only `env`. */
export function runBin(
	bin: string,
	args: string[],
	opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}
): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = execFile(
			process.execPath,
			[bin, ...args],
			{ env: { PATH: process.env.PATH ?? '', ...opts.env }, cwd: opts.cwd, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
				if (code === undefined) reject(error);
				else resolve({ code, stdout, stderr });
			}
		);
		child.stdin!.end(opts.stdin ?? '');
	});
}

/** AWS's documented example keys for get-vanilla (the Signature Version 4 test suite), as the environment gives them. */
export const SUITE_KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
/** The S3 API Reference's example keys. */
export const S3_DOC_KEYS = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
