/** The exit codes: 0 nothing wrong found, 1 a mistake (an error finding) found, 2 the command line or its input is unusable. */
export const EXIT = { ok: 0, cause: 1, usage: 2 } as const;

/** What the command line cannot use, in the user's words: what is wrong and how to fix it (exit code 2). */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly fix: string
	) {
		super(message);
		this.name = 'UsageError';
	}
}
