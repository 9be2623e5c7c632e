import type { ALGORITHM } from './constants.ts';

/** An HTTP header as sent: the name keeps its case, duplicates stay separate entries. */
export type Header = [name: string, value: string];

export interface Credentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

export interface HttpRequest {
	method: string;
	/** Absolute: scheme://host[:port]/path?query, exactly as sent on the wire. */
	url: string;
	/** In order, duplicates kept. A value may contain obs-fold continuation lines ("\n  more"). */
	headers: Header[];
	body?: string | Uint8Array;
}

export interface SigningParams {
	credentials: Credentials;
	region: string;
	service: string;
	/** YYYYMMDD'T'HHMMSS'Z' */
	datetime: string;
	/** 'UNSIGNED-PAYLOAD', 'STREAMING-…', or lowercase hex; default: the request's x-amz-content-sha256, else the hash of the body. */
	payloadHash?: string;
	/** Default: every header given, except the never-signed ones, plus host (x-amz-* always). */
	signedHeaders?: string[];
	/** Encode the path as received (double encoding); default: false for S3, true otherwise. */
	uriEscapePath?: boolean;
	/** Remove dot segments and empty segments; default: false for S3, true otherwise. */
	normalizePath?: boolean;
	/** Add and sign x-amz-content-sha256 (header mode); default: true for S3 only. */
	contentSha256Header?: boolean;
	/** Seconds, query auth only: 1..604800, default 3600. */
	expiresIn?: number;
	/**
	 * Sign the session token. false adds it after signing, as a few services expect. Default: the
	 * service registry's rule in query mode (iotdevicegateway, MQTT over WebSockets: after signing),
	 * else true. tokenAfterSigning(params, mode) resolves it.
	 */
	signSessionToken?: boolean;
}

export type AuthMode = 'header' | 'query';

/** Which part of the canonical request a line belongs to. */
export type CanonicalPart = 'method' | 'path' | 'query' | 'header' | 'blank' | 'signed-headers' | 'payload-hash';

/** Why one line of the canonical request reads as it does. */
export interface Provenance {
	/** 1-based line number in the canonical request. */
	line: number;
	part: CanonicalPart;
	text: string;
	/** The input the line was made from, as the user gave it. */
	input: string;
	/** The rules applied, in plain words. */
	rules: string[];
}

/** Hex of each key in the derivation chain. The secret itself is never part of a trace. */
export interface KeyChain {
	date: string;
	region: string;
	service: string;
	kDate: string;
	kRegion: string;
	kService: string;
	kSigning: string;
}

export interface SigningTrace {
	mode: AuthMode;
	algorithm: typeof ALGORITHM;
	datetime: string;
	date: string;
	canonicalRequest: string;
	canonicalRequestHash: string;
	credentialScope: string;
	stringToSign: string;
	keyChain: KeyChain;
	signature: string;
	/** Lowercased, sorted names, as in SignedHeaders. */
	signedHeaders: string[];
	payloadHash: string;
	provenance: Provenance[];
	/** The request to send: header mode adds X-Amz-Date, the token, Authorization; query mode changes the URL. */
	request: { method: string; url: string; headers: Header[]; body?: string | Uint8Array };
	/** Header mode only. */
	authorization?: string;
	/** Query mode only: the presigned URL. */
	signedUrl?: string;
}
