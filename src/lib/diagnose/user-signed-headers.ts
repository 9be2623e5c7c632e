import { headerNames, type ParsedCanonicalRequest, type ParsedAuthorization, type ParsedSignedUrl } from '../parse/index.ts';

/** The header names the user's signer signed, and where that was read. */
export interface UserSigned {
	names: string[];
	source: 'authorization' | 'signed-url' | 'canonical-request';
	/** As written there. */
	text: string;
}

/** Split leniently (";" or "," or spaces) and lowercased: the defects in the text are reported elsewhere. */
export function splitSignedHeaders(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[;,\s]+/)
				.map((n) => n.trim().toLowerCase())
				.filter((n) => n !== '')
		)
	];
}

/** What the server goes by first: the Authorization header or the URL; else the user's canonical request. */
export function userSignedHeaders(auth?: ParsedAuthorization, url?: ParsedSignedUrl, cr?: ParsedCanonicalRequest): UserSigned | undefined {
	if (auth?.signedHeaders) return { names: splitSignedHeaders(auth.signedHeaders), source: 'authorization', text: auth.signedHeaders };
	if (url?.signedHeaders) return { names: splitSignedHeaders(url.signedHeaders), source: 'signed-url', text: url.signedHeaders };
	if (cr) {
		// Both the header lines and the SignedHeaders line: where they disagree, that is a finding of its own.
		const text = cr.signedHeaders?.text ?? '';
		const listed = text.includes(':') ? [] : splitSignedHeaders(text);
		const names = [...new Set([...headerNames(cr), ...listed])];
		if (names.length > 0) return { names, source: 'canonical-request', text: names.join(';') };
	}
	return undefined;
}
