import type { Header, RawQueryParam, SigningParams, SigningTrace } from '../../sigv4/index.ts';
import type { Encoder } from './encoders.ts';

export type QueryOrder = 'canonical' | 'given' | 'decoded' | 'pair' | 'ignore-case' | 'key-only';

/**
 * Every choice a signer makes on the way to a signature, as data. The correct signer's choices
 * form the base plan; a mistake is a pure function that changes one or two of them, and the
 * same renderer turns any plan into stages. Composing two mistakes is applying both.
 */
export interface Plan {
	/** Line 2 of the string to sign. */
	stsDatetime: string;
	/** The time in the x-amz-date header or the X-Amz-Date parameter. */
	requestDatetime: string;
	/** The credential scope as written (string to sign and X-Amz-Credential). */
	scope: { date: string; region: string; service: string; terminator: string };
	method: string;
	path: string;
	query: {
		/** canonical: decode then encode; decoded: not encoded at all; as-written: the URL's own text. */
		encoding: 'canonical' | 'decoded' | 'as-written';
		/** An encoder other than SigV4's for the keys and values (encoding: 'canonical' only). */
		encoder?: Encoder;
		plusForSpace: boolean;
		/**
		 * canonical: by encoded key, then value; given: not sorted; decoded: sorted before encoding;
		 * pair: the "key=value" strings sorted; ignore-case: keys compared case-insensitively;
		 * key-only: by key, a repeated key's values left in the order given.
		 */
		order: QueryOrder;
		equals: boolean;
	};
	headers: {
		order: 'sorted' | 'as-sent' | 'case-sensitive';
		names: 'lower' | 'as-sent';
		values: 'canonical' | 'raw' | 'trimmed';
		join: ',' | ', ' | 'lines';
		/** Replaces the host header's value (port mistakes). */
		host?: string;
		/** Lowercase name → the values signed for it, in place of the request's (duplicated, changed, absent headers). */
		signedValues?: Readonly<Record<string, readonly string[]>>;
	};
	/** Lowercase names of the signed headers. */
	signed: ReadonlySet<string>;
	blankLine: boolean;
	payloadHash: string;
	crEol: string;
	algorithm: string;
	hashForm: 'hex' | 'upper' | 'base64' | 'raw';
	stsEol: string;
	key: KeyPlan;
	/** HMAC(key = string to sign, data = kSigning) for the last step. */
	signatureSwapped: boolean;
}

export interface KeyPlan {
	prefix: string;
	date: string;
	region: string;
	service: string;
	terminator: string;
	/** Key and data swapped in step 0..3 (kDate, kRegion, kService, kSigning). */
	swapped: readonly [boolean, boolean, boolean, boolean];
	/** none; intermediate: kDate..kService passed on as hex text; all: kSigning too; signing: only kSigning. */
	hex: 'none' | 'intermediate' | 'all' | 'signing';
	skipTerminator: boolean;
}

/** What a plan is made from: the correct signing of the evidence, with everything mistakes need. */
export interface Model {
	mode: 'header' | 'query';
	params: SigningParams;
	trace: SigningTrace;
	base: Plan;
	rawPath: string;
	uriEscapePath: boolean;
	normalizePath: boolean;
	s3Style: boolean;
	scheme: 'http' | 'https';
	hostname: string;
	port?: string;
	/** Headers as signed and sent, in order, the signer's own included (Authorization excluded). */
	headers: Header[];
	/** The request's own query parameters (signature parameters dropped). */
	userQuery: RawQueryParam[];
	/** The body's hex SHA-256 (the empty hash when there is none). */
	bodyHash: string;
}
