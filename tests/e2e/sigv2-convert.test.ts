import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto } from './pane-helpers.ts';
import { seed001Sigv2Request } from '../helpers/seeds.ts';

const app = useApp();

describe('SigV2 beside SigV4 (seed 001)', () => {
	it('converts their pasted SigV2 S3 request to SigV4 in one action, with every stage and what changed', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await pasteInto(page, seed001Sigv2Request());
		await page.getByRole('button', { name: 'Convert to SigV4' }).click();
		await expect.poll(() => page.locator('#region').inputValue()).toBe('eu-west-1');
		expect(await page.locator('#service').inputValue()).toBe('s3');
		expect(await page.locator('#datetime').inputValue()).toBe('20141015T120000Z');
		expect(await page.locator('#request').inputValue()).not.toMatch(/Authorization/i);
		await expect.poll(() => paneText(page, 'String to sign')).toContain('20141015/eu-west-1/s3/aws4_request');
		expect(await paneText(page, 'Canonical request')).toContain('/reports/2014-q3.csv');
		expect(await paneText(page, 'Signed request')).toMatch(
			/Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20141015\/eu-west-1\/s3\/aws4_request/
		);

		const table = page.getByRole('table', { name: 'What changed from SigV2 to SigV4' });
		const rows = (await table.locator('tbody tr').allTextContents()).join('\n');
		expect(rows).toContain('Date: Wed, 15 Oct 2014 12:00:00 GMT');
		expect(rows).toContain('X-Amz-Date: 20141015T120000Z');
		expect(rows).toContain('HMAC-SHA1');
		await page.getByRole('button', { name: 'Hide what changed' }).click();
		expect(await table.count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
