// A typed request signed with SigV4a: choose the algorithm, type a region set, see the ECDSA stages
// (the public key, never the private one), a signature said to verify, and a presigned URL with
// X-Amz-Region-Set; a Multi-Region Access Point host offers SigV4a with one click.
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, pane, paneText, waitForEditors } from './pane-helpers.ts';
import { KEY_PANE_LABEL_V4A } from '../../src/lib/learn/key-pane-label-v4a.ts';

const app = useApp();
const MRAP = 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com';

describe('a typed request signed with SigV4a', () => {
	it('signs with AWS4-ECDSA-P256-SHA256 over the typed region set, in header and presigned-URL mode', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await page.getByRole('radio', { name: /SigV4a/ }).check();
		await page.locator('#regionSet').fill('us-east-1, us-west-2');
		await expect
			.poll(() => paneText(page, 'String to sign'))
			.toMatch(/^AWS4-ECDSA-P256-SHA256\n20130524T000000Z\n20130524\/s3\/aws4_request\n[0-9a-f]{64}$/);
		expect(await paneText(page, 'Canonical request')).toContain('x-amz-region-set:us-east-1,us-west-2');
		// The key pane shows the public key, and its name, heading and text box say so; no pane is called the signing key alone.
		expect(KEY_PANE_LABEL_V4A).toBe('Signing key (ECDSA P-256): public key shown');
		expect(await pane(page, 'Signing key').count()).toBe(0);
		expect(await pane(page, KEY_PANE_LABEL_V4A).locator('h3').textContent()).toBe(KEY_PANE_LABEL_V4A);
		expect(await pane(page, KEY_PANE_LABEL_V4A).locator(`[aria-label="${KEY_PANE_LABEL_V4A}"]`).count()).toBeGreaterThan(0);
		const key = await paneText(page, KEY_PANE_LABEL_V4A);
		expect(key).toMatch(/public key x: [0-9a-f]{64}\npublic key y: [0-9a-f]{64}$/);
		expect(key).toContain('the private key is not shown');
		await expect.poll(() => pane(page, 'Signature').textContent()).toMatch(/random.*verifies with the public key above \(checked\)/);
		expect(await paneText(page, 'Signed request')).toContain(
			'Authorization: AWS4-ECDSA-P256-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/s3/aws4_request'
		);

		await page.getByRole('radio', { name: 'Presigned URL' }).check();
		await expect.poll(() => paneText(page, 'Presigned URL')).toContain('X-Amz-Region-Set=us-east-1%2Cus-west-2');
		const url = await paneText(page, 'Presigned URL');
		expect(url).toContain('X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256');
		expect(url).toMatch(/&X-Amz-Signature=[0-9a-f]{140,144}$/);

		// A region set SigV4a cannot sign is pointed at, and SigV4 is one click back.
		await page.locator('#regionSet').fill('us-east-1;eu-west-1');
		await expect.poll(() => page.locator('#region-error').textContent()).toContain('is not a region code');
		await page.getByRole('radio', { name: /^SigV4 / }).check();
		await expect.poll(() => paneText(page, 'String to sign')).toMatch(/^AWS4-HMAC-SHA256\n/);
		expect(await page.locator('#region').inputValue()).toBe('us-east-1');
		// Back on SigV4 the pane is the HMAC key chain again, and named as before.
		expect(await paneText(page, 'Signing key')).toMatch(/kSigning = [0-9a-f]{64}$/);
		expect(await pane(page, KEY_PANE_LABEL_V4A).count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('names the key pane the same on /learn: the public key under SigV4a, the signing key under SigV4', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		// The editors exist before the switch: the key pane keeps its editor, whose accessible name must follow.
		await waitForEditors(page, 4);
		await page.getByRole('radio', { name: /SigV4a/ }).check();
		await expect.poll(() => paneText(page, 'String to sign')).toMatch(/^AWS4-ECDSA-P256-SHA256\n/);
		const keyPane = pane(page, KEY_PANE_LABEL_V4A);
		expect(await keyPane.locator('.monaco-editor').count()).toBe(1);
		expect(await keyPane.locator(`[aria-label="${KEY_PANE_LABEL_V4A}"]`).count()).toBeGreaterThan(0);
		expect(await keyPane.locator('[aria-label="Signing key"]').count()).toBe(0);
		await page.getByRole('link', { name: 'Learn it step by step' }).click();
		await page
			.getByRole('button', { name: /Key pair/ })
			.first()
			.click();
		const title = page.locator('#learn-pane-title');
		await expect.poll(() => title.textContent()).toBe(KEY_PANE_LABEL_V4A);
		expect(await page.getByRole('region', { name: KEY_PANE_LABEL_V4A, exact: true }).locator('pre').textContent()).toContain(
			'public key x: '
		);

		await page.getByRole('link', { name: 'Back to the debugger' }).click();
		await page.getByRole('radio', { name: /^SigV4 / }).check();
		await expect.poll(() => paneText(page, 'String to sign')).toMatch(/^AWS4-HMAC-SHA256\n/);
		await page.getByRole('link', { name: 'Learn it step by step' }).click();
		await page
			.getByRole('button', { name: /Signing key: kDate/ })
			.first()
			.click();
		await expect.poll(() => title.textContent()).toBe('Signing key');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('offers SigV4a for a Multi-Region Access Point host, and switches only when asked', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await page.locator('#request').fill(`GET /photos/cat.jpg HTTP/1.1\nHost: ${MRAP}\n\n`);
		const use = page.getByRole('button', { name: 'Use SigV4a as s3' });
		await use.waitFor();
		// Offered, not applied: the stages are still SigV4's.
		expect(await paneText(page, 'String to sign')).toMatch(/^AWS4-HMAC-SHA256\n/);
		await use.click();
		await expect.poll(() => paneText(page, 'String to sign')).toMatch(/^AWS4-ECDSA-P256-SHA256\n/);
		expect(await page.locator('#regionSet').inputValue()).toBe('*');
		expect(await page.getByRole('radio', { name: /SigV4a/ }).isChecked()).toBe(true);
		expect(await use.count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
