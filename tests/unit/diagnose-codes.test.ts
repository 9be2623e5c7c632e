// One test per finding code: a request (or the user's stages) with exactly that mistake, and the
// finding diagnose names for it, with its stage and line. The last test checks that every code of
// FINDING_CODES is covered here or by the POST/SSE cases that diagnose-post-sse.test.ts runs (and the
// aws-chunked and checksum cases diagnose-chunked.test.ts runs).
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../src/lib/findings/index.ts';
import { CODE_IN_ONLY_CODES } from '../../src/lib/code-in/index.ts';
import type { Finding, Stage } from '../../src/lib/diagnose/types.ts';
import {
	diagnoseScenario,
	FALLBACK_CODES,
	findingOf,
	hexToBase64,
	hmacHex,
	NOW,
	params,
	replaceLine,
	request,
	s3Params,
	SECRET,
	sha256Hex,
	sign,
	toHex,
	type Scenario
} from './diagnose-helpers.ts';
import { BUCKET_URL, FIELDS, POLICY, POST_SSE_CASES } from './diagnose-post-sse-cases.ts';
import { CHUNKED_CODES } from './diagnose-chunked-cases.ts';
import { V4A_CASES } from './diagnose-v4a-cases.ts';
import { S3_EXPRESS_CASES } from './s3-express-cases.ts';
import { WEBSOCKET_CASES } from './websocket-cases.ts';
import { AUTH_TOKEN_CODES } from './auth-token-codes.ts';
import { signPostPolicy } from '../../src/lib/sigv4/index.ts';

interface Case {
	code: FindingCode;
	name: string;
	scenario: Scenario | (() => Promise<Scenario>);
	stage: Stage;
	line?: number;
	severity?: Finding['severity'];
	confirmed?: boolean;
}

const GET = request('GET', 'https://example.amazonaws.com/');
const AOSS_PUT = request(
	'PUT',
	'https://abc123def456ghi789jk.us-east-1.aoss.amazonaws.com/movies/_doc/1',
	[['Content-Type', 'application/json']],
	'{"title":"Moneyball"}'
);
const LAMBDA_URL_POST = request(
	'POST',
	'https://q3xvzk7hwl5nqc2zrm6p4yjtdy0xsnqb.lambda-url.us-east-1.on.aws/user/sign-in',
	[['Content-Type', 'application/json']],
	'{"email":"a@example.com"}'
);
/** AWS IoT's MQTT over WebSocket: the service wants the session token appended after signing. */
const IOT_MQTT = request('GET', 'https://example-ats.iot.us-east-1.amazonaws.com/mqtt');
const IOT_PARAMS = params({
	service: 'iotdevicegateway',
	credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: 'TOKEN/EXAMPLE+' }
});
const S3_GET = request('GET', 'https://examplebucket.s3.amazonaws.com/photos/a.jpg');
const cr = (edit: (text: string) => string) => (t: { canonicalRequest: string }) => ({ canonicalRequest: edit(t.canonicalRequest) });
const sts = (edit: (text: string) => string) => (t: { stringToSign: string }) => ({ stringToSign: edit(t.stringToSign) });
const withAuthorization = (edit: (text: string) => string) => (t: { authorization?: string }) => ({
	authorization: edit(t.authorization!)
});

/** The signing key of a chain of steps: each step takes the previous key and a scope part. */
async function chain(
	first: Uint8Array,
	parts: string[],
	step: (key: Uint8Array, data: string) => Promise<Uint8Array>
): Promise<Uint8Array> {
	let key = first;
	for (const part of parts) key = await step(key, part);
	return key;
}
const enc = (s: string) => new TextEncoder().encode(s);
const SCOPE = ['20150830', 'us-east-1', 'service', 'aws4_request'];
/** The user's signature over the correct string to sign, with the key made some wrong way. */
const signedWith =
	(key: () => Promise<Uint8Array>, final?: (key: Uint8Array, sts: string) => Promise<Uint8Array>) =>
	async (t: { stringToSign: string }) => {
		const k = await key();
		return { stringToSign: t.stringToSign, signature: toHex(final ? await final(k, t.stringToSign) : await hmacHex(k, t.stringToSign)) };
	};

