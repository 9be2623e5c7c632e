import { DOC_POLICY, DOC_SIGNATURE } from '../helpers/post-example.ts';
// Browser POST uploads (issue 6, item 1): the policy, its auth conditions, the signature and the form.
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildPolicy, signPostPolicy, SigningError, type PostPolicyInput, type SigningParams } from '../../src/lib/sigv4/index.ts';

// S3 API Reference, "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)".
const DOC_PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20151229T000000Z'
};
const DOC_BASE64 =
	'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9';

const DOC_FIELDS: [string, string][] = [
	['key', 'user/user1/${filename}'],
	['acl', 'public-read'],
	['success_action_redirect', 'http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html'],
	['Content-Type', 'image/jpeg'],
	['x-amz-meta-uuid', '14365123651274'],
	['x-amz-server-side-encryption', 'AES256'],
	['x-amz-meta-tag', '']
];

const CREDENTIAL = 'AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request';
const conditionsOf = (json: string): unknown[] => (JSON.parse(json) as { conditions: unknown[] }).conditions;
const sign = (policy: string, params: SigningParams = DOC_PARAMS, fields?: [string, string][]) =>
	signPostPolicy({ policy, ...(fields ? { fields } : {}) }, params);
const policyWith = (...conditions: unknown[]) => JSON.stringify({ expiration: '2015-12-30T12:00:00.000Z', conditions });

async function policyError(policy: string): Promise<SigningError> {
	const error = await sign(policy).then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(SigningError);
	expect((error as SigningError).field).toBe('policy');
	return error as SigningError;
}

describe('the AWS-documented POST example', () => {
	it('is the published base64, decoded', () => {
		expect(Buffer.from(DOC_BASE64, 'base64').toString('utf8')).toBe(DOC_POLICY);
	});

	it('reproduces the published base64 policy and signature from the exact policy text', async () => {
		const trace = await sign(DOC_POLICY, DOC_PARAMS, DOC_FIELDS);
		expect(trace.policyChanges).toEqual([]);
		expect(trace.policyJson).toBe(DOC_POLICY);
		expect(trace.policyBase64).toBe(DOC_BASE64);
		expect(trace.stringToSign).toBe(DOC_BASE64);
		expect(trace.signature).toBe(DOC_SIGNATURE);
		expect(trace.credentialScope).toBe('20151229/us-east-1/s3/aws4_request');
		expect(trace.mode).toBe('post');
	});

	it('signs hex(HMAC(kSigning, base64 policy)), as node:crypto computes it', async () => {
		const trace = await sign(DOC_POLICY);
		const mac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
		const kSigning = ['20151229', 'us-east-1', 's3', 'aws4_request'].reduce<string | Buffer>(
			(key, part) => mac(key, part),
			'AWS4' + DOC_PARAMS.credentials.secretAccessKey
		);
		expect(trace.keyChain.kSigning).toBe(Buffer.from(kSigning).toString('hex'));
		expect(mac(kSigning, DOC_BASE64).toString('hex')).toBe(DOC_SIGNATURE);
	});

	it('gives a different base64 and signature with LF line endings (the same policy, other bytes)', async () => {
		const trace = await sign(DOC_POLICY.replace(/\r\n/g, '\n'));
		expect(trace.policyChanges).toEqual([]);
		expect(trace.policyBase64).not.toBe(DOC_BASE64);
		expect(trace.signature).not.toBe(DOC_SIGNATURE);
	});

	it('gives the form fields of the example, auth fields last', async () => {
		const trace = await sign(DOC_POLICY, DOC_PARAMS, DOC_FIELDS);
		expect(trace.fields).toEqual([
			...DOC_FIELDS,
			['x-amz-algorithm', 'AWS4-HMAC-SHA256'],
			['x-amz-credential', CREDENTIAL],
			['x-amz-date', '20151229T000000Z'],
			['policy', DOC_BASE64],
			['x-amz-signature', DOC_SIGNATURE]
		]);
		expect(trace.action).toBe('https://sigv4examplebucket.s3.us-east-1.amazonaws.com/');
	});
});

