// One case per POST-policy and server-side-encryption finding code (issue 6): evidence with exactly
// that mistake, and where the finding points. diagnose-post-sse.test.ts runs them; diagnose-codes
// counts their codes as covered.
import type { FindingCode } from '../../src/lib/findings/index.ts';
import type { Evidence, Finding, Stage } from '../../src/lib/diagnose/types.ts';
import { buildPolicy, presignUrl, signPostPolicy, sseHeaders, type Header, type PostPolicyTrace } from '../../src/lib/sigv4/index.ts';
import { hmacHex, NOW, request, s3Params, toHex } from './diagnose-helpers.ts';

export interface PostSseCase {
	code: FindingCode;
	name: string;
	evidence: () => Promise<Evidence>;
	stage: Stage;
	line?: number;
	severity?: Finding['severity'];
	confirmed?: boolean;
	message?: RegExp;
}

export const BUCKET_URL = 'https://examplebucket.s3.amazonaws.com/';
export const SSE_C_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)).toString('base64');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const POLICY = buildPolicy({
	expiration: '2015-08-31T00:00:00.000Z',
	bucket: 'examplebucket',
	keyStartsWith: 'user/',
	contentType: 'image/jpeg',
	contentLengthRange: [0, 1048576]
});
export const FIELDS: Header[] = [
	['key', 'user/a.jpg'],
	['Content-Type', 'image/jpeg']
];

export function postTrace(policy = POLICY, fields = FIELDS): Promise<PostPolicyTrace> {
	return signPostPolicy({ policy, fields }, s3Params());
}

/** The form as a browser sends it: the trace's fields with some replaced or added. */
export function postEvidence(fields: Header[], over: Partial<Evidence> = {}): Evidence {
	return { request: request('POST', BUCKET_URL), params: s3Params(), mode: 'header', now: NOW, form: fields, ...over };
}

const replaced = (fields: Header[], name: string, value: string): Header[] => fields.map(([n, v]) => [n, n === name ? value : v]);

const S3_OBJECT = 'https://examplebucket.s3.amazonaws.com/photos/a.jpg';

/** A presigned URL made from a request whose URL already carries `query`: the signature is right, the placement wrong. */
async function presignedWith(query: string, method = 'GET'): Promise<Evidence> {
	const req = request(method, `${S3_OBJECT}?${query}`);
	const t = await presignUrl(req, s3Params());
	return { request: request(method, t.signedUrl!), params: s3Params(), mode: 'query', now: NOW, provided: { signedUrl: t.signedUrl! } };
}

