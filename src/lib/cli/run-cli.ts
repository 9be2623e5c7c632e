import { parseCliArgs, type Command } from './cli-args.ts';
import type { CliIo, CliResult } from './cli-io.ts';
import { runCheck } from './check-command.ts';
import { givenKeys } from './credentials.ts';
import { helpText } from './help.ts';
import { redactOutput } from './redact-output.ts';
import { runSign } from './sign-command.ts';
import { EXIT, UsageError } from './usage-error.ts';

/** What a failed run may quote (an option's value, a parser's message about the input): redacted like any output. */
interface Seen {
	input: string;
	secretAccessKey?: string;
	sessionToken?: string;
}

function usageResult(e: UsageError, json: boolean, command: Command | undefined, seen: Seen): CliResult {
	const stderr = `sigv4-debugger${command && command !== 'check' ? ` ${command}` : ''}: ${e.message}\n  ${e.fix}\n`;
	const stdout = json ? JSON.stringify({ error: { message: e.message, fix: e.fix }, exitCode: EXIT.usage }, null, 2) + '\n' : '';
	const [err, out] = redactOutput([stderr, stdout], seen.input, seen);
	return { code: EXIT.usage, stdout: out!, stderr: err! };
}

/**
 * The whole command line: `argv` without node and the script. Never throws: a usage problem is
 * exit code 2 with what is wrong and how to fix it; anything else unexpected is said as such.
 */
export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
	const json = argv.includes('--json');
	const seen: Seen = { input: argv.join('\n') };
	const reading: CliIo = {
		...io,
		readInput: async (path) => {
			const text = await io.readInput(path);
			seen.input = `${text}\n${seen.input}`;
			return text;
		}
	};
	let command: Command | undefined;
	try {
		if (argv.length === 0) {
			throw new UsageError('No input given.', 'Give a file with your paste, or - for standard input; see sigv4-debugger --help.');
		}
		const args = parseCliArgs(argv);
		command = args.command;
		const keys = givenKeys(args, io.env);
		if (keys.secretAccessKey) seen.secretAccessKey = keys.secretAccessKey.value;
		if (keys.sessionToken) seen.sessionToken = keys.sessionToken.value;
		if (args.values.help) return { code: EXIT.ok, stdout: helpText(args.command), stderr: '' };
		return args.command === 'check' ? await runCheck(args, reading) : await runSign(args, reading);
	} catch (e) {
		if (e instanceof UsageError) return usageResult(e, json, command, seen);
		const message = e instanceof Error ? e.message : String(e);
		const bug = new UsageError(
			`Unexpected error: ${message}`,
			'This is a bug in sigv4-debugger; please report it with the command you ran (without your keys).'
		);
		return usageResult(bug, json, command, seen);
	}
}
