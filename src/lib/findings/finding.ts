import type { FindingCode, Stage } from './codes.ts';

/** One mistake named: where it is, how sure we are, and how to fix it. */
export interface Finding {
	/** Stable kebab-case code from FINDING_CODES. */
	code: FindingCode;
	/**
	 * The text the mistake is in: the catalogue's stage for the code (FINDING_CODES), or the stage
	 * whose text holds the evidence when that differs (a 12-hour x-amz-date seen in a canonical
	 * request is a 'canonical-request' finding; an uppercase signature a 'signature' one).
	 */
	stage: Stage;
	severity: 'error' | 'warning' | 'info';
	message: string;
	fix: string;
	/**
	 * 1-based line in the stage's text: the user's version where they gave one, else the server's,
	 * else the correct one. For 'request', the raw HTTP form (request line 1, then one line per
	 * header line); for 'authorization' and 'signature', 1.
	 */
	line?: number;
	/**
	 * True when the mistake reproduces the user's value exactly (forensics: their signature; diagnose:
	 * their signature, hash or signing key), or when the server's error names it. `basis` says which.
	 */
	confirmed?: boolean;
	/**
	 * Why the finding is confirmed (set with `confirmed`): 'reproduced', the mistake makes the user's
	 * own value exactly (their signature, string-to-sign hash or signing key); 'server', the server's
	 * error states it (its message, its fields, its canonical request or string to sign).
	 */
	basis?: FindingBasis;
	/** With basis 'reproduced', what of the user's is made exactly; absent: their signature. */
	reproduces?: 'signature' | 'hash' | 'signing-key';
}

export type FindingBasis = 'reproduced' | 'server';
