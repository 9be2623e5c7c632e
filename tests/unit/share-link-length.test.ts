// The default example's link stays short (a test), and the lengths of two typical links are
// printed for the issue's closing note.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { CaseTooLargeError, decodeCase, encodeCase, MAX_CASE_BYTES, MAX_FRAGMENT_LENGTH } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE, type Case as ShareCase } from '../../src/lib/case/index.ts';

/** A realistic S3 PUT with 20 headers, as a user would paste it (signature included). */
const TWENTY_HEADERS: ShareCase = {
	...DEFAULT_CASE,
	requestText: [
		'PUT /photos/2024/holiday%20trip/IMG_0042.jpg?x-id=PutObject HTTP/1.1',
		'Host: my-example-bucket.s3.eu-west-1.amazonaws.com',
		'Accept: */*',
		'Accept-Encoding: identity',
		'Amz-Sdk-Invocation-Id: 3f1c8a7e-2b1d-4c6e-9f0a-7d5e4b3c2a10',
		'Amz-Sdk-Request: attempt=1; max=3',
		'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240220/eu-west-1/s3/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;cache-control;content-length;content-md5;content-type;host;x-amz-acl;x-amz-content-sha256;x-amz-date;x-amz-meta-album;x-amz-meta-author;x-amz-meta-camera;x-amz-server-side-encryption;x-amz-storage-class;x-amz-tagging, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
		'Cache-Control: max-age=31536000',
		'Content-Length: 2457601',
		'Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg==',
		'Content-Type: image/jpeg',
		'User-Agent: aws-sdk-js/3.540.0 ua/2.0 os/linux#6.5.0 lang/js md/nodejs#20.11.1 api/s3#3.540.0',
		'X-Amz-Acl: private',
		'X-Amz-Content-Sha256: UNSIGNED-PAYLOAD',
		'X-Amz-Date: 20240220T154500Z',
		'X-Amz-Meta-Album: Summer 2024',
		'X-Amz-Meta-Author: Ana Example',
		'X-Amz-Meta-Camera: X100V',
		'X-Amz-Server-Side-Encryption: AES256',
		'X-Amz-Storage-Class: STANDARD_IA',
		'X-Amz-Tagging: project=holiday&year=2024',
		''
	].join('\n'),
	region: 'eu-west-1',
	datetime: '20240220T154500Z',
	payload: 'unsigned'
};

describe('share link length', () => {
	it('keeps the default example under 1,000 characters, and prints the typical lengths', async () => {
		expect(TWENTY_HEADERS.requestText.split('\n').slice(1, -1)).toHaveLength(20);
		const lengths = {
			'default example': (await encodeCase(DEFAULT_CASE, { includeSecrets: false })).length,
			'default example, secret included': (await encodeCase(DEFAULT_CASE, { includeSecrets: true })).length,
			'20-header request': (await encodeCase(TWENTY_HEADERS, { includeSecrets: false })).length,
			'20-header request, secret included': (await encodeCase(TWENTY_HEADERS, { includeSecrets: true })).length
		};
		console.log(
			`Share link lengths (fragment without '#'):\n${Object.entries(lengths)
				.map(([name, n]) => `  ${name}: ${n} characters`)
				.join('\n')}`
		);
		expect(lengths['default example']).toBeLessThan(1000);
		expect(lengths['default example, secret included']).toBeLessThan(1000);
	});

	it('refuses to make a link that would not open again, and makes every one that would', async () => {
		// Text that does not compress: the link passes MAX_FRAGMENT_LENGTH.
		const noise: ShareCase = { ...DEFAULT_CASE, requestText: randomBytes(200_000).toString('base64') };
		await expect(encodeCase(noise, { includeSecrets: false })).rejects.toThrow(CaseTooLargeError);
		await expect(encodeCase(noise, { includeSecrets: false })).rejects.toThrow(/too large for a link.*Export it as a file/);

		// Text that compresses well but unpacks past MAX_CASE_BYTES.
		const huge: ShareCase = { ...DEFAULT_CASE, pasteText: 'a'.repeat(MAX_CASE_BYTES) };
		await expect(encodeCase(huge, { includeSecrets: false })).rejects.toMatchObject({ code: 'too-large' });

		// Just under both caps: made, and opens.
		const big: ShareCase = { ...DEFAULT_CASE, pasteText: 'a'.repeat(MAX_CASE_BYTES - 100) };
		const fragment = await encodeCase(big, { includeSecrets: false });
		expect(fragment.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
		expect(await decodeCase(fragment)).toMatchObject({ case: { pasteText: big.pasteText } });
	});

	it('says a case far past the cap is too large before reading its texts for secrets', async () => {
		const huge: ShareCase = {
			...DEFAULT_CASE,
			requestText: `PUT /k HTTP/1.1\nHost: b.s3.amazonaws.com\n\n${'z'.repeat(3 * MAX_CASE_BYTES)}`
		};
		await expect(encodeCase(huge, { includeSecrets: false })).rejects.toThrow(/characters of text; a link holds up to 1,048,576 bytes/);
	});

	it('says a link whose case unpacks past the page limits is too large, not hand-edited', async () => {
		const many: ShareCase = { ...DEFAULT_CASE, provided: { canonicalRequest: 'GET\n/\n\n' + 'a:b\n'.repeat(30_000) } };
		const opened = await decodeCase(await encodeCase(many, { includeSecrets: false }));
		expect(opened).toMatchObject({ error: { code: 'too-large' } });
		expect('error' in opened && opened.error.message).toMatch(/^This link's case is too large for this page: .*20,000 lines/);
	});
});
