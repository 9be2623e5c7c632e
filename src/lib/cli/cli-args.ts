import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

export type Command = 'check' | 'sign' | 'presign';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
	help: { type: 'boolean', short: 'h' },
	json: { type: 'boolean' },
	region: { type: 'string' },
	service: { type: 'string' },
	datetime: { type: 'string' },
	'access-key-id': { type: 'string' },
	'secret-access-key': { type: 'string' },
	'session-token': { type: 'string' }
};

const SIGNING: Options = {
	...COMMON,
	method: { type: 'string', short: 'X' },
	url: { type: 'string' },
	header: { type: 'string', short: 'H', multiple: true },
	body: { type: 'string' },
	'signed-headers': { type: 'string' },
	'unsigned-payload': { type: 'boolean' }
};

const OPTIONS: Record<Command, Options> = {
	check: { ...COMMON, stages: { type: 'boolean' }, forensics: { type: 'string' } },
	sign: SIGNING,
	presign: { ...SIGNING, expires: { type: 'string' } }
};

/** The options as given: strings, repeated strings (--header) and switches. */
export interface CliArgs {
	command: Command;
	/** The file to read, "-" for standard input, or undefined. */
	input?: string;
	values: Record<string, string | boolean | string[] | undefined>;
}

/** The command and its options; a UsageError names an unknown option or a missing value, and where to look. */
export function parseCliArgs(argv: string[]): CliArgs {
	const first = argv[0];
	const command: Command = first === 'sign' || first === 'presign' || first === 'check' ? first : 'check';
	const rest = first === command ? argv.slice(1) : argv;
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({ args: rest, options: OPTIONS[command], allowPositionals: true, strict: true });
	} catch (e) {
		const message = e instanceof Error ? e.message.split('. To specify a positional')[0]!.replace(/\.?$/, '.') : String(e);
		throw new UsageError(message, `Run "sigv4-debugger${command === 'check' ? '' : ` ${command}`} --help" for the options.`);
	}
	const positionals = parsed.positionals;
	if (positionals.length > 1) {
		throw new UsageError(
			`One input at a time: got ${positionals.length} (${positionals.join(', ')}).`,
			'Give one file, or - for standard input; put several pastes in one file to read them together.'
		);
	}
	const out: CliArgs = { command, values: parsed.values as CliArgs['values'] };
	if (positionals[0] !== undefined) out.input = positionals[0];
	return out;
}

/** A string option's value, or undefined. */
export function stringOption(args: CliArgs, name: string): string | undefined {
	const value = args.values[name];
	return typeof value === 'string' ? value : undefined;
}
