// A fresh page, nothing typed: the user pastes what they hold first (an error body, the stages their
// code printed, a seed story's evidence) and the page rebuilds their case from it, never the example.
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto } from './pane-helpers.ts';
import { PUT_CANONICAL_REQUEST, PUT_STRING_TO_SIGN_HEAD } from '../helpers/evidence.ts';
import { seed000, seed001Keys, seed002, seed003, seed004, EXAMPLE_SECRET } from '../helpers/seeds.ts';

const app = useApp();

const open = () => openApp(app.browser, app.url);
const paste = pasteInto;

const verdict = (page: Page) => page.locator('.verdict .sentence').textContent();
const errorCodes = (page: Page) => page.locator('.findings li.error .code').allTextContents();

const STS = PUT_STRING_TO_SIGN_HEAD;
const CR = PUT_CANONICAL_REQUEST;

describe('evidence first, on a fresh page', () => {
	it('an S3 SignatureDoesNotMatch body alone: the request rebuilt from it, the scope from its string to sign, no false error', async () => {
		const { context, page, errors } = await open();
		// The server computed this string to sign for the request; the user's signer signed something else.
		const { createHash } = await import('node:crypto');
		const sts = [...STS, createHash('sha256').update(CR).digest('hex')].join('\n');
		const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>${sts}</StringToSign><SignatureProvided>${'b'.repeat(64)}</SignatureProvided><CanonicalRequest>${CR}</CanonicalRequest><RequestId>1</RequestId><HostId>2</HostId></Error>`;
		await paste(page, xml);
		await expect.poll(() => page.locator('#request').inputValue(), { timeout: 15_000 }).toContain('PUT /photos/cat.jpg HTTP/1.1');
		expect(await page.locator('#region').inputValue()).toBe('eu-west-1');
		expect(await page.locator('#datetime').inputValue()).toBe('20240115T031500Z');
		expect(await page.locator('#region-origin').textContent()).toContain('paste 1');
		await expect.poll(() => paneText(page, 'Canonical request'), { timeout: 15_000 }).toBe(CR);
		// The server's canonical request is the correct one here: only the signature differs, and nothing else is blamed.
		await expect.poll(() => verdict(page), { timeout: 15_000 }).toMatch(/^(Not enough to tell|Cause|Likely)/);
		for (const code of await errorCodes(page)) expect(['signature-mismatch', 'wrong-secret-key']).toContain(code);
		expect(await page.locator('.verdict').textContent()).not.toMatch(/example/i);
		await page.screenshot({ path: 'test-results/evidence-s3-error.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('while the forensics search, "the secret key differs" is not yet an error; once they find nothing, it is', async () => {
		// The forensics worker's script is held back: the search stays under way until it is let through.
		const { context, page, errors } = await openApp(app.browser, app.url, 6, { serviceWorkers: 'block' });
		const held: Route[] = [];
		await context.route(/\/workers\/worker-[^/]+\.js$/, (route) => void held.push(route));
		const { createHash } = await import('node:crypto');
		const sts = [...STS, createHash('sha256').update(CR).digest('hex')].join('\n');
		await paste(
			page,
			`<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>${sts}</StringToSign><SignatureProvided>${'b'.repeat(64)}</SignatureProvided><CanonicalRequest>${CR}</CanonicalRequest></Error>`
		);
		const item = page.locator('.findings li', { has: page.locator('.code', { hasText: 'wrong-secret-key' }) });
		await expect.poll(async () => (await item.getAttribute('class'))?.split(' ')[0], { timeout: 15_000 }).toBe('pending');
		await expect.poll(() => held.length, { timeout: 15_000 }).toBe(1);
		expect(await item.locator('.severity').textContent()).toBe('not decided yet');
		expect(await item.textContent()).toContain('An error only once the search for a known signer mistake has found none.');
		expect(await page.locator('#findings-title .count').textContent()).not.toMatch(/^[1-9]/);
		expect(await verdict(page)).toMatch(/^Not enough to tell yet/);
		await held[0]!.continue();
		await expect.poll(async () => (await item.getAttribute('class'))?.split(' ')[0], { timeout: 30_000 }).toBe('error');
		expect(await item.locator('.severity').textContent()).toBe('error');
		expect(await verdict(page)).toMatch(/^Likely/);
		expect(errors).toEqual([]);
		await context.close();
	}, 60_000);

	it('a canonical request and a string to sign pasted together: both used, and what neither gives is asked for', async () => {
		const { context, page, errors } = await open();
		const { createHash } = await import('node:crypto');
		await paste(page, `${CR}\n\n${[...STS, createHash('sha256').update(CR).digest('hex')].join('\n')}`);
		await expect.poll(() => page.locator('#request').inputValue(), { timeout: 15_000 }).toContain('PUT /photos/cat.jpg HTTP/1.1');
		expect(await page.locator('#datetime').inputValue()).toBe('20240115T031500Z');
		expect(await page.locator('.summary').textContent()).toContain('Compared: your canonical request, your string to sign.');
		// The access key and the secret are not in these texts: the page asks, and shows no example value.
		expect(await page.locator('#accessKeyId').inputValue()).toBe('');
		expect(await page.locator('#secretAccessKey').inputValue()).toBe('');
		// The stages that need no secret are shown and compared; the verdict waits for the secret.
		await expect.poll(() => paneText(page, 'Canonical request'), { timeout: 15_000 }).toBe(CR);
		await expect.poll(() => verdict(page), { timeout: 15_000 }).toMatch(/Not enough to tell/);
		expect(await paneText(page, 'Signature')).toMatch(/enter the secret access key/);
		await page.screenshot({ path: 'test-results/evidence-cr-sts.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('Start a new case forgets the paste and opens the example again', async () => {
		const { context, page } = await open();
		await paste(page, CR);
		await expect.poll(() => page.locator('#request').inputValue(), { timeout: 15_000 }).toContain('PUT /photos/cat.jpg');
		await page.getByRole('button', { name: 'Start a new case' }).click();
		await expect.poll(() => page.locator('#request').inputValue()).toContain('GET /test.txt HTTP/1.1');
		expect(await page.locator('.verdict').count()).toBe(0);
		await context.close();
	});
});

describe('the seeds, from what each author held', () => {
	it('seed 000: an Apex presigned PUT whose client sends SSE-C headers it did not sign', async () => {
		const { context, page, errors } = await open();
		const { curl, serverError } = seed000();
		await paste(page, curl);
		await paste(page, serverError);
		await expect
			.poll(() => verdict(page), { timeout: 20_000 })
			.toMatch(/^Cause: An x-amz-\* header is sent but not signed — the server's message says so/);
		expect((await errorCodes(page))[0]).toBe('x-amz-header-not-signed');
		await page.screenshot({ path: 'test-results/seed-000.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('seed 001: an Apex signing-key chain, checked key by key', async () => {
		const { context, page, errors } = await open();
		const { text, scope } = seed001Keys();
		await page.locator('#datetime').fill(scope.datetime);
		await page.locator('#region').fill(scope.region);
		await page.locator('#secretAccessKey').fill(EXAMPLE_SECRET);
		await paste(page, text);
		await expect.poll(() => verdict(page), { timeout: 20_000 }).toMatch(/correct/);
		expect(await errorCodes(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('seed 002: an Apex string to sign with a 12-hour clock and a base64 hash, then the server\'s "Signature expired"', async () => {
		const { context, page, errors } = await open();
		const { stringToSign, serverError } = seed002();
		await paste(page, stringToSign);
		await paste(page, serverError);
		await expect.poll(() => verdict(page), { timeout: 20_000 }).toMatch(/^Cause: .*12-hour.* — the server's message says so/);
		expect(await errorCodes(page)).toEqual(expect.arrayContaining(['timestamp-12-hour-clock', 'hash-base64-not-hex']));
		await page.screenshot({ path: 'test-results/seed-002.png', fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('seed 003: an SSE-KMS presigned PUT opened without the header it signs', async () => {
		const { context, page, errors } = await open();
		await paste(page, seed003().curl);
		await expect.poll(() => errorCodes(page), { timeout: 20_000 }).toContain('signed-header-absent');
		expect((await errorCodes(page))[0]).toBe('signed-header-absent');
		await expect.poll(() => page.locator('.verdict').textContent(), { timeout: 20_000 }).toContain('signed-header-absent');
		// Forensics found the value the user signed: the page's URL and curl keep it, and theirs is the correct signature.
		const theirs = /X-Amz-Signature=([0-9a-f]{64})/.exec(seed003().url)![1]!;
		await expect.poll(() => paneText(page, 'Signature'), { timeout: 20_000 }).toBe(theirs);
		expect(await paneText(page, 'curl command')).toContain('x-amz-server-side-encryption: aws:kms');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('seed 004: a C# POST policy form with the SigV2 field AWSAccessKeyId mixed in', async () => {
		const { context, page, errors } = await open();
		await paste(page, seed004().formData);
		await expect.poll(() => errorCodes(page), { timeout: 20_000 }).toContain('sigv2-fields-in-sigv4');
		await expect.poll(() => page.locator('.verdict').textContent(), { timeout: 20_000 }).toContain('sigv2-fields-in-sigv4');
		expect(errors).toEqual([]);
		await context.close();
	});
});
