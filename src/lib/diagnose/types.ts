import type { AuthMode, HttpRequest, SigningParams } from '../sigv4/types.ts';

export type Stage = 'request' | 'canonical-request' | 'string-to-sign' | 'signing-key' | 'signature' | 'authorization' | 'credentials';

export interface Evidence {
	request: HttpRequest;
	params: SigningParams;
	mode: 'header' | 'query';
	/** What the user's signer made. */
	provided?: { canonicalRequest?: string; stringToSign?: string; signature?: string; authorization?: string; signedUrl?: string };
	/** From an AWS error body. */
	server?: { canonicalRequest?: string; stringToSign?: string; code?: string; fields?: Record<string, string> };
	/** The moment the request was checked against (clock skew, expiry); default: now. */
	now?: Date;
}

export interface Finding {
	/** Stable kebab-case code from FINDING_CODES. */
	code: FindingCode;
	stage: Stage;
	severity: 'error' | 'warning' | 'info';
	message: string;
	fix: string;
	/** 1-based line in the stage's text (the user's version where they gave one). */
	line?: number;
	/** True when forensics reproduced the user's signature exactly with this mistake. */
	confirmed?: boolean;
}

export type { AuthMode, HttpRequest, SigningParams };
import type { FindingCode } from './codes.ts';
export type { FindingCode };
