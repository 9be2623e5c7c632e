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
	/**
	 * The corrected URL or request the fix gives, whole, so the page can offer it to copy instead of
	 * leaving it in prose. Holds no secret the user did not put in that request themselves.
	 */
	corrected?: Corrected;
}

/** A value to use instead of the user's: what it is ("Corrected URL") and the value itself. */
export interface Corrected {
	label: string;
	value: string;
}

export type FindingBasis = 'reproduced' | 'server';
