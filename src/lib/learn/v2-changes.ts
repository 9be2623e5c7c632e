import { ALGORITHM } from '../sigv4/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { StepIds } from './step-ids.ts';
import type { LearnInputV2, LearnStep } from './types.ts';

/** One row of "what changed": what SigV2 did for this request, and what SigV4 does instead. */
export interface V2Change {
	topic: string;
	sigv2: string;
	sigv4: string;
}

/** The differences a developer moving this request from SigV2 to SigV4 has to make, with this request's own values where it has them. */
export function v2Changes({ trace, v4 }: Pick<LearnInputV2, 'trace' | 'v4'>): V2Change[] {
	const s3 = trace.flavor === 's3';
	const presigned = trace.mode === 'query';
	const scope = v4?.credentialScope ?? 'date/region/service/aws4_request';
	const rows: V2Change[] = [
		{
			topic: 'Algorithm',
			sigv2: trace.algorithm === 'HmacSHA1' ? 'HMAC-SHA1' : 'HmacSHA256 (SignatureMethod)',
			sigv4: `${ALGORITHM}: HMAC-SHA256, always`
		},
		{
			topic: 'Key',
			sigv2: 'the secret access key itself',
			sigv4: `kSigning, an HMAC chain from "AWS4" + secret over ${scope.split('/').slice(0, 3).join(', ')} and aws4_request`
		},
		{
			topic: 'Time',
			sigv2:
				presigned && s3
					? 'Expires (seconds since 1970)'
					: s3
						? 'the Date header (RFC 1123), or x-amz-date'
						: 'the Timestamp parameter (ISO 8601)',
			sigv4: `X-Amz-Date ${v4?.datetime ?? 'YYYYMMDDTHHMMSSZ'}, and its date in the scope${presigned ? '; X-Amz-Expires in seconds, at most 7 days' : ''}`
		},
		{ topic: 'Scope', sigv2: 'none: a signature is valid in every region', sigv4: `${scope}: one day, one region, one service` },
		{
			topic: 'Headers signed',
			sigv2: s3 ? 'Content-MD5, Content-Type and x-amz-* only' : 'none (only the host, path and parameters)',
			sigv4: `those named in SignedHeaders${v4 ? ` (${v4.signedHeaders.join(';')})` : ''}, host always`
		},
		{
			topic: 'Body',
			sigv2: s3 ? 'only through Content-MD5, when sent' : 'only a POST form, as parameters',
			sigv4: `its SHA-256, the canonical request's last line${v4 ? ` (${v4.payloadHash})` : ''}`
		},
		{
			topic: 'What is signed',
			sigv2: s3
				? `lines of headers and the resource ${trace.canonicalizedResource ?? ''} (bucket in it)`
				: 'method, host, path and the sorted parameters',
			sigv4:
				'a canonical request: method, canonical URI, every query parameter sorted, headers, signed header names, payload hash; then a string to sign over its hash'
		},
		{ topic: 'Signature', sigv2: `base64 (${trace.signature.length} characters)`, sigv4: '64 lowercase hex digits' },
		{
			topic: 'Where it goes',
			sigv2:
				trace.authorization !== undefined
					? 'Authorization: AWS key:signature'
					: s3
						? 'AWSAccessKeyId, Expires, Signature in the URL'
						: 'Signature= among the parameters',
			sigv4:
				presigned || !s3
					? 'X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders and -Signature in the URL, or the Authorization header'
					: `Authorization: ${ALGORITHM} Credential=…, SignedHeaders=…, Signature=…`
		}
	];
	return rows;
}

/** The last step of the SigV2 track: the same request under SigV4, row by row. */
export function whatChangedStep(input: LearnInputV2, ids: StepIds): LearnStep {
	const rows = v2Changes(input);
	return {
		id: ids.take('v2-to-v4'),
		title: 'What changed in SigV4',
		reads: input.trace.stringToSign,
		output: rows.map((r) => `${r.topic}\n  SigV2: ${r.sigv2}\n  SigV4: ${r.sigv4}`).join('\n'),
		explanation:
			'SigV4 signs much more of the request and ties each signature to a day, a region and a service. Moving a signer over means ' +
			'changing each row below; the SigV4 track on this page walks the same request through every SigV4 stage.',
		docUrl: DOC_URLS.canonicalRequest,
		mistakes: ['sigv2-request', 'sigv2-fields-in-sigv4']
	};
}
