// A pasted SigV4a request in the page: its own stages (the public key in the key pane), a verdict
// by verification, and the finding for a signature that does not verify; no page error.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto } from './pane-helpers.ts';
import { formatHttpRequest, signRequestV4a, type SigningParamsV4a } from '../../src/lib/sigv4/index.ts';
import { DEFAULT_PARAMS } from '../../src/lib/case/examples.ts';
import { KEY_PANE_LABEL_V4A } from '../../src/lib/learn/key-pane-label-v4a.ts';

const app = useApp();
const verdict = (page: Page) => page.locator('.verdict .sentence').textContent();
const findingCodes = (page: Page) => page.locator('.findings .code').allTextContents();

const { region: _region, ...v4 } = DEFAULT_PARAMS;
const PARAMS: SigningParamsV4a = { ...v4, regionSet: ['*'] };
const REQUEST = { method: 'GET', url: 'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/photos/cat.jpg', headers: [] };

describe('a pasted SigV4a request', () => {
	it('shows the SigV4a stages and a correct verdict, then names a signature made with another secret', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const good = await signRequestV4a(REQUEST, PARAMS);
		await pasteInto(page, formatHttpRequest(good.request));
		await expect.poll(() => verdict(page), { timeout: 15_000 }).toMatch(/correct/);
		expect(await paneText(page, 'String to sign')).toBe(good.stringToSign);
		expect(await paneText(page, KEY_PANE_LABEL_V4A)).toContain(`public key x: ${good.publicKey.x}`);

		const other = await signRequestV4a(REQUEST, { ...PARAMS, credentials: { ...PARAMS.credentials, secretAccessKey: 'another secret' } });
		await pasteInto(page, formatHttpRequest(other.request));
		await expect.poll(() => findingCodes(page), { timeout: 15_000 }).toContain('sigv4a-signature-invalid');
		expect(await findingCodes(page)).not.toContain('signature-mismatch');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('walks the pasted SigV4a request step by step: its key pair and ECDSA signature', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const good = await signRequestV4a(REQUEST, PARAMS);
		await pasteInto(page, formatHttpRequest(good.request));
		await expect.poll(() => verdict(page), { timeout: 15_000 }).toMatch(/correct/);
		await page.getByRole('link', { name: 'Learn it step by step' }).click();
		const list = page.locator('main');
		await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain('Key pair');
		await page
			.getByRole('button', { name: /Key pair/ })
			.first()
			.click();
		await expect.poll(() => page.locator('body').textContent()).toContain(`public key x: ${good.publicKey.x}`);
		expect(errors).toEqual([]);
		await context.close();
	});
});
