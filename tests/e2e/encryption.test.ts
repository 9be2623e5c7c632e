import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, paneText, waitForEditors } from './pane-helpers.ts';

const app = useApp();

describe('server-side encryption presets', () => {
	it('adds SSE-C headers that are signed and sent, never put in the URL, and says so', async () => {
		const { context, page } = await openApp(app.browser, app.url);
		await page.locator('#request').fill('PUT /secret.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\ndata');
		await page.getByText('Options').click();
		await page.getByLabel('Preset').selectOption('SSE-C');
		await page.getByRole('button', { name: 'Generate' }).click();
		const key = await page.getByLabel(/Customer key/).inputValue();
		expect(Buffer.from(key, 'base64')).toHaveLength(32);
		await page.getByRole('button', { name: 'Add the headers to the request' }).click();
		await expect.poll(() => paneText(page, 'Canonical request')).toContain(`x-amz-server-side-encryption-customer-key:${key}`);
		const cr = await paneText(page, 'Canonical request');
		expect(cr).toContain('x-amz-server-side-encryption-customer-algorithm:AES256');
		expect(cr).toMatch(/x-amz-server-side-encryption-customer-key-md5:[A-Za-z0-9+/]{22}==/);

		await page.getByRole('radio', { name: 'Presigned URL' }).check();
		await waitForEditors(page, 7);
		const url = await paneText(page, 'Presigned URL');
		expect(url).toContain(
			'X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption-customer-algorithm%3Bx-amz-server-side-encryption-customer-key%3Bx-amz-server-side-encryption-customer-key-md5'
		);
		expect(url).not.toContain(encodeURIComponent(key));
		expect(url).not.toContain(key);
		const table = page.getByRole('table', { name: 'Where the encryption headers go' });
		const rows = await table.locator('tbody tr').allTextContents();
		expect(rows).toHaveLength(3);
		for (const row of rows) expect(row).toMatch(/yesyesno$/);

		await page.getByRole('button', { name: 'Copy link' }).click();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		const { decodeCase } = await import('../../src/lib/share/index.ts');
		const opened = await decodeCase(link.split('#')[1]!);
		expect(JSON.stringify(opened)).not.toContain(key);
		await context.close();
	});

	it('lists the KMS key ID it adds, replaces a preset instead of stacking, and warns on what S3 rejects (ux-review-2 #14)', async () => {
		const { context, page } = await openApp(app.browser, app.url);
		await page.locator('#request').fill('PUT /secret.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\ndata');
		await page.getByText('Options').click();
		await page.getByLabel('Preset').selectOption('SSE-KMS');
		await page.getByLabel(/KMS key ID/).fill('alias/my-key');
		await page.getByRole('button', { name: 'Add the headers to the request' }).click();
		const table = page.getByRole('table', { name: 'Where the encryption headers go' });
		await expect.poll(() => table.locator('tbody tr').allTextContents()).toHaveLength(2);
		expect((await table.locator('tbody tr').allTextContents()).join(' ')).toContain('x-amz-server-side-encryption-aws-kms-key-id');

		await page.getByLabel('Preset').selectOption('SSE-C');
		await page.getByRole('button', { name: 'Generate' }).click();
		await page.getByRole('button', { name: 'Add the headers to the request' }).click();
		await expect.poll(() => page.locator('#request').inputValue()).toContain('x-amz-server-side-encryption-customer-key:');
		const request = await page.locator('#request').inputValue();
		expect(request).not.toContain('aws:kms');
		expect(request).not.toContain('alias/my-key');
		await expect.poll(() => table.locator('tbody tr').allTextContents()).toHaveLength(3);

		await page
			.locator('#request')
			.fill('GET /secret.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-server-side-encryption: aws:kms\n\n');
		await expect
			.poll(() => page.getByRole('alert').allTextContents())
			.toEqual(expect.arrayContaining([expect.stringMatching(/S3 rejects x-amz-server-side-encryption on GET/)]));
		await context.close();
	});
});
