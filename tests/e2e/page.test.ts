import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startPreview } from './browser.ts';
import { formatHttpRequest, signRequest } from '../../src/lib/sigv4/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { DEFAULT_PARAMS, DEFAULT_REQUEST_TEXT, DEFAULT_SIGNATURE } from '../../src/lib/examples.ts';

let browser: Browser;
let preview: { url: string; stop: () => void };

beforeAll(async () => {
	preview = await startPreview();
	browser = await launchChromium();
	mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
	await browser?.close();
	preview?.stop();
});

async function openPage(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
	const page = await browser.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(preview.url);
	await page.getByLabel('Signature', { exact: true }).waitFor();
	return { page, errors, requests };
}

const pane = (page: Page, name: string) => page.getByLabel(name, { exact: true }).textContent();

describe('the placeholder page', () => {
	it('signs the default example in the browser, stage for stage as the core does in Node', async () => {
		const { page, errors } = await openPage();
		const expected = await signRequest(parseRawHttp(DEFAULT_REQUEST_TEXT).request!, DEFAULT_PARAMS);
		expect(expected.signature).toBe(DEFAULT_SIGNATURE);
		expect(await pane(page, 'Canonical request')).toBe(expected.canonicalRequest);
		expect(await pane(page, 'String to sign')).toBe(expected.stringToSign);
		expect(await pane(page, 'Signature')).toBe(DEFAULT_SIGNATURE);
		expect(await pane(page, 'Signing key')).toContain(expected.keyChain.kSigning);
		expect(await pane(page, 'Signed request')).toBe(formatHttpRequest(expected.request));
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.screenshot({ path: 'test-results/placeholder-desktop.png', fullPage: true });
		expect(errors).toEqual([]);
		await page.close();
	});

	it('re-signs on every keystroke, and shows a field error while keeping the last good stages', async () => {
		const { page, errors } = await openPage();
		const request = page.getByLabel('Request (raw HTTP)');
		await request.fill(DEFAULT_REQUEST_TEXT + 'X-Amz-Meta-Color: blue\n');
		await expect.poll(() => pane(page, 'Canonical request')).toContain('x-amz-meta-color:blue');
		expect(await pane(page, 'Signature')).not.toBe(DEFAULT_SIGNATURE);

		await page.getByLabel('Date and time (UTC)').fill('2013-05-24');
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('YYYYMMDDTHHMMSSZ');
		expect(await pane(page, 'Canonical request')).toContain('x-amz-meta-color:blue');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('makes a presigned URL in presign mode', async () => {
		const { page } = await openPage();
		await page.getByLabel('Mode').selectOption('query');
		await expect
			.poll(() => pane(page, 'Signed request'))
			.toMatch(/^https:\/\/examplebucket\.s3\.amazonaws\.com\/test\.txt\?X-Amz-Algorithm=.*X-Amz-Signature=[0-9a-f]{64}$/);
		await page.close();
	});

	it('makes no request to another origin', async () => {
		const { page, requests } = await openPage();
		await page.getByLabel('Region').fill('eu-west-1');
		await expect.poll(() => pane(page, 'String to sign')).toContain('eu-west-1');
		expect(requests.length).toBeGreaterThan(0);
		expect(requests.filter((u) => !u.startsWith(preview.url))).toEqual([]);
		await page.close();
	});
});
