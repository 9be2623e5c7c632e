import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { DOC_POLICY, DOC_SIGNATURE } from '../helpers/post-example.ts';
import { newContext, openApp, pane, paneText, waitForEditors, hydrated } from './pane-helpers.ts';
import { encodeCase } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE } from '../../src/lib/case/index.ts';

const app = useApp();

describe('POST policy mode', () => {
	it('takes a pasted browser form with SigV2 fields mixed in, and names them', async () => {
		const { signPostPolicy } = await import('../../src/lib/sigv4/index.ts');
		const signed = await signPostPolicy(
			{
				policy: DOC_POLICY.replace(/\r\n/g, '\n'),
				fields: [
					['key', 'user/user1/cat.jpg'],
					['acl', 'public-read']
				]
			},
			{
				credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: DEFAULT_CASE.secretAccessKey! },
				region: 'us-east-1',
				service: 's3',
				datetime: '20151229T000000Z'
			}
		);
		// As in the C# story: SigV2's AWSAccessKeyId appended to a SigV4 form.
		const form = [...signed.fields, ['AWSAccessKeyId', 'AKIAIOSFODNN7EXAMPLE']].map(([n, v]) => `${n}: ${v}`).join('\n');
		const { context, page } = await openApp(app.browser, app.url);
		await page.locator('#paste').fill(form);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => page.getByRole('radio', { name: 'POST policy (browser upload)' }).isChecked()).toBe(true);
		await expect.poll(() => page.locator('.findings .code').allTextContents(), { timeout: 15_000 }).toContain('sigv2-fields-in-sigv4');
		expect(await page.locator('#policy').inputValue()).toContain('sigv4examplebucket');
		expect(await page.locator('#postFields').inputValue()).toBe('key: user/user1/cat.jpg\nacl: public-read');
		await context.close();
	});

	it("reproduces AWS's documented browser-upload signature", async () => {
		const fragment = await encodeCase(
			{
				...DEFAULT_CASE,
				mode: 'post',
				datetime: '20151229T000000Z',
				policyText: DOC_POLICY,
				postFields: 'key: user/user1/${filename}\nacl: public-read\nContent-Type: image/jpeg\nx-amz-meta-uuid: 14365123651274'
			},
			{ includeSecrets: true }
		);
		const context = await app.browser.newContext();
		await newContext(context, app.url);
		const page = await context.newPage();
		await page.goto(`${app.url}/#${fragment}`);
		await hydrated(page);
		await waitForEditors(page, 7);
		await expect.poll(() => paneText(page, 'Signature')).toBe(DOC_SIGNATURE);
		expect(await paneText(page, 'String to sign')).toBe(Buffer.from(DOC_POLICY).toString('base64'));
		const fields = await paneText(page, 'Form fields');
		expect(fields).toContain('x-amz-credential: AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request');
		expect(fields.trim().endsWith(`x-amz-signature: ${DOC_SIGNATURE}`)).toBe(true);
		expect(await paneText(page, 'curl command')).toContain("-F 'x-amz-algorithm=AWS4-HMAC-SHA256'");
		await page.screenshot({ path: 'test-results/post-policy.png', fullPage: true });
		await context.close();
	});

	it('writes a policy with the helpers and keeps the credential, algorithm and date conditions in sync', async () => {
		const { context, page } = await openApp(app.browser, app.url);
		page.setDefaultTimeout(10_000);
		await page.getByRole('radio', { name: 'POST policy (browser upload)' }).check();
		await page.getByText('Write a policy').click();
		await page.getByLabel('Bucket', { exact: true }).fill('my-uploads');
		await page.getByRole('button', { name: 'Write the policy' }).click();
		await expect.poll(() => paneText(page, 'Policy')).toContain('"my-uploads"');
		const policy = await paneText(page, 'Policy');
		expect(policy).toContain('"x-amz-credential": "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request"');
		expect(policy).toContain('"x-amz-date": "20130524T000000Z"');
		await page.getByLabel('Date and time').fill('20130601T120000Z');
		await expect.poll(() => paneText(page, 'Policy')).toContain('"x-amz-date": "20130601T120000Z"');
		expect(await pane(page, 'HTML form').count()).toBe(1);

		await page.locator('#policy').fill('{ "expiration": "2013-06-01T13:00:00Z", "conditions": [ {"bucket": "b"}, ] }');
		const error = page.locator('#policy-error');
		await expect.poll(() => error.textContent()).toMatch(/line 1, column \d+/i);
		await context.close();
	});
});
