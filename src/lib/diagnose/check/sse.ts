import { decodedKey, splitQuery } from '../../sigv4/index.ts';
import { requestHeaderLines } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import type { ParsedAuthorization, ParsedSignedUrl } from '../../parse/index.ts';
import { listQuoted } from '../../findings/index.ts';
import type { Evidence } from '../types.ts';

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
