// Malformed input gets a typed error naming the field, what is wrong and how to fix it.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeDifference } from '../../src/lib/diagnose/describe-difference.ts';
import {
	hmac,
	presignUrl,
	signRequest,
	signatureFor,
	SigningError,
	toHex,
	type HttpRequest,
	type SigningParams
} from '../../src/lib/sigv4/index.ts';

const PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
	region: 'us-east-1',
	service: 'sns',
	datetime: '20150830T123600Z'
};
const REQ: HttpRequest = { method: 'GET', url: 'https://sns.us-east-1.amazonaws.com/', headers: [] };

async function errorOf(promise: Promise<unknown>): Promise<SigningError> {
	try {
		await promise;
	} catch (e) {
		expect(e).toBeInstanceOf(SigningError);
		const err = e as SigningError;
		expect(err.message.length).toBeGreaterThan(10);
		expect(err.fix.length).toBeGreaterThan(10);
		expect(`${err.message} ${err.fix}`).not.toMatch(/undefined|NaN|\[object/);
		return err;
	}
	throw new Error('expected a SigningError');
}

describe('bad input', () => {
	const cases: [string, HttpRequest, Partial<SigningParams>, SigningError['field'], RegExp][] = [
		['empty URL', { ...REQ, url: '' }, {}, 'url', /empty/],
		['relative URL', { ...REQ, url: '/path' }, {}, 'url', /not an absolute URL/],
		['s3:// URI', { ...REQ, url: 's3://bucket/key' }, {}, 'url', /not HTTP/],
		['bad port', { ...REQ, url: 'https://h.example:99999/' }, {}, 'url', /port/],
		['no host', { ...REQ, url: 'https:///path' }, {}, 'url', /no host/],
		['line break in URL', { ...REQ, url: 'https://h.example/a\nb' }, {}, 'url', /control character/],
		['user:password@', { ...REQ, url: 'https://u:p@h.example/' }, {}, 'url', /user name or password/],
		['method with a space', { ...REQ, method: 'GE T' }, {}, 'method', /not an HTTP method/],
		['empty method', { ...REQ, method: '' }, {}, 'method', /empty/],
		['header name with a space', { ...REQ, headers: [['X Foo', '1']] }, {}, 'headers', /not allowed in a header name/],
		['header value with a bare line break', { ...REQ, headers: [['X-Foo', 'a\nb']] }, {}, 'headers', /line break/],
		['ISO datetime', REQ, { datetime: '2015-08-30T12:36:00Z' }, 'datetime', /YYYYMMDDTHHMMSSZ/],
		['13th month', REQ, { datetime: '20151330T123600Z' }, 'datetime', /day that does not exist/],
		['hour 24', REQ, { datetime: '20150830T243600Z' }, 'datetime', /time that does not exist/],
		['empty region', REQ, { region: '' }, 'region', /empty/],
		['region with a slash', REQ, { region: 'us-east-1/x' }, 'region', /characters/],
		['empty service', REQ, { service: '' }, 'service', /empty/],
		['empty access key', REQ, { credentials: { accessKeyId: '', secretAccessKey: 's' } }, 'accessKeyId', /empty/],
		['empty secret', REQ, { credentials: { accessKeyId: 'AKID', secretAccessKey: '' } }, 'secretAccessKey', /empty/],
		['base64 payload hash', REQ, { payloadHash: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' }, 'payloadHash', /base64/],
		[
			'uppercase payload hash',
			REQ,
			{ payloadHash: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' },
			'payloadHash',
			/uppercase/
		],
		['signed header with a space', REQ, { signedHeaders: ['host', 'x y'] }, 'signedHeaders', /not a header name/]
	];
	for (const [name, req, params, field, message] of cases) {
		it(`${name} → ${field}`, async () => {
			const err = await errorOf(signRequest(req, { ...PARAMS, ...params }));
			expect(err.field).toBe(field);
			expect(err.message).toMatch(message);
		});
	}

	it('a bad expiry in presign mode', async () => {
		const err = await errorOf(presignUrl(REQ, { ...PARAMS, expiresIn: 700000 }));
		expect(err.field).toBe('expiresIn');
		expect(err.message).toContain('604800');
	});

	it('the ISO datetime error says how to write it', async () => {
		const err = await errorOf(signRequest(REQ, { ...PARAMS, datetime: '2015-08-30T12:36:00Z' }));
		expect(err.fix).toContain('20150830T123600Z');
	});

	it('a signing key that is not hex', async () => {
		const err = await errorOf(signatureFor('sts', 'not-hex'));
		expect(err.field).toBe('signingKey');
	});

	it('points at the header by index', async () => {
		const err = await errorOf(
			signRequest(
				{
					...REQ,
					headers: [
						['A', '1'],
						['B C', '2']
					]
				},
				PARAMS
			)
		);
		expect(err.index).toBe(1);
	});
});

describe('input the fuzz found', () => {
	it('an empty HMAC key (key and data swapped over an empty text) is HMAC of 64 zero bytes, not a WebCrypto DataError', async () => {
		const expected = createHmac('sha256', Buffer.alloc(0)).update('data').digest('hex');
		expect(toHex(await hmac(new Uint8Array(0), 'data'))).toBe(expected);
	});

	it('the difference of two long lines is found from their common start (diffChars on 50 KB lines took 25 s)', () => {
		const start = 'a'.repeat(30_000);
		expect(describeDifference(`${start}x${'b'.repeat(30_000)}`, `${start}y${'c'.repeat(30_000)}`)).toMatch(
			/^at character 30001 yours has "xb+…b+" where the correct one has "yc+…c+"$/
		);
		expect(describeDifference(`${start}`, `${start}tail`)).toBe('at character 30001 yours lacks "tail"');
	});
});
