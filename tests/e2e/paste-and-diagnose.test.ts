import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { openApp, pasteInto } from './pane-helpers.ts';
import { formatCurl, formatHttpRequest, signRequest, type HttpRequest } from '../../src/lib/sigv4/index.ts';
import { DEFAULT_PARAMS } from '../../src/lib/case/examples.ts';

const app = useApp();

const open = () => openApp(app.browser, app.url);
const paste = pasteInto;

const findingCodes = (page: Page) => page.locator('.findings .code').allTextContents();

describe('paste a broken request', () => {
	it('names an x-amz-server-side-encryption header that curl sends but the signature does not cover', async () => {
		const { context, page, errors } = await open();
		const request: HttpRequest = {
			method: 'PUT',
			url: 'https://examplebucket.s3.amazonaws.com/photos/cat.jpg',
			headers: [['Content-Type', 'image/jpeg']],
			body: 'meow'
		};
		const signed = await signRequest(request, DEFAULT_PARAMS);
		// The header is added after signing, as the Apex story's signer did.
		const curl = formatCurl({ ...signed.request, headers: [...signed.request.headers, ['x-amz-server-side-encryption', 'AES256']] });
		await paste(page, curl);
		await expect.poll(() => findingCodes(page), { timeout: 15_000 }).toContain('x-amz-header-not-signed');
		const finding = page.locator('.findings li').filter({ hasText: 'x-amz-header-not-signed' });
		expect(await finding.textContent()).toContain('x-amz-server-side-encryption');
		expect(await page.locator('#request').inputValue()).toContain('x-amz-server-side-encryption: AES256');
		await page.screenshot({ path: 'test-results/paste-curl.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows the three-way story for an S3 SignatureDoesNotMatch error', async () => {
		const { context, page, errors } = await open();
		const meant: HttpRequest = {
			method: 'PUT',
			url: 'https://examplebucket.s3.amazonaws.com/notes.txt',
			headers: [['Content-Type', 'text/plain']],
			body: 'hi'
		};
		const mine = await signRequest(meant, DEFAULT_PARAMS);
		// The browser appended a charset after signing: the server signs what it received.
		const received = await signRequest({ ...meant, headers: [['Content-Type', 'text/plain;charset=UTF-8']] }, DEFAULT_PARAMS);
		const hex = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
		const xml = [
			'<?xml version="1.0" encoding="UTF-8"?>',
			'<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>',
			`<AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>${received.stringToSign}</StringToSign>`,
			`<SignatureProvided>${mine.signature}</SignatureProvided><StringToSignBytes>${hex(received.stringToSign)}</StringToSignBytes>`,
			`<CanonicalRequest>${received.canonicalRequest}</CanonicalRequest><CanonicalRequestBytes>${hex(received.canonicalRequest)}</CanonicalRequestBytes>`,
			'<RequestId>4442587FB7D0A2F9</RequestId><HostId>x</HostId></Error>'
		].join('');

		await paste(page, formatHttpRequest(mine.request));
		await paste(page, mine.canonicalRequest);
		await paste(page, xml);
		const titles = page.locator('.compare h3');
		await expect
			.poll(() => titles.allTextContents(), { timeout: 15_000 })
			.toEqual(
				expect.arrayContaining([
					'Your canonical request vs the correct one',
					'What you signed vs what the server computed (canonical request)',
					'What the server computed vs the correct canonical request for your request'
				])
			);
		expect(await page.locator('#request').inputValue()).toMatch(/^PUT \/notes\.txt HTTP\/1\.1\n/);
		await expect
			.poll(() => page.getByRole('region', { name: 'Canonical request', exact: true }).locator('.view-lines').textContent())
			.toContain('/notes.txt');
		const serverDiff = page.getByRole('region', { name: 'What you signed vs what the server computed (canonical request)' });
		expect(await serverDiff.locator('.changes').textContent()).toContain('charset=UTF-8');
		await expect.poll(() => findingCodes(page)).toContain('header-added-after-signing');
		await page.screenshot({ path: 'test-results/paste-s3-error.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('names a 12-hour clock and a base64 hash in an Apex-style string to sign', async () => {
		const { context, page, errors } = await open();
		// The user's own request (typed: the example's request stands in for nobody's) and its time.
		await page.locator('#request').fill('GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9');
		await page.getByLabel('Date and time').fill('20130524T133600Z');
		const correct = await signRequest(
			{ method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [['Range', 'bytes=0-9']] },
			{ ...DEFAULT_PARAMS, datetime: '20130524T133600Z' }
		);
		// Apex: formatGmt('hhmmss') and EncodingUtil.base64Encode(Crypto.generateDigest('SHA256', …)).
		const base64 = createHash('sha256').update(correct.canonicalRequest).digest('base64');
		const apex = ['AWS4-HMAC-SHA256', '20130524T013600Z', '20130524/us-east-1/s3/aws4_request', base64].join('\n');
		await paste(page, apex);
		await expect
			.poll(() => findingCodes(page), { timeout: 15_000 })
			.toEqual(expect.arrayContaining(['timestamp-12-hour-clock', 'hash-base64-not-hex']));
		expect(await page.getByLabel('Date and time').inputValue()).toBe('20130524T133600Z');
		const diff = page.getByRole('region', { name: 'Your string to sign vs the correct one' });
		expect(await diff.locator('.changes').textContent()).toContain('20130524T013600Z');
		await page.locator('.findings li').filter({ hasText: 'timestamp-12-hour-clock' }).getByRole('button').click();
		await expect.poll(() => diff.locator('li.focused').count()).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('imports on paste, without a click', async () => {
		const { context, page } = await open();
		await page.locator('#paste').focus();
		await page.evaluate(() =>
			navigator.clipboard.writeText(
				'https://examplebucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=00'
			)
		);
		await page.keyboard.press('Control+V');
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /k');
		expect(await page.getByRole('radio', { name: 'Presigned URL' }).isChecked()).toBe(true);
		await context.close();
	});

	it('keeps malformed text in the box and says where it is wrong', async () => {
		const { context, page } = await open();
		const text = 'GET /x HTTP/1.1\nHost: h.example\nthis is not a header\n';
		await paste(page, text);
		await expect.poll(() => page.locator('#paste-result').textContent()).toMatch(/Line 3, column \d+/);
		expect(await page.locator('#paste').inputValue()).toBe(text);
		await context.close();
	});
});

describe('signature forensics in the page', () => {
	it('finds a pair of mistakes off the main thread when only the signature is known', async () => {
		const { context, page, errors } = await open();
		// The user's own request (typed: the example's request stands in for nobody's) and its time.
		await page.locator('#request').fill('GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9');
		await page.getByLabel('Date and time').fill('20130524T133600Z');
		const params = { ...DEFAULT_PARAMS, datetime: '20130524T133600Z' };
		const correct = await signRequest(
			{ method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [['Range', 'bytes=0-9']] },
			params
		);
		// An Apex signer: hh instead of HH in the string to sign, and the hash in base64.
		const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
		const sts = [
			'AWS4-HMAC-SHA256',
			'20130524T013600Z',
			correct.credentialScope,
			createHash('sha256').update(correct.canonicalRequest).digest('base64')
		].join('\n');
		let key: Buffer = Buffer.from(`AWS4${params.credentials.secretAccessKey}`);
		for (const part of ['20130524', 'us-east-1', 's3', 'aws4_request']) key = hmac(key, part);
		const signature = hmac(key, sts).toString('hex');
		await paste(page, correct.authorization!.replace(correct.signature, signature));
		const confirmed = page.locator('.findings li').filter({ hasText: 'reproduces your signature' });
		await expect
			.poll(() => confirmed.locator('.code').allTextContents(), { timeout: 20_000 })
			.toEqual(expect.arrayContaining(['timestamp-12-hour-clock', 'hash-base64-not-hex']));
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('open a file', () => {
	it('imports a HAR file and lets the user pick another request from it', async () => {
		const { context, page } = await open();
		const signed = await signRequest(
			{ method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/photo.jpg', headers: [] },
			DEFAULT_PARAMS
		);
		const har = {
			log: {
				version: '1.2',
				entries: [
					{ request: { method: 'GET', url: 'https://example.com/index.html', headers: [] }, response: { status: 200 } },
					{
						request: { method: 'GET', url: signed.request.url, headers: signed.request.headers.map(([name, value]) => ({ name, value })) },
						response: { status: 403 }
					}
				]
			}
		};
		await page
			.getByRole('region', { name: 'Paste what you have' })
			.locator('input[type=file]')
			.setInputFiles({ name: 'session.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) });
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /photo.jpg');
		const choice = page.getByLabel('Request from the HAR file');
		expect(await choice.locator('option').count()).toBe(2);
		await choice.selectOption({ index: 0 });
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /index.html');
		await context.close();
	});
});