describe('auth conditions', () => {
	it('are added after the user conditions, in order, when the policy has none', async () => {
		const user = [{ bucket: 'b' }, ['starts-with', '$key', 'u/'], ['content-length-range', 1, 10]];
		const trace = await sign(policyWith(...user));
		expect(conditionsOf(trace.policyJson)).toEqual([
			...user,
			{ 'x-amz-credential': CREDENTIAL },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': '20151229T000000Z' }
		]);
		expect(trace.policyChanges).toHaveLength(3);
		expect(trace.policyChanges[0]).toBe(`added {"x-amz-credential": "${CREDENTIAL}"}`);
	});

	it('are written deterministically: one condition a line', async () => {
		const trace = await sign('{"expiration":"2015-12-30T12:00:00.000Z","conditions":[{"bucket":"b"}]}');
		expect(trace.policyJson).toBe(
			[
				'{',
				'  "expiration": "2015-12-30T12:00:00.000Z",',
				'  "conditions": [',
				'    {"bucket": "b"},',
				`    {"x-amz-credential": "${CREDENTIAL}"},`,
				'    {"x-amz-algorithm": "AWS4-HMAC-SHA256"},',
				'    {"x-amz-date": "20151229T000000Z"}',
				'  ]',
				'}'
			].join('\n')
		);
		expect(Buffer.from(trace.policyBase64, 'base64').toString('utf8')).toBe(trace.policyJson);
	});

	it('keep CRLF line endings when the user wrote them', async () => {
		const trace = await sign(DOC_POLICY, { ...DOC_PARAMS, datetime: '20160101T000000Z' });
		expect(trace.policyChanges.length).toBeGreaterThan(0);
		expect(trace.policyJson.split('\r\n').length).toBeGreaterThan(5);
		expect(trace.policyJson.replace(/\r\n/g, '')).not.toContain('\n');
	});

	it('that are stale are replaced in place, keeping the other conditions, their order and the name case', async () => {
		const trace = await sign(DOC_POLICY, { ...DOC_PARAMS, datetime: '20160102T030405Z', region: 'eu-west-1' });
		const before = conditionsOf(DOC_POLICY);
		const after = conditionsOf(trace.policyJson);
		expect(after.slice(0, 8)).toEqual(before.slice(0, 8));
		expect(after.slice(8)).toEqual([
			{ 'x-amz-credential': 'AKIAIOSFODNN7EXAMPLE/20160102/eu-west-1/s3/aws4_request' },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': '20160102T030405Z' }
		]);
		expect(trace.policyChanges).toEqual([
			`replaced {"x-amz-credential": "${CREDENTIAL}"} with {"x-amz-credential": "AKIAIOSFODNN7EXAMPLE/20160102/eu-west-1/s3/aws4_request"}`,
			'replaced {"x-amz-date": "20151229T000000Z"} with {"x-amz-date": "20160102T030405Z"}'
		]);

		const upper = await sign(policyWith({ 'X-Amz-Date': '20000101T000000Z' }, { acl: 'private' }));
		expect(conditionsOf(upper.policyJson).slice(0, 2)).toEqual([{ 'X-Amz-Date': '20151229T000000Z' }, { acl: 'private' }]);
	});

	it('keep an "eq" condition an "eq", and a "starts-with" that already holds', async () => {
		const trace = await sign(
			policyWith(['eq', '$x-amz-date', '20000101T000000Z'], ['starts-with', '$x-amz-credential', 'AKIAIOSFODNN7EXAMPLE/'])
		);
		const conditions = conditionsOf(trace.policyJson);
		expect(conditions[0]).toEqual(['eq', '$x-amz-date', '20151229T000000Z']);
		expect(conditions[1]).toEqual(['starts-with', '$x-amz-credential', 'AKIAIOSFODNN7EXAMPLE/']);
		expect(conditions.slice(2)).toEqual([{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' }]);
	});

	it('drop a stale duplicate when one condition already holds', async () => {
		const trace = await sign(
			policyWith({ 'x-amz-date': '20000101T000000Z' }, { 'x-amz-date': '20151229T000000Z' }, { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' })
		);
		expect(conditionsOf(trace.policyJson)).toEqual([
			{ 'x-amz-date': '20151229T000000Z' },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-credential': CREDENTIAL }
		]);
		expect(trace.policyChanges).toContain('removed {"x-amz-date": "20000101T000000Z"}');
	});

	it('include the session token when there is one, and keep it in sync', async () => {
		const withToken = { ...DOC_PARAMS, credentials: { ...DOC_PARAMS.credentials, sessionToken: 'TOKEN/+=' } };
		const added = await sign(DOC_POLICY, withToken, DOC_FIELDS);
		expect(conditionsOf(added.policyJson).at(-1)).toEqual({ 'x-amz-security-token': 'TOKEN/+=' });
		expect(added.policyChanges).toEqual(['added {"x-amz-security-token": "TOKEN/+="}']);
		expect(added.fields.map(([n]) => n).slice(-6)).toEqual([
			'x-amz-algorithm',
			'x-amz-credential',
			'x-amz-date',
			'x-amz-security-token',
			'policy',
			'x-amz-signature'
		]);
		expect(added.fields).toContainEqual(['x-amz-security-token', 'TOKEN/+=']);

		const stale = await sign(policyWith({ 'x-amz-security-token': 'OLD' }), withToken);
		expect(conditionsOf(stale.policyJson)[0]).toEqual({ 'x-amz-security-token': 'TOKEN/+=' });

		const unchanged = await sign(added.policyJson, withToken);
		expect(unchanged.policyChanges).toEqual([]);
		expect(unchanged.policyBase64).toBe(added.policyBase64);
	});

	it('lose a token condition when the credentials have no token', async () => {
		const trace = await sign(policyWith({ bucket: 'b', 'x-amz-security-token': 'OLD' }, { 'x-amz-security-token': 'OLD' }));
		const conditions = conditionsOf(trace.policyJson);
		expect(conditions[0]).toEqual({ bucket: 'b' });
		expect(JSON.stringify(conditions)).not.toContain('security-token');
		expect(trace.fields.map(([n]) => n)).not.toContain('x-amz-security-token');
	});

	it('are added to a policy without "conditions"', async () => {
		const trace = await sign('{"expiration": "2015-12-30T12:00:00.000Z"}');
		expect(conditionsOf(trace.policyJson)).toHaveLength(3);
		expect(trace.policyChanges[0]).toBe('added "conditions"');
	});
});

describe('a policy that is not valid', () => {
	it('is a SigningError on the policy with the line and column of the JSON error', async () => {
		const trailing = await policyError('{\n  "expiration": "2015-12-30T12:00:00.000Z",\n  "conditions": [\n    {"bucket": "b"},\n  ]\n}');
		expect(trailing.message).toContain('line 4, column 20');
		expect(trailing.message).toContain('trailing comma');

		const single = await policyError("{\n  'expiration': 'x'\n}");
		expect(single.message).toContain('line 2, column 3');
		expect(single.message).toContain('single quote');

		const missingComma = await policyError('{"expiration": "x"\r\n "conditions": []}');
		expect(missingComma.message).toContain('line 2, column 2');

		const unterminated = await policyError('{"expiration": "x');
		expect(unterminated.message).toContain('line 1, column 18');
		expect(unterminated.message).toContain('Unterminated string');

		const smart = await policyError('{\u201cexpiration\u201d: "x"}');
		expect(smart.message).toContain('line 1, column 2');
	});

	it('is a SigningError when it is not an object, has no text or its conditions are not a list', async () => {
		expect((await policyError('[]')).message).toContain('not an object');
		expect((await policyError('   ')).message).toContain('empty');
		expect((await policyError('{"conditions": {"bucket": "b"}}')).message).toContain('not an array');
	});

	it('never throws anything but a SigningError for user text', async () => {
		for (const text of ['{', '}', '{"a":', '{"a":1}}', 'nul', '"\\x"', '{"a":"\u0001"}', '\ufeff{}', '[1,,2]', '01', '{"a" 1}']) {
			await policyError(text);
		}
	});

	it('or bad parameters are rejected like any signing', async () => {
		const empty = { ...DOC_PARAMS, credentials: { ...DOC_PARAMS.credentials, accessKeyId: '' } };
		await expect(sign(DOC_POLICY, empty)).rejects.toMatchObject({ field: 'accessKeyId' });
		await expect(sign(DOC_POLICY, { ...DOC_PARAMS, datetime: '20151229T120000' })).rejects.toMatchObject({ field: 'datetime' });
	});
});

describe('form fields', () => {
	it('drop SigV2 and SigV4 auth fields and the file, keeping the order of the rest', async () => {
		const trace = await sign(DOC_POLICY, DOC_PARAMS, [
			['key', 'k'],
			['AWSAccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
			['Signature', 'v2sig='],
			['X-Amz-Signature', 'old'],
			['Policy', 'old'],
			['acl', 'private'],
			['X-Amz-Date', 'old'],
			['file', 'x'],
			['x-amz-meta-tag', 't']
		]);
		expect(trace.droppedFields).toEqual(['AWSAccessKeyId', 'Signature', 'X-Amz-Signature', 'Policy', 'X-Amz-Date', 'file']);
		expect(trace.fields.map(([n]) => n)).toEqual([
			'key',
			'acl',
			'x-amz-meta-tag',
			'x-amz-algorithm',
			'x-amz-credential',
			'x-amz-date',
			'policy',
			'x-amz-signature'
		]);
	});

	it('with a name that cannot be sent are a SigningError on the fields', async () => {
		await expect(sign(DOC_POLICY, DOC_PARAMS, [['a=b', 'x']])).rejects.toMatchObject({ field: 'fields', index: 0 });
		await expect(
			sign(DOC_POLICY, DOC_PARAMS, [
				['ok', 'x'],
				['', 'x']
			])
		).rejects.toMatchObject({ field: 'fields', index: 1 });
	});

	it('go to the action given, else to the bucket of the policy', async () => {
		const given = await signPostPolicy({ policy: DOC_POLICY, action: 'http://127.0.0.1:8000/b/' }, DOC_PARAMS);
		expect(given.action).toBe('http://127.0.0.1:8000/b/');
		const dotted = await sign(policyWith(['eq', '$bucket', 'my.bucket']), { ...DOC_PARAMS, region: 'eu-west-1' });
		expect(dotted.action).toBe('https://s3.eu-west-1.amazonaws.com/my.bucket/');
	});
});

const HOSTILE = `"><script>alert('x')</script>&amp;\r\n\t<!--`;

const unescapeHtml = (text: string) =>
	text.replace(/&(amp|lt|gt|quot|#\d+);/g, (_, e: string) =>
		e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : { amp: '&', lt: '<', gt: '>', quot: '"' }[e]!
	);

describe('the HTML form', () => {
	it('escapes every name and value for a double-quoted attribute', async () => {
		const input: PostPolicyInput = {
			policy: DOC_POLICY,
			fields: [
				['key', HOSTILE],
				[`x-amz-meta-<b>'&`, 'v']
			],
			action: 'https://b.s3.amazonaws.com/?a=1&b="2"'
		};
		const { html, fields } = await signPostPolicy(input, DOC_PARAMS);
		const lines = html.split('\n');
		expect(lines[0]).toBe(
			'<form action="https://b.s3.amazonaws.com/?a=1&amp;b=&quot;2&quot;" method="post" enctype="multipart/form-data">'
		);
		const inputs = lines.slice(1, -3);
		expect(inputs).toHaveLength(fields.length);
		inputs.forEach((line, i) => {
			const m = /^ {2}<input type="hidden" name="([^"<>\r\n]*)" value="([^"<>\r\n]*)">$/.exec(line);
			expect(m, line).not.toBeNull();
			expect([unescapeHtml(m![1]!.replace(/&#39;/g, "'")), unescapeHtml(m![2]!.replace(/&#39;/g, "'"))]).toEqual(fields[i]);
		});
		expect(inputs[0]).toBe(
			'  <input type="hidden" name="key" value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;&#13;&#10;&#9;&lt;!--">'
		);
		expect(lines.slice(-3)).toEqual(['  <input type="file" name="file">', '  <input type="submit" value="Upload">', '</form>']);
	});
});

describe('the curl command', () => {
	// The shell parses the command; printf shows the arguments curl would get.
	const argv = (curl: string): string[] =>
		execFileSync('sh', ['-c', curl.replace(/^curl /, `printf '%s\\0' `)], { encoding: 'utf8' })
			.split('\0')
			.slice(0, -1);

	it('passes each field as one -F argument, in order, with the file last', async () => {
		const trace = await sign(DOC_POLICY, DOC_PARAMS, DOC_FIELDS);
		const args = argv(trace.curl);
		expect(args[0]).toBe(trace.action);
		const pairs: string[] = [];
		for (let i = 1; i < args.length; i += 2) {
			expect(args[i]).toBe('-F');
			pairs.push(args[i + 1]!);
		}
		expect(pairs).toEqual([...trace.fields.map(([n, v]) => `${n}=${v}`), 'file=@your-file']);
		expect(trace.curl).toContain(`-F 'key=user/user1/\${filename}'`);
	});

	it('quotes hostile values for the shell and sends @, < ; and " values literally', async () => {
		const fields: [string, string][] = [
			['key', `it's $(rm -rf ~) \`x\` ${HOSTILE}`],
			['Content-Type', 'text/plain;charset=utf-8'],
			['x-amz-meta-a', '@/etc/passwd'],
			['x-amz-meta-b', '<secret'],
			['x-amz-meta-c', 'say "hi"']
		];
		const trace = await sign(DOC_POLICY, DOC_PARAMS, fields);
		const args = argv(trace.curl);
		const sent = fields.map(([n, v]) => `${n}=${v}`);
		const index = (value: string) => args.indexOf(value);
		expect(args[index(sent[0]!) - 1]).toBe('--form-string');
		for (const value of sent.slice(1)) expect(args[index(value) - 1]).toBe('--form-string');
		expect(args[index('x-amz-algorithm=AWS4-HMAC-SHA256') - 1]).toBe('-F');
		expect(args.slice(-2)).toEqual(['-F', 'file=@your-file']);
	});
});

describe('buildPolicy', () => {
	it('writes the common conditions, which signPostPolicy then completes', async () => {
		const policy = buildPolicy({
			expiration: new Date(Date.UTC(2015, 11, 30, 12)),
			bucket: 'sigv4examplebucket',
			keyStartsWith: 'user/user1/',
			acl: 'public-read',
			contentTypeStartsWith: 'image/',
			contentLengthRange: [0, 10485760],
			successActionStatus: 201,
			meta: { uuid: '14365123651274', 'x-amz-meta-tag': '' }
		});
		expect(policy).toBe(
			[
				'{',
				'  "expiration": "2015-12-30T12:00:00.000Z",',
				'  "conditions": [',
				'    {"bucket": "sigv4examplebucket"},',
				'    ["starts-with", "$key", "user/user1/"],',
				'    {"acl": "public-read"},',
				'    {"success_action_status": "201"},',
				'    ["starts-with", "$Content-Type", "image/"],',
				'    ["content-length-range", 0, 10485760],',
				'    {"x-amz-meta-uuid": "14365123651274"},',
				'    {"x-amz-meta-tag": ""}',
				'  ]',
				'}'
			].join('\n')
		);
		const trace = await sign(policy);
		expect(trace.policyJson.startsWith(policy.slice(0, policy.lastIndexOf('"x-amz-meta-tag": ""}')))).toBe(true);
		expect(conditionsOf(trace.policyJson)).toHaveLength(11);
	});

	it('rejects an invalid date or length range', () => {
		expect(() => buildPolicy({ expiration: new Date(NaN) })).toThrow(SigningError);
		expect(() => buildPolicy({ expiration: 'x', contentLengthRange: [10, 1] })).toThrow(/content-length-range/);
		expect(buildPolicy({ expiration: '2030-01-01T00:00:00Z' })).toBe('{\n  "expiration": "2030-01-01T00:00:00Z",\n  "conditions": []\n}');
	});
});
