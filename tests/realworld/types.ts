/** One real failure report: where it is, what its reporter or a maintainer established, and what a user would paste. */
export interface RealCase {
	id: string;
	/** The public report (issue, pull request, Q&A thread). */
	source: string;
	/** The root cause the reporter or a maintainer established, in a sentence. */
	cause: string;
	/** Finding codes that name that cause (decided from the cause, before running anything). */
	expected: string[];
	/** Other error codes that are also true for this evidence. */
	allowedErrors?: string[];
	/** Texts a user would paste, in order: the report's own where it has them, else re-created (see tools/recreate.ts). */
	pastes: string[];
	/** 'report' when every paste is the report's own text; 'recreated' when re-run with AWS's example keys. */
	evidence: 'report' | 'recreated';
	/** The secret the user would type (AWS's example secret for re-created cases). */
	secret?: string;
	/** The time the user pastes it (ISO), where the cause depends on it. */
	now?: string;
}

export const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
