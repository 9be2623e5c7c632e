import type { Finding, FindingCode, Stage } from '../findings/index.ts';
import type { AuthMode, HttpRequest, SigningParams } from '../sigv4/index.ts';

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
		/** A login token as pasted (EKS, RDS, DSQL, MSK, Neptune). */
		token?: string;
		signingKey?: string;
		/** The user's own key chain as hex (kDate … kSigning, each where given), compared key by key. */
		signingKeys?: { kDate?: string; kRegion?: string; kService?: string; kSigning?: string };
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
	/**
	 * False when the request is not the user's (no paste gave it; a default stands in): nothing is
	 * judged from its host, path or headers alone, since they are not evidence.
	 */
	requestGiven?: boolean;
	/** Signature Version 2 fields found anywhere in the pasted text (AWSAccessKeyId, Signature, Expires, …). */
	sigv2Fields?: [name: string, value: string][];
}

export type { AuthMode, HttpRequest, SigningParams };
export type { Finding, FindingCode, Stage };