export const POST_SSE_CASES: PostSseCase[] = [
	{
		code: 'post-policy-json-signed',
		name: 'x-amz-signature is HMAC(kSigning, policy JSON)',
		evidence: async () => {
			const t = await postTrace();
			return postEvidence(
				replaced(t.fields, 'x-amz-signature', toHex(await hmacHex(Buffer.from(t.keyChain.kSigning, 'hex'), t.policyJson)))
			);
		},
		stage: 'string-to-sign',
		line: 1,
		confirmed: true
	},
	{
		code: 'post-policy-json-signed',
		name: 'the string to sign given is the policy JSON',
		evidence: async () => {
			const t = await postTrace();
			return postEvidence(replaced(t.fields, 'x-amz-signature', 'f'.repeat(64)), { provided: { stringToSign: t.policyJson } });
		},
		stage: 'string-to-sign',
		line: 1
	},
	{
		code: 'post-policy-line-endings',
		name: 'signed the LF policy, sent the base64 of its CRLF text',
		evidence: async () => {
			const t = await postTrace();
			return postEvidence(replaced(t.fields, 'policy', base64(t.policyJson.replace(/\n/g, '\r\n'))));
		},
		stage: 'string-to-sign',
		line: 1,
		confirmed: true
	},
	{
		code: 'post-field-not-in-policy',
		name: 'x-amz-meta-extra sent, no condition names it (x-ignore-note is exempt)',
		evidence: async () => {
			const t = await postTrace();
			return postEvidence([...t.fields, ['x-amz-meta-extra', '1'], ['x-ignore-note', 'free']]);
		},
		stage: 'request',
		message: /Extra input fields: x-amz-meta-extra/
	},
	{
		code: 'post-policy-expired',
		name: 'expiration the day before the request time',
		evidence: async () => {
			const t = await postTrace(POLICY.replace('2015-08-31T00:00:00.000Z', '2015-08-29T00:00:00.000Z'));
			return postEvidence(t.fields);
		},
		stage: 'request',
		message: /Policy expired/
	},
	{
		code: 'sigv2-fields-in-sigv4',
		name: 'a SigV4 form from signPostPolicy with AWSAccessKeyId and signature added',
		evidence: async () => {
			const t = await postTrace();
			return postEvidence([...t.fields, ['AWSAccessKeyId', 'AKIDEXAMPLE'], ['signature', 'frJIUN8DYpKDtOLCwo//yllqDzg=']]);
		},
		stage: 'request'
	},
	{
		code: 'hex-intermediate-keys',
		name: 'the base64 policy signed with the hex text of kSigning as the key',
		evidence: async () => {
			const t = await postTrace();
			return postEvidence(replaced(t.fields, 'x-amz-signature', toHex(await hmacHex(t.keyChain.kSigning, t.policyBase64))));
		},
		stage: 'signing-key',
		confirmed: true
	},
	{
		code: 'sse-customer-key-in-url',
		name: 'SSE-C algorithm, key and key MD5 presigned into the query',
		evidence: async () => {
			const q = sseHeaders({ type: 'SSE-C', key: SSE_C_KEY })
				.map(([n, v]) => `${n}=${encodeURIComponent(v)}`)
				.join('&');
			return presignedWith(q);
		},
		stage: 'request',
		line: 1
	},
	{
		code: 'sse-header-on-get',
		name: 'a presigned GET that signs x-amz-server-side-encryption: aws:kms (ux-review-2 story 1)',
		evidence: async () => {
			const t = await presignUrl(request('GET', S3_OBJECT, [['x-amz-server-side-encryption', 'aws:kms']]), s3Params());
			return { request: request('GET', t.signedUrl!), params: s3Params(), mode: 'query', now: NOW, provided: { signedUrl: t.signedUrl! } };
		},
		stage: 'request',
		severity: 'warning',
		message: /only SSE-C sends its three customer headers/i
	},
	{
		code: 'header-hoisted-to-query',
		name: 'x-amz-server-side-encryption=aws:kms hoisted into a presigned PUT URL',
		evidence: () => presignedWith('x-amz-server-side-encryption=aws%3Akms', 'PUT'),
		stage: 'request',
		line: 1
	},
	{
		code: 'sse-kms-with-sigv2',
		name: 'x-amz-server-side-encryption: aws:kms with Authorization: AWS AKID:sig',
		evidence: async () => ({
			request: request('PUT', S3_OBJECT, [
				['Content-Type', 'image/jpeg'],
				['x-amz-server-side-encryption', 'aws:kms']
			]),
			params: s3Params(),
			mode: 'header',
			now: NOW,
			provided: { authorization: 'AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=' }
		}),
		stage: 'request',
		line: 3,
		message: /require AWS Signature Version 4/
	},
	{
		code: 'x-amz-header-not-signed',
		name: 'presigned PUT signing host only, sent with x-amz-server-side-encryption: AES256',
		evidence: async () => {
			const t = await presignUrl(request('PUT', S3_OBJECT), s3Params());
			return {
				request: request('PUT', t.signedUrl!, [['x-amz-server-side-encryption', 'AES256']]),
				params: s3Params(),
				mode: 'query',
				now: NOW,
				provided: { signedUrl: t.signedUrl! }
			};
		},
		stage: 'request',
		line: 2,
		message: /HeadersNotSigned/
	}
];
