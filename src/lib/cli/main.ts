// The `sigv4-debugger` command (package.json "bin"), bundled by scripts/build-cli.mjs.
import { sigv4Now, type CliIo } from './cli-io.ts';
import { readInput } from './read-input.ts';
import { runCli } from './run-cli.ts';

const io: CliIo = { env: process.env, readInput: (path) => readInput(path), now: () => sigv4Now() };

// A reader that stops early (| head) closes the pipe: that is no error of ours.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code !== 'EPIPE') throw e;
	});
}

const result = await runCli(process.argv.slice(2), io);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
