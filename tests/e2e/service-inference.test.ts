import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, paneText } from './pane-helpers.ts';

const app = useApp();
/** The hint's words, white space collapsed as the page shows them. */
const words = async (hint: Locator) => ((await hint.textContent()) ?? '').replace(/\s+/g, ' ');

describe('service inference from the host', () => {
	it('shows the signing name and region a host implies, with its source, and applies them on request', async () => {
		const { context, page } = await openApp(app.browser, app.url);
		await page
			.locator('#request')
			.fill('POST /model/anthropic.claude-v2/invoke HTTP/1.1\nHost: bedrock-runtime.us-west-2.amazonaws.com\n\n{}');
		const hint = page.getByLabel('Inferred from the host');
		await expect.poll(() => words(hint)).toContain('signs as bedrock in us-west-2');
		expect(await words(hint)).toContain('data/bedrock-runtime/service-2.json');
		await page.getByRole('button', { name: 'Use bedrock in us-west-2' }).click();
		expect(await page.locator('#service').inputValue()).toBe('bedrock');
		expect(await page.locator('#region').inputValue()).toBe('us-west-2');
		await expect.poll(() => paneText(page, 'String to sign')).toContain('/us-west-2/bedrock/aws4_request');
		await expect.poll(() => page.getByRole('button', { name: 'Use bedrock in us-west-2' }).count()).toBe(0);

		// The user's own choice wins: the hint stays, with the button to go back.
		await page.locator('#service').fill('bedrock-runtime');
		await expect.poll(() => paneText(page, 'String to sign')).toContain('/us-west-2/bedrock-runtime/aws4_request');
		expect(await page.getByRole('button', { name: 'Use bedrock in us-west-2' }).count()).toBe(1);
		await context.close();
	});

	it('names the fixed region of a global service (IAM: us-east-1)', async () => {
		const { context, page } = await openApp(app.browser, app.url);
		await page.locator('#request').fill('GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\nHost: iam.amazonaws.com\n\n');
		await page.locator('#region').fill('eu-west-1');
		await page.locator('#service').fill('iam');
		const hint = page.getByLabel('Inferred from the host');
		await expect.poll(() => words(hint)).toContain('a global endpoint: us-east-1 whatever your client');
		await page.getByRole('button', { name: 'Use iam in us-east-1' }).click();
		await expect.poll(() => paneText(page, 'String to sign')).toContain('/us-east-1/iam/aws4_request');
		await context.close();
	});

	it('says nothing for a host that is not an AWS endpoint', async () => {
		const { context, page } = await openApp(app.browser, app.url);
		await page.locator('#request').fill('GET / HTTP/1.1\nHost: api.example.com\n\n');
		await expect.poll(() => paneText(page, 'Canonical request')).toContain('host:api.example.com');
		expect(await page.getByLabel('Inferred from the host').count()).toBe(0);
		await context.close();
	});
});
