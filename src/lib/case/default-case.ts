import type { Case } from './case.ts';
import { DEFAULT_PARAMS, DEFAULT_POST_FIELDS, DEFAULT_POST_POLICY, DEFAULT_REQUEST_TEXT, EXAMPLE_CREDENTIALS } from './examples.ts';

/**
 * The page as it first opens: the S3 "GET object with Range" example. A link stores only what
 * differs from this, which keeps the example's own link a few characters long. Treat it as
 * read-only (exampleCase() gives a copy to change): the encoder compares with it.
 *
 * The documented example secret is here because the page shows it, but a link carries it only
 * when the user chose to include secrets, like any other secret.
 */
export const DEFAULT_CASE: Readonly<Case> = {
	requestText: DEFAULT_REQUEST_TEXT,
	accessKeyId: EXAMPLE_CREDENTIALS.accessKeyId,
	secretAccessKey: EXAMPLE_CREDENTIALS.secretAccessKey,
	region: DEFAULT_PARAMS.region,
	algorithm: 'sigv4',
	regionSet: '*',
	service: DEFAULT_PARAMS.service,
	datetime: DEFAULT_PARAMS.datetime,
	mode: 'header',
	expiresIn: '3600',
	policyText: DEFAULT_POST_POLICY,
	postFields: DEFAULT_POST_FIELDS,
	signedHeaders: '',
	payload: 'body',
	payloadHash: '',
	chunked: { variant: 'signed', chunkSize: '65536', checksum: '' },
	uriEscapePath: 'auto',
	normalizePath: 'auto',
	contentSha256Header: 'auto',
	overrides: {},
	pasteText: '',
	provided: {},
	server: {},
	form: [],
	sigv2Fields: [],
	origins: {},
	view: { optionsOpen: false }
};

/** What the page opens on: AWS's documented S3 example, whose published signature it reproduces. */
export function exampleCase(): Case {
	return structuredClone(DEFAULT_CASE) as Case;
}
