import type { BenchCase } from './cases.ts';

/** One signer set up for one request. */
export interface Prepared {
	/** Signs once; resolves to the signer's own output. */
	run: () => Promise<unknown>;
	/** The Authorization header, or the presigned URL's query, in that output. */
	authOf: (output: unknown) => string | undefined;
}

export interface Signer {
	name: string;
	/** How it is configured, for the report. */
	note: string;
	prepare(c: BenchCase): Prepared | Promise<Prepared>;
}

export function prepared<T>(run: () => Promise<T>, authOf: (output: T) => string | null | undefined): Prepared {
	return { run, authOf: (output) => authOf(output as T) ?? undefined };
}

/** The hex signature in an Authorization header or a presigned URL. */
export function signatureIn(auth: string | undefined): string | undefined {
	return auth === undefined ? undefined : /Signature=([0-9a-f]{64})/.exec(auth)?.[1];
}

/** The SignedHeaders list in an Authorization header or a presigned URL. */
export function signedHeadersIn(auth: string | undefined): string | undefined {
	const list = auth === undefined ? undefined : /SignedHeaders=([^,&\s]*)/.exec(auth)?.[1];
	return list === undefined ? undefined : decodeURIComponent(list);
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
