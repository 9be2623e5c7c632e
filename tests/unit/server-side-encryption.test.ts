// Server-side encryption presets and where their headers go (issue 6, item 2).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	presignUrl,
	signRequest,
	SigningError,
	sseCustomerKeyBytes,
	sseCustomerKeyMd5,
	sseHeaders,
	sseRules,
	type SigningParams,
	type SsePreset
} from '../../src/lib/sigv4/index.ts';

const KEY_BYTES = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff));
const KEY = KEY_BYTES.toString('base64');
const KEY_MD5 = createHash('md5').update(KEY_BYTES).digest('base64');

const PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z'
};
const PRESETS: SsePreset[] = [
	{ type: 'SSE-S3' },
	{ type: 'SSE-KMS', keyId: 'arn:aws:kms:us-east-1:111122223333:key/abcd', context: { project: 'alpha' } },
	{ type: 'SSE-C', key: KEY }
];

function sseError(fn: () => unknown): SigningError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(SigningError);
		return e as SigningError;
	}
	throw new Error('expected a SigningError');
}

describe('sseHeaders', () => {
	it('SSE-S3: AES256', () => {
		expect(sseHeaders({ type: 'SSE-S3' })).toEqual([['x-amz-server-side-encryption', 'AES256']]);
	});

	it('SSE-KMS: aws:kms, the key id when given, the context as base64 JSON', () => {
		expect(sseHeaders({ type: 'SSE-KMS' })).toEqual([['x-amz-server-side-encryption', 'aws:kms']]);
		const headers = sseHeaders({ type: 'SSE-KMS', keyId: ' alias/my-key ', context: { project: 'alpha', é: 'ü' } });
		expect(headers.slice(0, 2)).toEqual([
			['x-amz-server-side-encryption', 'aws:kms'],
			['x-amz-server-side-encryption-aws-kms-key-id', 'alias/my-key']
		]);
		expect(headers[2]![0]).toBe('x-amz-server-side-encryption-context');
		expect(JSON.parse(Buffer.from(headers[2]![1], 'base64').toString('utf8'))).toEqual({ project: 'alpha', é: 'ü' });
		const fromText = sseHeaders({ type: 'SSE-KMS', context: '{"a": "b"}' });
		expect(fromText[1]).toEqual(['x-amz-server-side-encryption-context', Buffer.from('{"a": "b"}').toString('base64')]);
	});

	it('SSE-C: algorithm, the key, and the MD5 of the key bytes (not of the base64 text)', () => {
		expect(sseHeaders({ type: 'SSE-C', key: KEY })).toEqual([
			['x-amz-server-side-encryption-customer-algorithm', 'AES256'],
			['x-amz-server-side-encryption-customer-key', KEY],
			['x-amz-server-side-encryption-customer-key-MD5', KEY_MD5]
		]);
		expect(sseCustomerKeyMd5(KEY)).toBe(KEY_MD5);
		expect(KEY_MD5).not.toBe(createHash('md5').update(KEY).digest('base64'));
		// A key of 32 zero bytes, another value computed by node:crypto.
		const zeros = Buffer.alloc(32).toString('base64');
		expect(sseCustomerKeyMd5(zeros)).toBe(createHash('md5').update(Buffer.alloc(32)).digest('base64'));
		expect(Buffer.from(sseCustomerKeyBytes(` ${KEY}\n`))).toEqual(KEY_BYTES);
	});

	it('rejects an SSE-C key that is not base64 of exactly 32 bytes, naming the field and the byte count', () => {
		const short = sseError(() => sseHeaders({ type: 'SSE-C', key: KEY_BYTES.subarray(0, 31).toString('base64') }));
		expect(short.field).toBe('sseCustomerKey');
		expect(short.message).toContain('31 bytes');
		const long = sseError(() => sseCustomerKeyMd5(Buffer.alloc(33).toString('base64')));
		expect(long.message).toContain('33 bytes');
		const raw = sseError(() => sseCustomerKeyMd5('0123456789abcdef0123456789abcdeX'));
		expect(raw.message).toContain('24 bytes');
		expect(raw.message).toContain('raw key');
		expect(sseError(() => sseCustomerKeyMd5(KEY_BYTES.toString('hex'))).message).toContain('hex');
		const urlSafe = sseError(() => sseCustomerKeyMd5(KEY.replace(/\+/g, '-').replace(/\//g, '_').replace(/^./, '-')));
		expect(urlSafe.message).toContain('"-" at character 1');
		expect(urlSafe.fix).toContain('base64url');
		expect(sseError(() => sseCustomerKeyMd5(KEY.slice(0, -1))).message).toContain('not well-formed');
		expect(sseError(() => sseCustomerKeyMd5('')).message).toContain('empty');
		for (const key of ['a=bc', '====', 'ab=c']) expect(sseError(() => sseCustomerKeyMd5(key)).field).toBe('sseCustomerKey');
	});

	it('rejects a bad KMS key id, context or type', () => {
		expect(sseError(() => sseHeaders({ type: 'SSE-KMS', keyId: 'a\nb' })).field).toBe('sseKmsKeyId');
		expect(sseError(() => sseHeaders({ type: 'SSE-KMS', keyId: '' })).field).toBe('sseKmsKeyId');
		expect(sseError(() => sseHeaders({ type: 'SSE-KMS', context: '{"a": ' })).field).toBe('sseContext');
		expect(sseError(() => sseHeaders({ type: 'SSE-KMS', context: '["a"]' })).field).toBe('sseContext');
		expect(sseError(() => sseHeaders({ type: 'SSE-KMS', context: { a: 1 } as unknown as Record<string, string> })).field).toBe(
			'sseContext'
		);
		expect(sseError(() => sseHeaders({ type: 'SSE-X' } as unknown as SsePreset)).field).toBe('sseType');
	});
});

describe('sseRules', () => {
	for (const preset of PRESETS) {
		for (const mode of ['header', 'query'] as const) {
			it(`${preset.type}, ${mode} mode: every SSE header is signed and sent by the client, none in the URL`, () => {
				const rules = sseRules(preset, mode);
				const names = sseHeaders(preset).map(([n]) => n);
				expect(rules.mode).toBe(mode);
				expect(rules.clientMustSend).toEqual(names);
				expect(rules.signed).toEqual(names.map((n) => n.toLowerCase()).sort());
				expect(rules.inUrl).toEqual([]);
				for (const row of rules.headers) expect(row).toMatchObject({ signed: true, clientSends: true, inUrl: false });
			});
		}
	}

	it('says why an SSE-C key stays out of a presigned URL', () => {
		const rules = sseRules({ type: 'SSE-C', key: KEY }, 'query');
		expect(rules.headers.every((r) => r.why.includes('never goes in a URL'))).toBe(true);
		expect(rules.notes.join(' ')).toContain('not part of the URL');
		expect(sseRules({ type: 'SSE-KMS' }, 'header').notes.join(' ')).toContain('SigV4');
	});

	it('matches what presignUrl does: SSE-C headers signed and sent, the key nowhere in the URL', async () => {
		const headers = sseHeaders({ type: 'SSE-C', key: KEY });
		const trace = await presignUrl({ method: 'GET', url: 'https://b.s3.amazonaws.com/k', headers }, PARAMS);
		const url = trace.signedUrl!;
		for (const text of [KEY, encodeURIComponent(KEY), KEY_MD5, encodeURIComponent(KEY_MD5)]) expect(url).not.toContain(text);
		const queryNames = [...new URL(url).searchParams.keys()].map((n) => n.toLowerCase());
		expect(queryNames.filter((n) => n.startsWith('x-amz-server-side-encryption'))).toEqual([]);
		const rules = sseRules({ type: 'SSE-C', key: KEY }, 'query');
		expect(trace.signedHeaders).toEqual(['host', ...rules.signed].sort());
		for (const name of rules.clientMustSend) expect(trace.request.headers.map(([n]) => n)).toContain(name);
	});

	it('matches what signRequest does in header mode', async () => {
		const headers = sseHeaders(PRESETS[1]!);
		const trace = await signRequest({ method: 'PUT', url: 'https://b.s3.amazonaws.com/k', headers, body: 'x' }, PARAMS);
		for (const name of sseRules(PRESETS[1]!, 'header').signed) expect(trace.signedHeaders).toContain(name);
	});
});

describe('sseRulesForHeaders: the table from what the request carries or the URL signs', () => {
	it('lists every SSE header (KMS key ID and context too), signed-only ones from a presigned URL', async () => {
		const { sseRulesForHeaders } = await import('../../src/lib/sigv4/index.ts');
		const rules = sseRulesForHeaders(
			[
				['x-amz-server-side-encryption', 'aws:kms'],
				['x-amz-server-side-encryption-aws-kms-key-id', 'alias/k']
			],
			'query',
			{ method: 'PUT', signed: ['host', 'x-amz-server-side-encryption-context'] }
		)!;
		expect(rules.headers.map((h) => h.name)).toEqual([
			'x-amz-server-side-encryption',
			'x-amz-server-side-encryption-aws-kms-key-id',
			'x-amz-server-side-encryption-context'
		]);
		expect(rules.warnings).toEqual([]);
		expect(sseRulesForHeaders([], 'header')).toBeUndefined();
	});

	it('warns on SSE-KMS stacked with SSE-C, a partial SSE-C trio, a key ID without aws:kms, and SSE-S3/KMS on GET', async () => {
		const { sseRulesForHeaders } = await import('../../src/lib/sigv4/index.ts');
		const stacked = sseRulesForHeaders(
			[
				['x-amz-server-side-encryption', 'aws:kms'],
				['x-amz-server-side-encryption-customer-algorithm', 'AES256']
			],
			'header'
		)!;
		expect(stacked.warnings.join('\n')).toMatch(/SSE-C together with x-amz-server-side-encryption/);
		expect(stacked.warnings.join('\n')).toMatch(/needs all three headers/);
		const keyId = sseRulesForHeaders(
			[
				['x-amz-server-side-encryption', 'AES256'],
				['x-amz-server-side-encryption-aws-kms-key-id', 'k']
			],
			'header'
		)!;
		expect(keyId.warnings.join('\n')).toMatch(/need x-amz-server-side-encryption: aws:kms/);
		const get = sseRulesForHeaders([], 'query', { method: 'GET', signed: ['host', 'x-amz-server-side-encryption'] })!;
		expect(get.warnings.join('\n')).toMatch(/rejects x-amz-server-side-encryption on GET/);
		const ssecGet = sseRulesForHeaders(
			[
				['x-amz-server-side-encryption-customer-algorithm', 'AES256'],
				['x-amz-server-side-encryption-customer-key', 'k'],
				['x-amz-server-side-encryption-customer-key-MD5', 'm']
			],
			'header',
			{ method: 'GET' }
		)!;
		expect(ssecGet.warnings).toEqual([]);
	});
});
