import { decodedKey, splitQuery } from '../../sigv4/index.ts';
import { requestHeaderLines } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import type { ParsedAuthorization, ParsedSignedUrl } from '../../parse/index.ts';
import { listQuoted } from '../../findings/index.ts';
import type { Evidence } from '../types.ts';
import { userSignedHeaders } from '../user-signed-headers.ts';

/** Server-side encryption request headers, the copy-source ones included. */
const SSE = /^x-amz-(?:copy-source-)?server-side-encryption(?:-|$)/;
/** The SSE-C key and what identifies it: a secret, never to be written into a URL (logs, history, Referer). */
const SSE_C = /^x-amz-(?:copy-source-)?server-side-encryption-customer-(?:key|key-md5|algorithm)$/;
const KMS_HEADERS = new Set(['x-amz-server-side-encryption-aws-kms-key-id', 'x-amz-server-side-encryption-context']);

/** The lowercase parameter names of a URL's query. */
function queryNames(url: string | undefined): string[] {
	const q = /\?([^#]*)/.exec(url ?? '')?.[1];
	return splitQuery(q).map((p) => decodedKey(p).toLowerCase());
}

function isKms(name: string, value: string): boolean {
	return KMS_HEADERS.has(name) || (name === 'x-amz-server-side-encryption' && value.trim().toLowerCase().startsWith('aws:kms'));
}

/**
 * Server-side encryption where it cannot work: an SSE-C key (or its MD5 or algorithm) in a URL,
 * other SSE headers hoisted into a URL's query (S3 wants them as signed headers; the SDKs never
 * hoist them), and SSE-KMS with a SigV2 signature, which S3 refuses. An SSE header sent but not
 * signed is checkRequest's x-amz-header-not-signed.
 */
export function checkSse(
	evidence: Evidence,
	auth: ParsedAuthorization | undefined,
	url: ParsedSignedUrl | undefined,
	list: FindingList
): void {
	const inRequest = new Set(queryNames(evidence.request.url));
	const inQuery = [...new Set([...inRequest, ...queryNames(evidence.provided?.signedUrl)])];
	// The request line is line 1 of the raw request; a URL given only on its own has no line.
	const lineOf = (names: string[]) => (names.some((n) => inRequest.has(n)) ? { line: 1 } : {});

	const keys = inQuery.filter((n) => SSE_C.test(n));
	if (keys.length > 0) {
		list.add(
			'sse-customer-key-in-url',
			{
				...lineOf(keys),
				message: `The URL's query carries ${listQuoted(keys)}: an SSE-C key in a URL ends up in server logs, browser history and Referer headers, and S3 expects it as a signed header ("you must provide all the encryption headers in your client application's request").`,
				fix: 'Sign the x-amz-server-side-encryption-customer-* values as headers (X-Amz-SignedHeaders) and have the client send them as HTTP headers with the URL; take them out of the query.'
			},
			'sse-c-in-url'
		);
	}
	const hoisted = inQuery.filter((n) => SSE.test(n) && !SSE_C.test(n));
	if (hoisted.length > 0) {
		list.add(
			'header-hoisted-to-query',
			{
				...lineOf(hoisted),
				message: `${listQuoted(hoisted)} ${hoisted.length === 1 ? 'is' : 'are'} in the query; S3 reads server-side encryption only from signed headers, so the request fails or is stored without the encryption asked for.`,
				fix: 'Presign with these as headers (in X-Amz-SignedHeaders; the AWS SDKs list them as unhoistable) and send them as HTTP headers with exactly the signed values.'
			},
			'sse-hoisted'
		);
	}

	checkSseOnRead(evidence, auth, url, list);

	const sigv2 = auth?.sigv2 !== undefined || (url?.sigv2.length ?? 0) > 0 || (evidence.sigv2Fields?.length ?? 0) > 0;
	if (!sigv2) return;
	const headers = evidence.request.headers ?? [];
	const lines = requestHeaderLines(headers);
	const index = headers.findIndex(([n, v]) => isKms(n.toLowerCase(), v));
	const formKms = (evidence.form ?? []).some(([n, v]) => isKms(n.toLowerCase(), v));
	if (index < 0 && !formKms && !inQuery.some((n) => KMS_HEADERS.has(n))) return;
	list.add(
		'sse-kms-with-sigv2',
		{
			...(index >= 0 ? { line: lines[index]! } : {}),
			message:
				'The request asks for SSE-KMS but is signed with Signature Version 2: S3 answers "Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4."',
			fix: 'Sign with SigV4 (AWS4-HMAC-SHA256): in older SDKs set signature_version=s3v4.'
		},
		'sse-kms-sigv2'
	);
}

/** SSE-S3 and SSE-KMS request headers (the SSE-C trio is another matter: GET and HEAD need it). */
const SSE_WRITE = /^x-amz-server-side-encryption(?:$|-aws-kms-key-id$|-context$|-bucket-key-enabled$)/;

/**
 * An SSE-S3/SSE-KMS header sent or signed on an S3 GET or HEAD: S3 answers 400 "The encryption
 * method specified is not supported" (x-amz-server-side-encryption is not supported for this
 * operation). S3 decrypts such objects without any header; only SSE-C sends its three headers on
 * a read. So a presigned GET that signs the header cannot be used at all: sending the header is
 * refused, not sending it fails the signature.
 */
function checkSseOnRead(
	evidence: Evidence,
	auth: ParsedAuthorization | undefined,
	url: ParsedSignedUrl | undefined,
	list: FindingList
): void {
	const method = evidence.request.method.toUpperCase();
	if ((method !== 'GET' && method !== 'HEAD') || evidence.params.service !== 's3') return;
	const headers = evidence.request.headers ?? [];
	const sent = headers.map(([n]) => n.toLowerCase()).filter((n) => SSE_WRITE.test(n));
	const signed = (userSignedHeaders(auth, url)?.names ?? []).filter((n) => SSE_WRITE.test(n));
	const names = [...new Set([...sent, ...signed])];
	if (names.length === 0) return;
	const index = headers.findIndex(([n]) => SSE_WRITE.test(n.toLowerCase()));
	const lines = requestHeaderLines(headers);
	const what = evidence.mode === 'query' ? 'presigned URL' : 'request';
	list.add(
		'sse-header-on-get',
		{
			severity: 'warning',
			...(index >= 0 ? { line: lines[index]! } : {}),
			message: `This ${method} ${sent.length > 0 ? 'sends' : 'signs'} ${listQuoted(names)}: S3 accepts SSE-S3 and SSE-KMS headers only when it writes an object (PUT, POST, copy, multipart). On ${method} it answers 400 ("x-amz-server-side-encryption header is not supported for this operation") and decrypts SSE-S3/SSE-KMS objects without any header. Only SSE-C sends its three customer headers on a ${method}.`,
			fix: `${evidence.mode === 'query' ? `Presign the ${method} without` : `Do not send or sign`} ${listQuoted(names)}${evidence.mode === 'query' ? ` (X-Amz-SignedHeaders=host is enough); a ${what} that signs them works neither with the header (400) nor without it (SignatureDoesNotMatch)` : ''}.`
		},
		'sse-on-read'
	);
}