const cases: Case[] = [
	// ------------------------------------------------------------------ canonical URI
	{
		code: 'path-not-double-encoded',
		name: 'non-S3 path /a%20b signed as /a%20b (correct: /a%2520b)',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/a%20b'),
			params: params(),
			provided: cr((t) => replaceLine(t, 2, '/a%20b'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'path-double-encoded',
		name: 'S3 key a%20b.jpg signed as /a%2520b.jpg',
		scenario: {
			request: request('GET', 'https://examplebucket.s3.amazonaws.com/a%20b.jpg'),
			params: s3Params(),
			provided: cr((t) => replaceLine(t, 2, '/a%2520b.jpg'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 's3-path-normalized',
		name: 'S3 path //2015/./a.jpg signed normalized',
		scenario: {
			request: request('GET', 'https://examplebucket.s3.amazonaws.com/photos//2015/./a.jpg'),
			params: s3Params(),
			provided: cr((t) => replaceLine(t, 2, '/photos/2015/a.jpg'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'path-not-normalized',
		name: 'non-S3 path with dot segments signed as sent',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/a/./b/../c'),
			params: params(),
			provided: cr((t) => replaceLine(t, 2, '/a/./b/../c'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'plus-in-s3-key',
		name: 'S3 key this+that.jpg signed as /this%20that.jpg',
		scenario: {
			request: request('GET', 'https://examplebucket.s3.amazonaws.com/this+that.jpg'),
			params: s3Params(),
			provided: cr((t) => replaceLine(t, 2, '/this%20that.jpg'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'path-not-encoded',
		name: 'S3 key test$file.text signed with a raw "$"',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/test$file.text', [], 'Welcome to Amazon S3.'),
			params: s3Params(),
			provided: cr((t) => replaceLine(t, 2, '/test$file.text'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'unreserved-encoded',
		name: '"~" signed as %7E',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/~user'),
			params: params(),
			provided: cr((t) => replaceLine(t, 2, '/%7Euser'))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'percent-hex-lowercase',
		name: 'UTF-8 path escaped in lowercase hex',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/ሴ'),
			params: params(),
			provided: cr((t) => replaceLine(t, 2, '/%e1%88%b4'))
		},
		stage: 'canonical-request',
		line: 2
	},
	// ------------------------------------------------------------------ canonical query
	{
		code: 'query-not-sorted',
		name: 'b=2&a=1 left in request order',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/?b=2&a=1'),
			params: params(),
			provided: cr((t) => replaceLine(t, 3, 'b=2&a=1'))
		},
		stage: 'canonical-request',
		line: 3
	},
	{
		code: 'query-not-encoded',
		name: 'graph=urn:uuid:1 signed with raw ":"',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/?graph=urn:uuid:1'),
			params: params(),
			provided: cr((t) => replaceLine(t, 3, 'graph=urn:uuid:1'))
		},
		stage: 'canonical-request',
		line: 3
	},
	{
		code: 'query-plus-for-space',
		name: 'q=a%20b signed as q=a+b',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/?q=a%20b'),
			params: params(),
			provided: cr((t) => replaceLine(t, 3, 'q=a+b'))
		},
		stage: 'canonical-request',
		line: 3
	},
	{
		code: 'query-missing-equals',
		name: '?acl signed as "acl"',
		scenario: {
			request: request('GET', 'https://examplebucket.s3.amazonaws.com/?acl'),
			params: s3Params(),
			provided: cr((t) => replaceLine(t, 3, 'acl'))
		},
		stage: 'canonical-request',
		line: 3
	},
	{
		code: 'query-line-missing',
		name: 'no query: the empty third line left out',
		scenario: { request: GET, params: params(), provided: cr((t) => t.replace('/\n\n', '/\n')) },
		stage: 'canonical-request',
		line: 3
	},
	// ------------------------------------------------------------------ canonical headers
	{
		code: 'headers-not-sorted',
		name: 'S3: x-amz-date before x-amz-content-sha256',
		scenario: {
			request: S3_GET,
			params: s3Params(),
			provided: cr((t) => {
				const lines = t.split('\n');
				[lines[4], lines[5]] = [lines[5]!, lines[4]!];
				return lines.join('\n');
			})
		},
		stage: 'canonical-request',
		line: 6
	},
	{
		code: 'header-name-not-lowercase',
		name: 'line 5 "X-Amz-Date:20150830T123600Z"',
		scenario: { request: GET, params: params(), provided: cr((t) => t.replace('x-amz-date:', 'X-Amz-Date:')) },
		stage: 'canonical-request',
		line: 5
	},
	{
		code: 'header-value-not-trimmed',
		name: '"a   b" not collapsed',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/', [['My-Header1', '  a   b ']]),
			params: params(),
			provided: cr((t) => t.replace('my-header1:a b', 'my-header1:a   b'))
		},
		stage: 'canonical-request',
		line: 5
	},
	{
		code: 'header-values-joined-wrong',
		name: 'repeated header values sorted before joining',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/', [
				['My-Header1', 'value2'],
				['My-Header1', 'value2'],
				['My-Header1', 'value1']
			]),
			params: params(),
			provided: cr((t) => t.replace('my-header1:value2,value2,value1', 'my-header1:value1,value2,value2'))
		},
		stage: 'canonical-request',
		line: 5
	},
	{
		code: 'signed-headers-mismatch',
		name: 'SignedHeaders line leaves out my-header1',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/', [['My-Header1', 'a']]),
			params: params(),
			provided: cr((t) => t.replace('host;my-header1;x-amz-date', 'host;x-amz-date'))
		},
		stage: 'canonical-request',
		line: 8
	},
	{
		code: 'signed-header-absent',
		name: 'Authorization signs content-type, which the request does not send',
		scenario: {
			request: GET,
			params: params(),
			provided: withAuthorization((a) => a.replace('SignedHeaders=host;', 'SignedHeaders=content-type;host;'))
		},
		stage: 'request'
	},
	{
		code: 'x-amz-header-not-signed',
		name: 'x-amz-server-side-encryption sent, not in SignedHeaders',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['X-Amz-Server-Side-Encryption', 'AES256']], 'hi'),
			params: s3Params(),
			provided: withAuthorization((a) => a.replace(';x-amz-server-side-encryption', ''))
		},
		stage: 'request',
		line: 2
	},
	{
		code: 'header-added-after-signing',
		name: 'content-type signed as text/plain, sent as application/json',
		scenario: {
			request: request('POST', 'https://example.amazonaws.com/', [['Content-Type', 'application/json']], '{}'),
			params: params(),
			provided: cr((t) => t.replace('content-type:application/json', 'content-type:text/plain'))
		},
		stage: 'canonical-request',
		line: 4
	},
	{
		code: 'host-port-mismatch',
		name: 'host signed with the default port :443',
		scenario: {
			request: GET,
			params: params(),
			provided: cr((t) => t.replace('host:example.amazonaws.com', 'host:example.amazonaws.com:443'))
		},
		stage: 'canonical-request',
		line: 4
	},
	{
		code: 'host-mismatch',
		name: 'host signed for another endpoint',
		scenario: {
			request: GET,
			params: params(),
			provided: cr((t) => t.replace('host:example.amazonaws.com', 'host:d111111abcdef8.cloudfront.net'))
		},
		stage: 'canonical-request',
		line: 4
	},
	{
		code: 'host-not-signed',
		name: 'no host line, host not in SignedHeaders',
		scenario: {
			request: GET,
			params: params(),
			provided: cr((t) => t.replace('host:example.amazonaws.com\n', '').replace('host;x-amz-date', 'x-amz-date'))
		},
		stage: 'canonical-request',
		line: 4
	},
	{
		code: 'unsignable-header-signed',
		name: 'User-Agent signed',
		scenario: async () => {
			const req = request('GET', 'https://example.amazonaws.com/', [['User-Agent', 'aws-cli/2.0']]);
			const t = await sign(req, params({ signedHeaders: ['host', 'user-agent', 'x-amz-date'] }));
			return { request: req, params: params(), provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request',
		line: 2,
		severity: 'warning'
	},
	{
		code: 'header-value-non-ascii',
		name: 'x-amz-meta-name: café',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['X-Amz-Meta-Name', 'café']], 'hi'),
			params: s3Params(),
			provided: (t) => ({ authorization: t.authorization! })
		},
		stage: 'request',
		line: 2,
		severity: 'warning'
	},
	{
		code: 'lone-surrogate',
		name: 'x-amz-meta-name: half of an emoji (U+D83D alone)',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['X-Amz-Meta-Name', 'smile \ud83d']], 'hi'),
			params: s3Params(),
			provided: (t) => ({ authorization: t.authorization! })
		},
		stage: 'request',
		line: 2,
		severity: 'warning'
	},
	// ------------------------------------------------------------------ payload
	{
		code: 'payload-hash-mismatch',
		name: 'body "hello" signed with the empty-body hash',
		scenario: {
			request: request('POST', 'https://example.amazonaws.com/', [], 'hello'),
			params: params(),
			provided: cr((t) => replaceLine(t, 8, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'))
		},
		stage: 'canonical-request',
		line: 8
	},
	{
		code: 'payload-hash-missing',
		name: 'S3 request signed without x-amz-content-sha256',
		scenario: async () => {
			const t = await sign(S3_GET, s3Params({ contentSha256Header: false }));
			return { request: S3_GET, params: s3Params(), provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request'
	},
	{
		code: 'payload-hash-missing',
		name: 'OpenSearch Serverless (aoss) PUT sent without x-amz-content-sha256',
		scenario: async () => {
			const p = params({ service: 'aoss' });
			// The signer left the header out; the registry knows aoss requires it.
			const t = await sign(AOSS_PUT, { ...p, contentSha256Header: false });
			return { request: t.request, params: p, provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request'
	},
	{
		code: 'payload-hash-missing',
		name: 'Lambda function URL POST (CloudFront OAC) without x-amz-content-sha256',
		scenario: async () => {
			const p = params({ service: 'lambda' });
			const t = await sign(LAMBDA_URL_POST, p);
			return { request: t.request, params: p, provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request'
	},
	{
		code: 'payload-hash-base64',
		name: 'payload hash line in base64',
		scenario: { request: GET, params: params(), provided: cr((t) => replaceLine(t, 8, hexToBase64(t.split('\n')[7]!))) },
		stage: 'canonical-request',
		line: 8
	},
	{
		code: 'payload-hash-uppercase',
		name: 'payload hash line in uppercase hex',
		scenario: { request: GET, params: params(), provided: cr((t) => replaceLine(t, 8, (l) => l.toUpperCase())) },
		stage: 'canonical-request',
		line: 8
	},
	{
		code: 'unsigned-payload-misuse',
		name: 'S3 presigned URL signed with the body hash instead of UNSIGNED-PAYLOAD',
		scenario: {
			request: S3_GET,
			params: s3Params(),
			mode: 'query',
			provided: cr((t) => replaceLine(t, 7, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'))
		},
		stage: 'canonical-request',
		line: 7
	},
	// ------------------------------------------------------------------ text shape
	{
		code: 'crlf-line-endings',
		name: 'canonical request joined with CR LF',
		scenario: { request: GET, params: params(), provided: cr((t) => t.replace(/\n/g, '\r\n')) },
		stage: 'canonical-request',
		line: 1
	},
	{
		code: 'missing-blank-line',
		name: 'no blank line after the headers',
		scenario: { request: GET, params: params(), provided: cr((t) => t.replace('\n\nhost;', '\nhost;')) },
		stage: 'canonical-request',
		line: 6
	},
	{
		code: 'method-not-uppercase',
		name: 'method "get"',
		scenario: { request: GET, params: params(), provided: cr((t) => replaceLine(t, 1, 'get')) },
		stage: 'canonical-request',
		line: 1
	},
	{
		code: 'trailing-newline',
		name: 'a line break after the payload hash',
		scenario: { request: GET, params: params(), provided: cr((t) => t + '\n') },
		stage: 'canonical-request',
		line: 9
	},
	{
		code: 'canonical-request-differs',
		name: 'signed POST, sends GET',
		scenario: { request: GET, params: params(), provided: cr((t) => replaceLine(t, 1, 'POST')) },
		stage: 'canonical-request',
		line: 1
	},
	// ------------------------------------------------------------------ date and time
	{
		code: 'timestamp-12-hour-clock',
		name: 'string to sign at 01:36 for 13:36',
		scenario: {
			request: GET,
			params: params({ datetime: '20150830T133600Z' }),
			now: new Date('2015-08-30T13:36:00Z'),
			provided: sts((t) => replaceLine(t, 2, '20150830T013600Z'))
		},
		stage: 'string-to-sign',
		line: 2
	},
	{
		code: 'timestamp-malformed',
		name: 'ISO 8601 with separators in the string to sign',
		scenario: { request: GET, params: params(), provided: sts((t) => replaceLine(t, 2, '2015-08-30T12:36:00Z')) },
		stage: 'string-to-sign',
		line: 2
	},
	{
		code: 'timestamp-scope-date-mismatch',
		name: 'scope date the day after the timestamp',
		scenario: { request: GET, params: params(), provided: sts((t) => t.replace('20150830/', '20150831/')) },
		stage: 'string-to-sign',
		line: 3
	},
	{
		code: 'timestamp-mismatch',
		name: 'string to sign one second after X-Amz-Date',
		scenario: { request: GET, params: params(), provided: sts((t) => replaceLine(t, 2, '20150830T123601Z')) },
		stage: 'string-to-sign',
		line: 2
	},
	{
		code: 'clock-skew',
		name: 'request 20 minutes behind the time checked against',
		scenario: { request: GET, params: params(), now: new Date(NOW.getTime() + 20 * 60_000) },
		stage: 'request'
	},
	{
		code: 'presign-expired',
		name: 'presigned URL used one second after it expired',
		scenario: { request: S3_GET, params: s3Params({ expiresIn: 3600 }), mode: 'query', now: new Date(NOW.getTime() + 3601_000) },
		stage: 'request'
	},
	{
		code: 'presign-expires-too-long',
		name: 'X-Amz-Expires=700000',
		scenario: { request: S3_GET, params: s3Params({ expiresIn: 700000 }), mode: 'query' },
		stage: 'request'
	},
	{
		code: 'session-token-missing',
		name: 'temporary access key (ASIA…) without a token',
		scenario: { request: GET, params: params({ credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET } }) },
		stage: 'request'
	},
	{
		code: 'session-token-added-after-signing',
		name: 'x-amz-security-token header sent, not signed',
		scenario: async () => {
			const p = params({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, sessionToken: 'TOKEN' } });
			const req = request('GET', 'https://example.amazonaws.com/', [['X-Amz-Security-Token', 'TOKEN']]);
			const t = await sign(req, { ...p, signSessionToken: false });
			return { request: req, params: p, provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request',
		line: 2
	},
	// ------------------------------------------------------------------ string to sign
	{
		code: 'hash-base64-not-hex',
		name: 'canonical request hash in base64',
		scenario: { request: GET, params: params(), provided: sts((t) => replaceLine(t, 4, (h) => hexToBase64(h))) },
		stage: 'string-to-sign',
		line: 4
	},
	{
		code: 'hex-uppercase',
		name: 'canonical request hash in uppercase hex',
		scenario: { request: GET, params: params(), provided: sts((t) => replaceLine(t, 4, (h) => h.toUpperCase())) },
		stage: 'string-to-sign',
		line: 4
	},
	{
		code: 'raw-canonical-request-in-sts',
		name: 'the canonical request itself instead of its hash',
		scenario: {
			request: GET,
			params: params(),
			provided: async (t) => ({ stringToSign: t.stringToSign.split('\n').slice(0, 3).join('\n') + '\n' + t.canonicalRequest })
		},
		stage: 'string-to-sign',
		line: 4
	},
	{
		code: 'algorithm-line-wrong',
		name: 'AWS4-HMAC-SHA1',
		scenario: { request: GET, params: params(), provided: sts((t) => replaceLine(t, 1, 'AWS4-HMAC-SHA1')) },
		stage: 'string-to-sign',
		line: 1
	},
	{
		code: 'scope-region-mismatch',
		name: 'scope for us-west-2, request for us-east-1',
		scenario: { request: GET, params: params(), provided: sts((t) => t.replace('/us-east-1/', '/us-west-2/')) },
		stage: 'string-to-sign',
		line: 3
	},
	{
		code: 'host-signs-as',
		name: 'Bedrock runtime signed as "bedrock-runtime" (its host prefix), not its signing name "bedrock"',
		scenario: async () => {
			const req = request('POST', 'https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke', [], '{}');
			const p = params({ service: 'bedrock-runtime' });
			const t = await sign(req, p);
			return { request: t.request, params: p, provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request'
	},
	{
		code: 'service-signs-in-fixed-region',
		name: 'IAM (global endpoint) signed for eu-west-1; IAM signs in us-east-1',
		scenario: async () => {
			const req = request('GET', 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08');
			const p = params({ service: 'iam', region: 'eu-west-1' });
			const t = await sign(req, p);
			return { request: t.request, params: p, provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'request'
	},
	{
		code: 'scope-service-mismatch',
		name: 'scope for es, request for aoss',
		scenario: {
			request: request('GET', 'https://abc123.us-east-1.aoss.amazonaws.com/'),
			params: params({ service: 'aoss' }),
			provided: sts((t) => t.replace('/aoss/', '/es/'))
		},
		stage: 'string-to-sign',
		line: 3
	},
	{
		code: 'scope-terminator-wrong',
		name: 'scope ending in aws4_requests',
		scenario: { request: GET, params: params(), provided: sts((t) => t.replace('aws4_request', 'aws4_requests')) },
		stage: 'string-to-sign',
		line: 3
	},
	{
		code: 'string-to-sign-differs',
		name: 'hash line of some other canonical request',
		scenario: {
			request: GET,
			params: params(),
			provided: async (t) => ({ stringToSign: replaceLine(t.stringToSign, 4, await sha256Hex('something else')) })
		},
		stage: 'string-to-sign',
		line: 4
	},
	// ------------------------------------------------------------------ keys and signature
	{
		code: 'signing-key-missing-aws4-prefix',
		name: 'key chain started with the bare secret',
		scenario: { request: GET, params: params(), provided: signedWith(() => chain(enc(SECRET), SCOPE, hmacHex)) },
		stage: 'signing-key',
		confirmed: true
	},
	{
		code: 'hmac-key-data-swapped',
		name: 'HMAC(data, key) at every step',
		scenario: {
			request: GET,
			params: params(),
			provided: signedWith(
				() => chain(enc('AWS4' + SECRET), SCOPE, (k, d) => hmacHex(enc(d), k)),
				(k, s) => hmacHex(enc(s), k)
			)
		},
		stage: 'signing-key',
		confirmed: true
	},
	{
		code: 'hex-intermediate-keys',
		name: 'hex text of each key used as the next key',
		scenario: {
			request: GET,
			params: params(),
			provided: signedWith(
				async () => chain(await hmacHex(enc('AWS4' + SECRET), SCOPE[0]!), SCOPE.slice(1), (k, d) => hmacHex(enc(toHex(k)), d)),
				(k, s) => hmacHex(enc(toHex(k)), s)
			)
		},
		stage: 'signing-key',
		confirmed: true
	},
	{
		code: 'signing-key-differs',
		name: "the user's kDate, from another secret (key list, no signature)",
		scenario: {
			request: GET,
			params: params(),
			provided: async (t) => ({
				signingKeys: { kDate: toHex(await hmacHex(enc('AWS4' + SECRET.toLowerCase()), SCOPE[0]!)), kSigning: t.keyChain.kSigning }
			})
		},
		stage: 'signing-key',
		line: 1
	},
	{
		code: 'signing-key-step-skipped',
		name: 'signed with kService (aws4_request step skipped)',
		scenario: { request: GET, params: params(), provided: signedWith(() => chain(enc('AWS4' + SECRET), SCOPE.slice(0, 3), hmacHex)) },
		stage: 'signing-key',
		confirmed: true
	},
	{
		code: 'signature-base64',
		name: 'signature in base64',
		scenario: { request: GET, params: params(), provided: (t) => ({ signature: hexToBase64(t.signature) }) },
		stage: 'signature',
		line: 1,
		confirmed: true
	},
	{
		code: 'wrong-secret-key',
		name: 'string to sign right, signature from another secret',
		scenario: { request: GET, params: params(), provided: signedWith(() => chain(enc('AWS4' + 'another secret'), SCOPE, hmacHex)) },
		stage: 'signing-key'
	},
	{
		code: 'secret-key-whitespace',
		name: 'secret read from a file with its line break',
		scenario: { request: GET, params: params(), provided: signedWith(() => chain(enc('AWS4' + SECRET + '\n'), SCOPE, hmacHex)) },
		stage: 'credentials',
		confirmed: true
	},
	{
		code: 'signature-mismatch',
		name: 'only a signature given, and it is not the correct one',
		scenario: {
			request: GET,
			params: params(),
			provided: () => ({ signature: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' })
		},
		stage: 'signature',
		line: 1
	},
	{
		code: 'authorization-malformed',
		name: 'Authorization header without SignedHeaders',
		scenario: { request: GET, params: params(), provided: withAuthorization((a) => a.replace(/SignedHeaders=[^,]*, /, '')) },
		stage: 'authorization',
		line: 1
	},
	{
		code: 'sigv2-fields-in-sigv4',
		name: 'POST form with AWSAccessKeyId and signature next to x-amz-credential',
		scenario: {
			request: request('POST', 'https://examplebucket.s3.amazonaws.com/'),
			params: s3Params(),
			form: [
				['key', 'user/a.jpg'],
				['AWSAccessKeyId', 'AKIDEXAMPLE'],
				['policy', 'eyJleHBpcmF0aW9uIjoiMjAxNS0xMi0zMFQxMjowMDowMC4wMDBaIn0='],
				['signature', 'frJIUN8DYpKDtOLCwo//yllqDzg='],
				['x-amz-algorithm', 'AWS4-HMAC-SHA256'],
				['x-amz-credential', 'AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request']
			]
		},
		stage: 'request'
	},
	{
		code: 'sigv2-request',
		name: 'Authorization: AWS AKID:signature',
		scenario: { request: GET, params: params(), provided: () => ({ authorization: 'AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=' }) },
		stage: 'authorization',
		line: 1
	},
	// ------------------------------------------------------------------ found by the real-world corpus
	{
		code: 'header-added-after-signing',
		name: 'Accept-Encoding signed as identity, rewritten to gzip on the way (reproduced)',
		scenario: async () => {
			const p = params();
			const t = await sign(request('GET', 'https://example.amazonaws.com/', [['Accept-Encoding', 'identity']]), p);
			const sent = {
				...t.request,
				headers: t.request.headers.map(([n, v]): [string, string] => [n, n === 'Accept-Encoding' ? 'gzip' : v])
			};
			return { request: sent, params: p, provided: () => ({ authorization: t.authorization! }) };
		},
		stage: 'canonical-request',
		line: 4,
		confirmed: true
	},
	{
		code: 'session-token-signed',
		name: 'IoT WebSocket URL presigned with X-Amz-Security-Token in the signed query',
		scenario: async () => {
			const p = IOT_PARAMS;
			// The user's signer signs the token, as every other service wants (the core's default for IoT leaves it out).
			const t = await sign(IOT_MQTT, { ...p, signSessionToken: true }, 'query');
			return { request: request('GET', t.signedUrl!), params: p, mode: 'query', provided: () => ({ signedUrl: t.signedUrl! }) };
		},
		stage: 'canonical-request',
		line: 3,
		confirmed: true
	},
	{
		code: 'query-in-path',
		name: 'canonical URI /a%3Fx%3D1 with an empty query line (the query signed as part of the path)',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/a?x=1'),
			params: params(),
			provided: cr((t) => replaceLine(replaceLine(t, 2, '/a%3Fx%3D1'), 3, ''))
		},
		stage: 'canonical-request',
		line: 2
	},
	{
		code: 'query-in-path',
		name: 'signature alone, reproduced by the query moved into the path',
		scenario: async () => {
			const req = request('GET', 'https://example.amazonaws.com/a?x=1');
			const t = await sign(req, params());
			const canonical = replaceLine(replaceLine(t.canonicalRequest, 2, '/a%3Fx%3D1'), 3, '');
			const stringToSign = replaceLine(t.stringToSign, 4, await sha256Hex(canonical));
			const signature = toHex(await hmacHex(Buffer.from(t.keyChain.kSigning, 'hex'), stringToSign));
			return { request: req, params: params(), provided: () => ({ signature }) };
		},
		stage: 'canonical-request',
		line: 2,
		confirmed: true
	},
	{
		code: 'post-condition-failed',
		name: "POST form Content-Type text/plain against the policy's image/jpeg condition",
		scenario: async () => {
			const t = await signPostPolicy({ policy: POLICY, fields: FIELDS }, s3Params());
			const form = t.fields.map(([n, v]): [string, string] => [n, n === 'Content-Type' ? 'text/plain' : v]);
			return { request: request('POST', BUCKET_URL), params: s3Params(), form };
		},
		stage: 'request'
	},
	{
		code: 'post-condition-failed',
		name: 'S3 names the failed condition (content-length-range, not judged from the form)',
		scenario: async () => {
			const t = await signPostPolicy({ policy: POLICY, fields: FIELDS }, s3Params());
			return {
				request: request('POST', BUCKET_URL),
				params: s3Params(),
				form: t.fields,
				server: () => ({
					code: 'AccessDenied',
					message: 'Invalid according to Policy: Policy Condition failed: ["content-length-range", 0, 1048576]'
				})
			};
		},
		stage: 'request',
		confirmed: true
	},
	{
		code: 'request-unsignable',
		name: 'empty region',
		scenario: { request: GET, params: params({ region: '' }) },
		stage: 'request'
	}
];

describe('diagnose names each mistake', () => {
	for (const c of cases) {
		it(`${c.code}: ${c.name}`, async () => {
			const scenario = typeof c.scenario === 'function' ? await c.scenario() : c.scenario;
			const { findings } = await diagnoseScenario(scenario);
			const f = findingOf(findings, c.code);
			expect(f.stage).toBe(c.stage);
			expect(f.line).toBe(c.line);
			expect(f.severity).toBe(c.severity ?? 'error');
			if (c.confirmed) expect(f.confirmed).toBe(true);
			expect(f.message.length).toBeGreaterThan(10);
			expect(f.fix.length).toBeGreaterThan(10);
			// A specific cause, not also a "this line differs".
			if (!FALLBACK_CODES.includes(c.code)) expect(findings.filter((g) => FALLBACK_CODES.includes(g.code))).toEqual([]);
		});
	}

	it('covers every code in FINDING_CODES (POST policy and SSE codes: diagnose-post-sse.test.ts runs their cases; aws-chunked and checksum codes: diagnose-chunked.test.ts; SigV4a: diagnose-v4a.test.ts; S3 Express: s3-express.test.ts; WebSocket presigns: websocket-diagnose.test.ts; codes only signer source shows: tests/unit/code-in/; login tokens: auth-token-findings.test.ts)', () => {
		const covered = new Set([
			...[...cases, ...POST_SSE_CASES, ...V4A_CASES, ...S3_EXPRESS_CASES, ...WEBSOCKET_CASES].map((c) => c.code),
			...CHUNKED_CODES,
			...CODE_IN_ONLY_CODES,
			...AUTH_TOKEN_CODES
		]);
		expect(Object.keys(FINDING_CODES).filter((code) => !covered.has(code as FindingCode))).toEqual([]);
	});
});

describe('the corpus codes stay silent on correct requests', () => {
	const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => f.code);
	it('an IoT WebSocket URL with the session token appended after signing is correct', async () => {
		const t = await sign(IOT_MQTT, { ...IOT_PARAMS, signSessionToken: false }, 'query');
		const url = `${t.signedUrl!}&X-Amz-Security-Token=${encodeURIComponent('TOKEN/EXAMPLE+')}`;
		const { findings } = await diagnoseScenario({
			request: request('GET', url),
			params: IOT_PARAMS,
			mode: 'query',
			provided: () => ({ signedUrl: url })
		});
		expect(errors(findings)).toEqual([]);
	});
	it('a request whose path really holds an encoded "?" (%3F) and a query is not query-in-path', async () => {
		const req = request('GET', 'https://example.amazonaws.com/a%3Fb?x=1');
		const { findings } = await diagnoseScenario({
			request: req,
			params: params(),
			provided: (t) => ({ canonicalRequest: t.canonicalRequest })
		});
		expect(errors(findings)).toEqual([]);
	});
	it('a Lambda function URL GET, and an aoss request that sends x-amz-content-sha256, have no payload-hash-missing', async () => {
		const get = request('GET', 'https://q3xvzk7hwl5nqc2zrm6p4yjtdy0xsnqb.lambda-url.us-east-1.on.aws/user');
		const withHash = request(
			'PUT',
			AOSS_PUT.url,
			[...AOSS_PUT.headers, ['X-Amz-Content-Sha256', await sha256Hex(AOSS_PUT.body as string)]],
			AOSS_PUT.body
		);
		for (const [req, p] of [
			[get, params({ service: 'lambda' })],
			[withHash, params({ service: 'aoss' })]
		] as const) {
			const t = await sign(req, p);
			const { findings } = await diagnoseScenario({ request: t.request, params: p, provided: () => ({ authorization: t.authorization! }) });
			expect(errors(findings)).toEqual([]);
		}
	});
	it('a signed default port (host:…:443) with no server evidence is a warning, not an error', async () => {
		const req = request('GET', 'https://examplebucket.s3.amazonaws.com:443/a.jpg', [['Host', 'examplebucket.s3.amazonaws.com:443']]);
		const { findings } = await diagnoseScenario({
			request: req,
			params: s3Params(),
			provided: (t) => ({ canonicalRequest: t.canonicalRequest })
		});
		expect(errors(findings)).toEqual([]);
		expect(findingOf(findings, 'host-port-mismatch')).toMatchObject({ severity: 'warning', stage: 'canonical-request', line: 4 });
	});
	it('a POST form that meets every condition has no post-condition-failed', async () => {
		const t = await signPostPolicy({ policy: POLICY, fields: FIELDS }, s3Params());
		const { findings } = await diagnoseScenario({ request: request('POST', BUCKET_URL), params: s3Params(), form: t.fields });
		expect(findings.map((f) => f.code)).not.toContain('post-condition-failed');
	});
});
