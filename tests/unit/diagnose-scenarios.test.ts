// Mistakes as users meet them: several texts at once (what the user's signer made, what the
// server said), more than one mistake, and the same mistake seen from another text than in
// diagnose-codes.test.ts.
import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../src/lib/findings/index.ts';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import { signatureFor, stringToSignFor } from '../../src/lib/sigv4/index.ts';
import type { Finding, Stage } from '../../src/lib/diagnose/types.ts';
import {
	DATETIME,
	diagnoseScenario,
	FALLBACK_CODES,
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

interface Expected {
	code: FindingCode;
	stage: Stage;
	line?: number;
	severity?: Finding['severity'];
	confirmed?: boolean;
}

interface Case {
	name: string;
	scenario: Scenario | (() => Promise<Scenario>);
	expect: Expected[];
	/** No error finding but the expected ones (default true). */
	only?: boolean;
}

const GET = request('GET', 'https://example.amazonaws.com/');
const S3_GET = request('GET', 'https://examplebucket.s3.amazonaws.com/photos/a.jpg');
const S3_PUT_SSE = request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['X-Amz-Server-Side-Encryption', 'AES256']], 'hi');

const cases: Case[] = [
	{
		name: 'signature = the correct one uppercased',
		scenario: { request: GET, params: params(), provided: (t) => ({ signature: t.signature.toUpperCase() }) },
		expect: [{ code: 'hex-uppercase', stage: 'signature', line: 1, confirmed: true }]
	},
	{
		name: 'signing key pasted from a log, derived without "AWS4"',
		scenario: async () => {
			let key: Uint8Array = new TextEncoder().encode(SECRET);
			for (const part of ['20150830', 'us-east-1', 'service', 'aws4_request']) key = await hmacHex(key, part);
			return { request: GET, params: params(), provided: () => ({ signingKey: toHex(key) }) };
		},
		expect: [{ code: 'signing-key-missing-aws4-prefix', stage: 'signing-key', confirmed: true }]
	},
	{
		name: 'Apex-style string to sign: 12-hour clock and base64 hash',
		scenario: {
			request: GET,
			params: params({ datetime: '20150830T133600Z' }),
			now: new Date('2015-08-30T13:36:00Z'),
			provided: (t) => ({
				stringToSign: replaceLine(replaceLine(t.stringToSign, 2, '20150830T013600Z'), 4, hexToBase64(t.canonicalRequestHash))
			})
		},
		expect: [
			{ code: 'timestamp-12-hour-clock', stage: 'string-to-sign', line: 2 },
			{ code: 'hash-base64-not-hex', stage: 'string-to-sign', line: 4, confirmed: true }
		]
	},
	{
		name: 'string to sign hashed from a CRLF canonical request (no canonical request given)',
		scenario: {
			request: GET,
			params: params(),
			provided: async (t) => ({ stringToSign: replaceLine(t.stringToSign, 4, await sha256Hex(t.canonicalRequest.replace(/\n/g, '\r\n'))) })
		},
		expect: [{ code: 'crlf-line-endings', stage: 'canonical-request', confirmed: true }]
	},
	{
		name: 'string to sign with CRLF line ends',
		scenario: { request: GET, params: params(), provided: (t) => ({ stringToSign: t.stringToSign.replace(/\n/g, '\r\n') }) },
		expect: [{ code: 'crlf-line-endings', stage: 'string-to-sign', line: 1 }]
	},
	{
		name: 'x-amz-date in the canonical request on a 12-hour clock',
		scenario: {
			request: GET,
			params: params({ datetime: '20150830T133600Z' }),
			now: new Date('2015-08-30T13:36:00Z'),
			provided: (t) => ({ canonicalRequest: t.canonicalRequest.replace('x-amz-date:20150830T133600Z', 'x-amz-date:20150830T013600Z') })
		},
		expect: [{ code: 'timestamp-12-hour-clock', stage: 'canonical-request', line: 5 }]
	},
	{
		name: 'S3 canonical request without x-amz-content-sha256',
		scenario: {
			request: S3_GET,
			params: s3Params(),
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest.replace(/x-amz-content-sha256:[^\n]*\n/, '').replace('host;x-amz-content-sha256;', 'host;')
			})
		},
		expect: [{ code: 'payload-hash-missing', stage: 'canonical-request', line: 5 }]
	},
	{
		name: 'canonical request without the x-amz-server-side-encryption line',
		scenario: {
			request: S3_PUT_SSE,
			params: s3Params(),
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest
					.replace(/x-amz-server-side-encryption:[^\n]*\n/, '')
					.replace(';x-amz-server-side-encryption', '')
			})
		},
		expect: [{ code: 'x-amz-header-not-signed', stage: 'canonical-request', line: 7 }]
	},
	{
		name: 'presigned URL: x-amz-server-side-encryption sent as a header, not in X-Amz-SignedHeaders',
		scenario: async () => {
			const req = request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['X-Amz-Server-Side-Encryption', 'AES256']]);
			const t = await sign(req, s3Params({ signedHeaders: ['host'] }), 'query');
			return { request: req, params: s3Params(), mode: 'query', provided: () => ({ signedUrl: t.signedUrl! }) };
		},
		expect: [{ code: 'x-amz-header-not-signed', stage: 'request', line: 2 }]
	},
	{
		name: 'server CR has a content-type the user did not sign (three-way)',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [], 'hi'),
			params: s3Params(),
			provided: (t) => ({ canonicalRequest: t.canonicalRequest }),
			server: (t) => ({
				code: 'SignatureDoesNotMatch',
				canonicalRequest: t.canonicalRequest
					.replace('host:', 'content-type:application/x-www-form-urlencoded\nhost:')
					.replace('\nhost;', '\ncontent-type;host;')
			})
		},
		expect: [{ code: 'header-added-after-signing', stage: 'request', confirmed: true }]
	},
	{
		name: 'server received another content-type than the one signed (multipart boundary appended)',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['Content-Type', 'multipart/form-data']], 'hi'),
			params: s3Params(),
			provided: (t) => ({ canonicalRequest: t.canonicalRequest }),
			server: (t) => ({
				code: 'SignatureDoesNotMatch',
				canonicalRequest: t.canonicalRequest.replace('content-type:multipart/form-data', 'content-type:multipart/form-data; boundary=----x')
			})
		},
		expect: [{ code: 'header-added-after-signing', stage: 'request', line: 2, confirmed: true }]
	},
	{
		name: 'server CR shows the plus of an S3 key that the user signed as a space',
		scenario: {
			request: request('GET', 'https://examplebucket.s3.amazonaws.com/this+that.jpg'),
			params: s3Params(),
			provided: (t) => ({ canonicalRequest: replaceLine(t.canonicalRequest, 2, '/this%20that.jpg') }),
			server: (t) => ({ code: 'SignatureDoesNotMatch', canonicalRequest: t.canonicalRequest })
		},
		expect: [{ code: 'plus-in-s3-key', stage: 'canonical-request', line: 2 }]
	},
	{
		name: 'server stripped the signed Expect: 100-continue',
		scenario: async () => {
			const req = request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [['Expect', '100-continue']], 'hi');
			const t = await sign(req, s3Params({ signedHeaders: ['expect', 'host', 'x-amz-content-sha256', 'x-amz-date'] }));
			const serverCr = t.canonicalRequest.replace('expect:100-continue\n', '').replace('expect;', '');
			return {
				request: req,
				params: s3Params(),
				provided: () => ({ canonicalRequest: t.canonicalRequest }),
				server: () => ({ code: 'SignatureDoesNotMatch', canonicalRequest: serverCr })
			};
		},
		expect: [{ code: 'unsignable-header-signed', stage: 'canonical-request', line: 4, confirmed: true }]
	},
	{
		name: 'server saw the host without the :443 the user signed',
		scenario: {
			request: GET,
			params: params(),
			provided: (t) => ({ canonicalRequest: t.canonicalRequest.replace('host:example.amazonaws.com', 'host:example.amazonaws.com:443') }),
			server: (t) => ({ canonicalRequest: t.canonicalRequest })
		},
		expect: [{ code: 'host-port-mismatch', stage: 'canonical-request', line: 4 }]
	},
	{
		name: 'RequestTimeTooSkewed, 12 hours off with a morning hour',
		scenario: {
			request: GET,
			params: params({ datetime: '20150830T013600Z' }),
			now: null,
			server: () => ({
				code: 'RequestTimeTooSkewed',
				fields: { RequestTime: '20150830T013600Z', ServerTime: '2015-08-30T13:36:20Z', MaxAllowedSkewMilliseconds: '900000' }
			})
		},
		expect: [
			{ code: 'clock-skew', stage: 'request', confirmed: true },
			{ code: 'timestamp-12-hour-clock', stage: 'request' }
		]
	},
	{
		name: 'AccessDenied: Request has expired',
		scenario: {
			request: S3_GET,
			params: s3Params({ expiresIn: 60 }),
			mode: 'query',
			now: null,
			server: () => ({
				code: 'AccessDenied',
				message: 'Request has expired',
				fields: { 'X-Amz-Expires': '60', Expires: '2015-08-30T12:37:00Z', ServerTime: '2015-08-30T13:00:00Z' }
			})
		},
		expect: [{ code: 'presign-expired', stage: 'request', confirmed: true }]
	},
	{
		name: 'presigned URL not yet valid',
		scenario: { request: S3_GET, params: s3Params(), mode: 'query', now: new Date(NOW.getTime() - 3600_000) },
		expect: [{ code: 'presign-expired', stage: 'request' }]
	},
	{
		// Issue 11: a request from the past, pasted for study, gets no skew finding, not even a warning (verdict-truth.test.ts checks the warning too).
		name: 'stale time, no server time and no "now": nothing said about the clock',
		scenario: { request: GET, params: params(), now: null },
		expect: []
	},
	{
		name: 'HeadersNotSigned from S3',
		scenario: {
			request: S3_PUT_SSE,
			params: s3Params(),
			server: () => ({ code: 'AccessDenied', fields: { HeadersNotSigned: 'x-amz-server-side-encryption' } })
		},
		expect: [{ code: 'x-amz-header-not-signed', stage: 'request', line: 2, confirmed: true }]
	},
	{
		name: 'XAmzContentSHA256Mismatch from S3',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [], 'hi'),
			params: s3Params(),
			server: () => ({
				code: 'XAmzContentSHA256Mismatch',
				fields: {
					ClientComputedContentSHA256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
					S3ComputedContentSHA256: '8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4'
				}
			})
		},
		expect: [{ code: 'payload-hash-mismatch', stage: 'request', confirmed: true }]
	},
	{
		name: 'x-amz-content-sha256 header that is not the hash of the body',
		scenario: {
			request: request(
				'PUT',
				'https://examplebucket.s3.amazonaws.com/a.txt',
				[['x-amz-content-sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']],
				'hi'
			),
			params: s3Params()
		},
		expect: [{ code: 'payload-hash-mismatch', stage: 'request', line: 2 }]
	},
	{
		name: 'x-amz-content-sha256 header in base64',
		scenario: {
			request: request('PUT', 'https://examplebucket.s3.amazonaws.com/a.txt', [
				['x-amz-content-sha256', '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=']
			]),
			params: s3Params()
		},
		expect: [{ code: 'payload-hash-base64', stage: 'request', line: 2 }]
	},
	{
		name: 'AuthorizationHeaderMalformed: the region is wrong',
		scenario: {
			request: S3_GET,
			params: s3Params(),
			server: () => ({
				code: 'AuthorizationHeaderMalformed',
				message: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-central-1'"
			})
		},
		expect: [{ code: 'scope-region-mismatch', stage: 'string-to-sign', confirmed: true }]
	},
	{
		name: 'endpoint in eu-west-1, Authorization scoped to us-east-1',
		scenario: async () => {
			const req = request('GET', 'https://sns.eu-west-1.amazonaws.com/?Action=ListTopics');
			const t = await sign(req, params({ service: 'sns' }));
			return {
				request: req,
				params: params({ service: 'sns', region: 'eu-west-1' }),
				provided: () => ({ authorization: t.authorization! })
			};
		},
		expect: [{ code: 'scope-region-mismatch', stage: 'authorization', line: 1 }]
	},
	{
		name: 'SigV2 presigned URL',
		scenario: {
			request: request(
				'GET',
				'https://examplebucket.s3.amazonaws.com/a.jpg?AWSAccessKeyId=AKIDEXAMPLE&Expires=1441000000&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D'
			),
			params: s3Params(),
			mode: 'query'
		},
		expect: [{ code: 'sigv2-request', stage: 'request' }]
	},
	{
		name: 'SigV2 parameters next to X-Amz-* ones in a URL',
		scenario: async () => {
			const t = await sign(S3_GET, s3Params(), 'query');
			return {
				request: S3_GET,
				params: s3Params(),
				mode: 'query',
				provided: () => ({ signedUrl: `${t.signedUrl!}&AWSAccessKeyId=AKIDEXAMPLE&Signature=abc%3D` })
			};
		},
		expect: [{ code: 'sigv2-fields-in-sigv4', stage: 'request' }]
	},
	{
		name: 'server checked a SigV2 string to sign (POST form)',
		scenario: {
			request: request('POST', 'https://examplebucket.s3.amazonaws.com/'),
			params: s3Params(),
			form: [
				['AWSAccessKeyId', 'AKIDEXAMPLE'],
				['signature', 'frJIUN8DYpKDtOLCwo//yllqDzg='],
				['policy', 'eyJ9']
			],
			server: () => ({
				code: 'SignatureDoesNotMatch',
				stringToSign: 'POST\n\nmultipart/form-data; boundary=x\n1441000000\n/examplebucket/a.jpg',
				fields: { SignatureProvided: 'frJIUN8DYpKDtOLCwo//yllqDzg=' }
			})
		},
		expect: [{ code: 'sigv2-request', stage: 'request', confirmed: true }]
	},
	{
		name: 'Credential with a space in the access key',
		scenario: {
			request: GET,
			params: params(),
			provided: (t) => ({ authorization: t.authorization!.replace('Credential=AKIDEXAMPLE/', 'Credential=AKIDEXAMPLE /') })
		},
		expect: [{ code: 'secret-key-whitespace', stage: 'authorization', line: 1 }]
	},
	{
		name: 'presigned URL whose canonical query lacks the session token',
		scenario: {
			request: S3_GET,
			params: s3Params({ credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: 'TOKEN' } }),
			mode: 'query',
			provided: (t) => ({ canonicalRequest: replaceLine(t.canonicalRequest, 3, (q) => q.replace('&X-Amz-Security-Token=TOKEN', '')) })
		},
		expect: [{ code: 'session-token-missing', stage: 'canonical-request', line: 3 }]
	},
	{
		name: 'presigned URL with the token appended after signing',
		scenario: async () => {
			const p = s3Params({ credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: 'TOKEN' } });
			const t = await sign(S3_GET, { ...p, signSessionToken: false }, 'query');
			return { request: S3_GET, params: p, mode: 'query', provided: () => ({ signedUrl: t.signedUrl! }) };
		},
		expect: [{ code: 'session-token-added-after-signing', stage: 'request', confirmed: true }]
	},
	{
		name: 'request time in ISO form: named, then the comparison goes on',
		scenario: {
			request: GET,
			params: params({ datetime: '2015-08-30T12:36:00Z' }),
			provided: async () => ({ stringToSign: (await sign(GET, params())).stringToSign })
		},
		expect: [{ code: 'timestamp-malformed', stage: 'request' }]
	},
	{
		name: 'canonical request signs content-length, which is not sent',
		scenario: {
			request: GET,
			params: params(),
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest.replace('host:', 'content-length:0\nhost:').replace('\nhost;', '\ncontent-length;host;')
			})
		},
		expect: [{ code: 'signed-header-absent', stage: 'canonical-request', line: 4 }]
	},
	{
		name: 'X-Amz-Signature signed in the canonical query',
		scenario: {
			request: S3_GET,
			params: s3Params(),
			mode: 'query',
			provided: (t) => ({
				canonicalRequest: replaceLine(t.canonicalRequest, 3, (q) =>
					q.replace('X-Amz-SignedHeaders', 'X-Amz-Signature=abc&X-Amz-SignedHeaders')
				)
			})
		},
		expect: [{ code: 'canonical-request-differs', stage: 'canonical-request', line: 3 }]
	},
	{
		name: 'several mistakes in one canonical request',
		scenario: {
			request: request('GET', 'https://example.amazonaws.com/a%20b?b=2&a=1', [['My-Header1', 'x  y']]),
			params: params(),
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest
					.replace('/a%2520b', '/a%20b')
					.replace('a=1&b=2', 'b=2&a=1')
					.replace('my-header1:x y', 'My-Header1:x  y')
					.replace(/\n/g, '\r\n')
			})
		},
		expect: [
			{ code: 'crlf-line-endings', stage: 'canonical-request', line: 1 },
			{ code: 'path-not-double-encoded', stage: 'canonical-request', line: 2 },
			{ code: 'query-not-sorted', stage: 'canonical-request', line: 3 },
			{ code: 'header-name-not-lowercase', stage: 'canonical-request', line: 5 },
			{ code: 'header-value-not-trimmed', stage: 'canonical-request', line: 5 }
		]
	},
	{
		name: 'presigned URL with X-Amz-Expires=700000, signed by a signer that does not check the limit',
		scenario: async () => {
			const t = await sign(S3_GET, s3Params({ expiresIn: 604800 }), 'query');
			const cr = t.canonicalRequest.replace('X-Amz-Expires=604800', 'X-Amz-Expires=700000');
			const signature = await signatureFor(await stringToSignFor(cr, t.datetime, t.credentialScope), t.keyChain.kSigning);
			const signedUrl = t
				.signedUrl!.replace('X-Amz-Expires=604800', 'X-Amz-Expires=700000')
				.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${signature}`);
			return { request: S3_GET, params: s3Params(), mode: 'query', provided: () => ({ signedUrl, canonicalRequest: cr }) };
		},
		expect: [{ code: 'presign-expires-too-long', stage: 'request' }]
	},
	{
		name: 'presigned URL whose expiry is only in the URL',
		scenario: async () => {
			const t = await sign(S3_GET, s3Params({ expiresIn: 86400 }), 'query');
			return {
				request: S3_GET,
				params: s3Params(),
				mode: 'query',
				provided: () => ({ signedUrl: t.signedUrl!, canonicalRequest: t.canonicalRequest, stringToSign: t.stringToSign })
			};
		},
		expect: []
	},
	{
		name: 'content-length signed, the pasted request (from curl) without it',
		scenario: async () => {
			const sent = request('POST', 'https://example.amazonaws.com/', [['Content-Length', '2']], 'hi');
			const t = await sign(sent, params());
			return {
				request: request('POST', 'https://example.amazonaws.com/', [], 'hi'),
				params: params(),
				provided: () => ({ authorization: t.authorization! })
			};
		},
		expect: [],
		only: true
	},
	{
		name: 'everything right, with every stage given',
		scenario: async () => ({
			request: S3_PUT_SSE,
			params: s3Params(),
			provided: (t) => ({
				canonicalRequest: t.canonicalRequest,
				stringToSign: t.stringToSign,
				signature: t.signature,
				authorization: t.authorization!,
				signingKey: t.keyChain.kSigning
			})
		}),
		expect: []
	}
];

describe('diagnose on realistic evidence', () => {
	for (const c of cases) {
		it(c.name, async () => {
			const scenario = typeof c.scenario === 'function' ? await c.scenario() : c.scenario;
			const { findings } = await diagnoseScenario(scenario);
			const shown = JSON.stringify(findings.map((f) => `${f.code}@${f.stage}:${f.line}:${f.severity}`));
			for (const e of c.expect) {
				const f = findings.find((g) => g.code === e.code && g.stage === e.stage);
				expect(f, `${e.code}@${e.stage} in ${shown}`).toBeDefined();
				expect(f!.line, shown).toBe(e.line);
				expect(f!.severity).toBe(e.severity ?? 'error');
				if (e.confirmed) expect(f!.confirmed).toBe(true);
			}
			if (c.only !== false) {
				const unexpected = findings.filter(
					(f) => f.severity === 'error' && !c.expect.some((e) => e.code === f.code && e.stage === f.stage)
				);
				expect(unexpected, shown).toEqual([]);
			}
			const fallback = c.expect.some((e) => FALLBACK_CODES.includes(e.code));
			if (!fallback)
				expect(
					findings.filter((f) => FALLBACK_CODES.includes(f.code)),
					shown
				).toEqual([]);
		});
	}

	it('diagnose never throws on nonsense in the stages', async () => {
		const t = await sign(GET, params());
		for (const text of ['', '\n', '\r\n\r\n', 'GET', 'x'.repeat(5000), '\u0000\u0001', 'AWS4-HMAC-SHA256\n\n\n\n\n\n']) {
			const findings = await diagnose({
				request: GET,
				params: params(),
				mode: 'header',
				now: NOW,
				provided: { canonicalRequest: text, stringToSign: text, signature: text, authorization: text, signedUrl: text, signingKey: text },
				server: {
					canonicalRequest: text,
					stringToSign: text,
					code: text,
					message: text,
					fields: { RequestTime: text, ServerTime: text, HeadersNotSigned: text }
				}
			});
			expect(Array.isArray(findings)).toBe(true);
		}
		expect(t.datetime).toBe(DATETIME);
	});
});
