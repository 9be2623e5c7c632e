// Login tokens pasted into the page: an EKS token decoded to its presigned GetCallerIdentity, its
// stages, and its signature verified once the cluster name and the secret are typed; an RDS token
// with "https://" in front named as such. Formats and their sources: src/lib/sigv4/auth-token.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildAuthToken } from '../../src/lib/sigv4/index.ts';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto } from './pane-helpers.ts';

const app = useApp();
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const verdict = (page: Page) => page.locator('.verdict .sentence').textContent();
const findingCodes = (page: Page) => page.locator('.findings .code').allTextContents();
/** Now, to the second: the page judges expiry by its own clock. */
const now = () => new Date().toISOString().replace(/[-:]|\.\d+/g, '');

describe('login tokens', () => {
	it('an EKS token → the decoded request, its stages, and the signature verified with the cluster name and the keys', async () => {
		const { token } = await buildAuthToken({ kind: 'eks', credentials, region: 'us-west-2', datetime: now(), clusterName: 'demo' });
		const { context, page, errors } = await openApp(app.browser, app.url);
		await pasteInto(page, token);

		expect(await page.locator('#paste-result').textContent()).toContain('EKS token');
		const request = await page.locator('#request').inputValue();
		expect(request).toMatch(/^GET \/\?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&/);
		expect(request).toContain('Host: sts.us-west-2.amazonaws.com');
		expect(request).toContain('x-k8s-aws-id: CLUSTER-NAME');
		expect(await page.locator('#service').inputValue()).toBe('sts');
		expect(await page.locator('#region').inputValue()).toBe('us-west-2');
		// No secret yet: nothing is called correct, and the token asks for the cluster name it does not carry.
		await expect.poll(() => findingCodes(page), { timeout: 15_000 }).toContain('eks-token-cluster-name');
		expect(await verdict(page)).toMatch(/^Not enough to tell — enter the secret/);

		await page.locator('#request').fill(request.replace('CLUSTER-NAME', 'demo'));
		await page.locator('#secretAccessKey').fill(credentials.secretAccessKey);
		await expect.poll(() => verdict(page), { timeout: 15_000 }).toMatch(/^Your signature is correct/);
		expect(await findingCodes(page)).toEqual([]);
		const canonical = await paneText(page, 'Canonical request');
		expect(canonical).toContain('x-k8s-aws-id:demo');
		expect(canonical).toContain('X-Amz-SignedHeaders=host%3Bx-k8s-aws-id');
		expect(await paneText(page, 'String to sign')).toContain('/us-west-2/sts/aws4_request');

		// Another cluster's name: the same token no longer verifies.
		await page.locator('#request').fill(request.replace('CLUSTER-NAME', 'other'));
		await expect.poll(() => verdict(page), { timeout: 15_000 }).not.toMatch(/^Your signature is correct/);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('an RDS token with https:// in front → auth-token-scheme-included', async () => {
		const { token } = await buildAuthToken({
			kind: 'rds',
			credentials,
			region: 'us-west-2',
			datetime: now(),
			host: 'db.abc123.us-west-2.rds.amazonaws.com',
			port: 5432,
			dbUser: 'app'
		});
		const { context, page, errors } = await openApp(app.browser, app.url);
		await pasteInto(page, `https://${token}`);
		expect(await page.locator('#paste-result').textContent()).toContain('RDS IAM auth token');
		expect(await page.locator('#service').inputValue()).toBe('rds-db');
		await expect.poll(() => findingCodes(page), { timeout: 15_000 }).toContain('auth-token-scheme-included');
		const finding = page.locator('.findings li').filter({ hasText: 'auth-token-scheme-included' });
		expect(await finding.textContent()).toContain('Remove "https://"');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('Make a login token: an RDS token signed now with the typed keys, then checked here as a paste', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		await page.locator('#secretAccessKey').fill(credentials.secretAccessKey);
		await page.locator('#region').fill('us-west-2');
		await page.getByText('Options', { exact: true }).click();
		await page.getByLabel('Token', { exact: true }).selectOption('rds');
		await page.getByLabel('Endpoint host').fill('db.abc123.us-west-2.rds.amazonaws.com');
		await page.getByLabel('Database user').fill('app');
		await page.getByRole('button', { name: 'Make the token' }).click();
		const token = await page.getByLabel('The token').inputValue();
		expect(token).toMatch(
			/^db\.abc123\.us-west-2\.rds\.amazonaws\.com:5432\/\?Action=connect&DBUser=app&X-Amz-Algorithm=AWS4-HMAC-SHA256&/
		);
		expect(token).toContain('%2Fus-west-2%2Frds-db%2Faws4_request');
		expect(token).toContain('X-Amz-Expires=900');
		await page.getByRole('button', { name: 'Check it here' }).click();
		await expect.poll(() => verdict(page), { timeout: 15_000 }).toMatch(/^Your signature is correct/);
		expect(await findingCodes(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
