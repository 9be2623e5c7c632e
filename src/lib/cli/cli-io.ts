/** What a command needs of the process, so that it runs the same from the terminal and in a test. */
export interface CliIo {
	env: Readonly<Record<string, string | undefined>>;
	/** The text of a file, or of standard input for "-"; throws a UsageError when it cannot be read. */
	readInput(path: string): Promise<string>;
	/** This moment in SigV4's form (20130524T000000Z). */
	now(): string;
}

/** What a command prints and its exit code; printed only after redaction. */
export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** This moment in SigV4's form, from the clock. */
export function sigv4Now(date = new Date()): string {
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}
