/** The stages a user can edit; each edit feeds every stage after it. */
export type StageName = 'canonicalRequest' | 'stringToSign' | 'signingKey' | 'signature';
export type Tristate = 'auto' | 'on' | 'off';
/** How the request is signed: Authorization header, presigned URL, a browser POST form, or an aws-chunked upload. */
export type PageMode = 'header' | 'query' | 'post' | 'chunked';
/** The learn page's other walks: Signature Version 2, S3's form or the query APIs'. */
export type LearnTrack = 'sigv2-s3' | 'sigv2-query';
/** The algorithm a typed request is signed with; pasted evidence that names one decides for itself. */
export type CaseAlgorithm = 'sigv4' | 'sigv4a';

/** aws-chunked mode's inputs, as typed: the variant, the chunk size in bytes, and a checksum trailer ('' for none). */
export interface ChunkedInputs {
	variant: 'signed' | 'signed-trailer' | 'unsigned-trailer';
	chunkSize: string;
	checksum: '' | 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1' | 'sha256';
}

/** What the user's signer made, as pasted. `signingKey`: their kSigning as hex, when a log shows it. */
export type ProvidedTexts = Partial<
	Record<'canonicalRequest' | 'stringToSign' | 'signature' | 'authorization' | 'signedUrl' | 'token', string>
> & {
	/**
	 * The user's kDate…kSigning (hex), from a pasted key list. A signing key signs for its day, region
	 * and service like the secret itself: it stays in the page, never in a link or a file.
	 */
	signingKeys?: Partial<Record<'kDate' | 'kRegion' | 'kService' | 'kSigning', string>>;
};
/**
 * A file chosen as the request's body: what the case keeps of it. The bytes never leave the page,
 * so a link or a file carries the name, size and SHA-256 only, and the stages still reproduce.
 */
export interface BodyFile {
	name: string;
	size: number;
	/** Lowercase hex: the payload hash line and x-amz-content-sha256. */
	sha256: string;
}

/** What the server said, from an AWS error body. */
export interface ServerTexts {
	canonicalRequest?: string;
	stringToSign?: string;
	code?: string;
	message?: string;
	fields?: Record<string, string>;
}

/**
 * Where a field's value came from. A field with no origin recorded holds the page's default; a
 * paste names the format it was read from and, where the reader knows it, the line.
 */
export type FieldOrigin =
	| { from: 'typed' }
	| { from: 'paste'; paste: number; kind: string; source?: string; line?: number }
	/** A paste rebuilt the case from evidence that does not give this field: it is not the example's. */
	| { from: 'unknown'; paste: number };

/**
 * The whole case: the inputs, the overrides, the pasted evidence and the view. Everything the page
 * shows is computed from it (see analyze), and a link or a file carries exactly these fields.
 * Plain data only (strings, numbers, booleans, arrays, records of strings), so it survives JSON.
 */
export interface Case {
	requestText: string;
	accessKeyId: string;
	/** Absent from a link or file unless the user chose to include secrets. */
	secretAccessKey?: string;
	/** Absent from a link or file unless the user chose to include secrets. */
	sessionToken?: string;
	region: string;
	/** SigV4a (header and presigned-URL modes): the regions the signature is valid in, as typed ("*", or a comma list). */
	algorithm: CaseAlgorithm;
	regionSet: string;
	service: string;
	datetime: string;
	mode: PageMode;
	expiresIn: string;
	/** POST policy mode: the policy JSON as written, and the other form fields as "name: value" lines. */
	policyText: string;
	postFields: string;
	signedHeaders: string;
	payload: 'body' | 'unsigned';
	/** A payload hash the evidence gives (a canonical request has no body): signed as it is; empty: the body's. */
	payloadHash: string;
	/** A file as the body, in place of the request's own body (hashed in the page, never carried). */
	bodyFile?: BodyFile;
	chunked: ChunkedInputs;
	uriEscapePath: Tristate;
	normalizePath: Tristate;
	contentSha256Header: Tristate;
	/** Edited stages, which every later stage follows. */
	overrides: Partial<Record<StageName, string>>;
	/** The paste box's text, kept as the user left it. */
	pasteText: string;
	provided: ProvidedTexts;
	server: ServerTexts;
	/** A browser POST upload's form fields, in order (file contents left out). */
	form: [string, string][];
	/** Signature Version 2 fields found anywhere in the pasted text. */
	sigv2Fields: [string, string][];
	/** Where each input came from; an input not listed holds the default. Secrets have none: they travel alone. */
	origins: Partial<Record<OriginField, FieldOrigin>>;
	/** The view: which optional panels are open, the learning step (if any), and the learn page's track (absent: the case's own algorithm). */
	view: { optionsOpen: boolean; learnStep?: number; learnTrack?: LearnTrack };
}

/** The fields the user types or a paste fills in: what `edit` takes and what origins describe. */
export const INPUT_FIELDS = [
	'requestText',
	'accessKeyId',
	'secretAccessKey',
	'sessionToken',
	'region',
	'algorithm',
	'regionSet',
	'service',
	'datetime',
	'mode',
	'expiresIn',
	'policyText',
	'postFields',
	'signedHeaders',
	'payload',
	'payloadHash',
	'uriEscapePath',
	'normalizePath',
	'contentSha256Header'
] as const satisfies readonly (keyof Case)[];

export type InputName = (typeof INPUT_FIELDS)[number];

/** Every field of a case, in the order links and files write them; the compiler checks it is complete. */
export const CASE_FIELDS = [
	...INPUT_FIELDS,
	'bodyFile',
	'chunked',
	'overrides',
	'pasteText',
	'provided',
	'server',
	'form',
	'sigv2Fields',
	'view',
	'origins'
] as const satisfies readonly (keyof Case)[];
export type CaseInputs = Pick<Required<Case>, InputName>;
/** The inputs whose origin a case records. */
export type OriginField = Exclude<InputName, 'secretAccessKey' | 'sessionToken'>;
export const ORIGIN_FIELDS = INPUT_FIELDS.filter((f): f is OriginField => f !== 'secretAccessKey' && f !== 'sessionToken');

/** The fields that leave the page only when the user chose to include secrets. */
export const SECRET_FIELDS: readonly (keyof Case)[] = ['secretAccessKey', 'sessionToken'];

// A field added to Case but left out of CASE_FIELDS is a compile error here.
type Missing = Exclude<keyof Case, (typeof CASE_FIELDS)[number]>;
export const CASE_FIELDS_COMPLETE: Missing extends never ? true : Missing = true;
