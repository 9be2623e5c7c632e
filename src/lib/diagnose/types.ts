import type { AuthMode, HttpRequest, SigningParams } from '../sigv4/types.ts';

export type Stage = 'request' | 'canonical-request' | 'string-to-sign' | 'signing-key' | 'signature' | 'authorization' | 'credentials';

export interface Evidence {
	request: HttpRequest;
	params: SigningParams;
	mode: 'header' | 'query';
	/** What the user's signer made. `signingKey`: their kSigning as hex, when their log shows it. */
	provided?: {
		canonicalRequest?: string;
		stringToSign?: string;
		signature?: string;
		authorization?: string;
		signedUrl?: string;
		signingKey?: string;
	};
	/** From an AWS error body. */
	server?: { canonicalRequest?: string; stringToSign?: string; code?: string; message?: string; fields?: Record<string, string> };
	/**
	 * The moment the request was checked against (clock skew, expiry); default: now. Without it (and
	 * without a ServerTime from the server) a stale timestamp is a warning, not an error: a request
	 * pasted for study may be old on purpose.
	 */
	now?: Date;
	/** A browser POST upload's form fields, in order (file contents left out). */
	form?: [name: string, value: string][];
	/** Signature Version 2 fields found anywhere in the pasted text (AWSAccessKeyId, Signature, Expires, …). */
	sigv2Fields?: [name: string, value: string][];
}

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
	 * their signature, hash or signing key), or when the server's error names it.
	 */
	confirmed?: boolean;
}

export type { AuthMode, HttpRequest, SigningParams };
import type { FindingCode } from './codes.ts';
export type { FindingCode };
