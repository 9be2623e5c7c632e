// aws-chunked mode in the page: AWS's documented streaming example (S3 API Reference, sigv4-streaming)
// typed as the request shows its seed signature and all three chunk signatures; a chunk size under
// 8 KiB is refused at its field.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto } from './pane-helpers.ts';
import { captured } from '../unit/diagnose-chunked-cases.ts';

const app = useApp();
const REQUEST = `PUT /examplebucket/chunkObject.txt HTTP/1.1\nHost: s3.amazonaws.com\nx-amz-storage-class: REDUCED_REDUNDANCY\n\n${'a'.repeat(66560)}`;
const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** SHA-256 of the second chunk's data, 1024 × 'a' (the S3 API Reference's example). */
const DATA_2 = createHash('sha256').update('a'.repeat(1024)).digest('hex');
const CHUNKS = [
	'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
	'0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
	'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'
];

describe('aws-chunked mode', () => {
	it("shows AWS's streaming example: the seed signature and the three chunk signatures", async () => {
		const { context, page, errors } = await openApp(app.browser, app.url, 0);
		await page.locator('#request').fill(REQUEST);
		await page.getByRole('radio', { name: 'aws-chunked upload' }).check();
		await expect.poll(() => page.locator('#seed-signature').textContent(), { timeout: 15_000 }).toBe(SEED);
		expect(await paneText(page, 'Signature')).toBe(SEED);
		expect((await paneText(page, 'Canonical request')).split('\n').at(-1)).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
		expect(await page.locator('.chunk .signature').allTextContents()).toEqual(CHUNKS);
		expect(await page.locator('#framed-start').textContent()).toMatch(/^10000;chunk-signature=ad80c730/);
		// Each chunk's signature and string to sign copy as the stage panes do.
		await page.getByRole('button', { name: "Copy chunk 2's signature" }).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(CHUNKS[1]);
		await page.getByRole('button', { name: "Copy chunk 2's string to sign" }).click();
		await expect
			.poll(() => page.evaluate(() => navigator.clipboard.readText()))
			.toBe(`AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n${CHUNKS[0]}\n${EMPTY}\n${DATA_2}`);

		await page.locator('#chunkSize').fill('4096');
		await expect.poll(() => page.locator('#chunkSize-error').textContent()).toContain('at least 8192');
		expect(await page.locator('#chunkSize').getAttribute('aria-invalid')).toBe('true');
		expect(errors).toEqual([]);
		await context.close();
	}, 60_000);

	it('reads a pasted aws-chunked upload and names the first chunk whose data was changed', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url, 0);
		const c = await captured();
		const body = c.body.replace(/\r\n/g, '\n');
		const at = body.indexOf('400;chunk-signature=') + 100;
		const tampered = body.slice(0, at) + 'b' + body.slice(at + 1);
		await pasteInto(
			page,
			`PUT /examplebucket/chunkObject.txt HTTP/1.1\n${c.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${tampered}`
		);
		const findings = page.locator('.findings');
		await expect.poll(() => findings.textContent(), { timeout: 15_000 }).toContain('chunk-signature-mismatch');
		expect(await findings.textContent()).toMatch(/Chunk 2 \(line \d+ of the body, 1024 bytes\) is the first whose signature breaks/);
		expect(errors).toEqual([]);
		await context.close();
	}, 60_000);
});
