/**
 * Everything a shared link reopens: the inputs, the overrides, the pasted evidence and the view.
 * Plain data only (strings, numbers, booleans, arrays, records of strings), so it survives JSON.
 */
export interface ShareCase {
	requestText: string;
	accessKeyId: string;
	/** Only when the user ticked "include secret key in link". */
	secretAccessKey?: string;
	/** Only when the user ticked "include secret key in link". */
	sessionToken?: string;
	region: string;
	service: string;
	datetime: string;
	mode: 'header' | 'query' | 'post';
	expiresIn: string;
	/** POST policy mode: the policy JSON as written, and the other form fields as "name: value" lines. */
	policyText: string;
	postFields: string;
	signedHeaders: string;
	payload: 'body' | 'unsigned';
	uriEscapePath: 'auto' | 'on' | 'off';
	normalizePath: 'auto' | 'on' | 'off';
	contentSha256Header: 'auto' | 'on' | 'off';
	/** Edited stages: canonicalRequest, stringToSign, signingKey, signature. */
	overrides: Partial<Record<'canonicalRequest' | 'stringToSign' | 'signingKey' | 'signature', string>>;
	/** Pasted evidence. */
	pasteText: string;
	provided: Partial<Record<'canonicalRequest' | 'stringToSign' | 'signature' | 'authorization' | 'signedUrl', string>>;
	server: { canonicalRequest?: string; stringToSign?: string; code?: string; message?: string; fields?: Record<string, string> };
	form: [string, string][];
	sigv2Fields: [string, string][];
	/** The view: which optional panels are open, and the learning step (if any). */
	view: { optionsOpen: boolean; learnStep?: number };
}
