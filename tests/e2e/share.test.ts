import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useApp } from './browser.ts';
import { newContext, pane, PANES, paneText, typeInto, waitForEditors, hydrated } from './pane-helpers.ts';
import { decodeCase, encodeCase, MAX_FRAGMENT_LENGTH } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE, type Case as ShareCase } from '../../src/lib/case/index.ts';
import { DEFAULT_PARAMS, DEFAULT_SIGNATURE } from '../../src/lib/case/examples.ts';
import { signRequest, type HttpRequest } from '../../src/lib/sigv4/index.ts';
import { SECRET_NEEDED } from '../../src/lib/case/index.ts';

const app = useApp();
/** A secret of the user's own: AWS's published example secret is public and travels in links. */
const OWN_SECRET = 'ownSecretOwnSecret/ownSecretOwnSecret+123';
const DEFAULT_REQUEST: HttpRequest = {
	method: 'GET',
	url: 'https://examplebucket.s3.amazonaws.com/test.txt',
	headers: [['Range', 'bytes=0-9']]
};

async function open(url = app.url): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
	await newContext(context, app.url);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(url);
	await hydrated(page);
	await waitForEditors(page, PANES.length);
	return { context, page, errors };
}

async function allPanes(page: Page): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const label of PANES) out[label] = await paneText(page, label);
	return out;
}

async function copiedLink(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
	return page.evaluate(() => navigator.clipboard.readText());
}

describe('share links', () => {
	it('reopen the same case, stage for stage, in a fresh browser', async () => {
		const first = await open();
		await first.page
			.locator('#request')
			.fill('PUT /shared/key.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nContent-Type: text/plain\n\nhello');
		await first.page.getByLabel('Region').fill('eu-west-1');
		await first.page.getByRole('checkbox', { name: /Include the secret key/ }).check();
		await expect.poll(() => paneText(first.page, 'String to sign')).toContain('eu-west-1');
		await typeInto(first.page, 'Signature', 'f'.repeat(64));
		await expect.poll(() => paneText(first.page, 'Signed request')).toContain('f'.repeat(64));
		const before = await allPanes(first.page);
		const link = await copiedLink(first.page);
		expect(link).toMatch(/#v1=[A-Za-z0-9_-]+$/);
		await first.context.close();

		const second = await open(link);
		await expect.poll(() => paneText(second.page, 'String to sign')).toBe(before['String to sign']);
		expect(await allPanes(second.page)).toEqual(before);
		expect(await pane(second.page, 'Signature').getByText('edited', { exact: true }).count()).toBe(1);
		expect(second.errors).toEqual([]);
		await second.context.close();
	});

	it('leave the secret out by default and ask for it', async () => {
		const first = await open();
		await first.page.getByLabel('Secret access key').fill(OWN_SECRET);
		const signature = (
			await signRequest(DEFAULT_REQUEST, { ...DEFAULT_PARAMS, credentials: { ...DEFAULT_PARAMS.credentials, secretAccessKey: OWN_SECRET } })
		).signature;
		await expect.poll(() => paneText(first.page, 'Signature')).toBe(signature);
		const link = await copiedLink(first.page);
		expect(await first.page.getByRole('status').filter({ hasText: 'Link copied' }).textContent()).toContain(
			'Left out: the secret access key (1 place).'
		);
		await first.context.close();
		expect(decodeURIComponent(link.split('#')[1]!)).not.toContain(OWN_SECRET);

		const second = await open(link);
		await expect.poll(() => paneText(second.page, 'Signature')).toBe(SECRET_NEEDED);
		expect(await paneText(second.page, 'Canonical request')).toContain('range:bytes=0-9');
		expect(await second.page.getByText('This case came without its secret key').count()).toBe(1);
		await second.page.getByLabel('Secret access key').fill(OWN_SECRET);
		await expect.poll(() => paneText(second.page, 'Signature')).toBe(signature);
		await second.context.close();
	});

	it("keep AWS's published example keys in a link: they are public, and the example reproduces without retyping", async () => {
		const first = await open();
		const link = await copiedLink(first.page);
		expect(await first.page.getByRole('status').filter({ hasText: 'Link copied' }).textContent()).toContain('public example keys');
		await first.context.close();
		const second = await open(link);
		await expect.poll(() => paneText(second.page, 'Signature')).toBe(DEFAULT_SIGNATURE);
		expect(await second.page.getByText('This case came without its secret key').count()).toBe(0);
		await second.context.close();
	});

	it('show hostile text literally and run none of it', async () => {
		const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'><svg onload=window.__pwned=3>`;
		const hostile: ShareCase = {
			...DEFAULT_CASE,
			requestText: `GET /${encodeURIComponent(evil)} HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nX-Evil: ${evil}\n`,
			accessKeyId: evil,
			region: evil,
			service: evil,
			pasteText: evil,
			overrides: { stringToSign: evil },
			provided: { canonicalRequest: evil, stringToSign: evil, signature: evil },
			server: { code: evil, message: evil, canonicalRequest: evil, fields: { [evil]: evil } },
			form: [[evil, evil]],
			sigv2Fields: [[evil, evil]]
		};
		const fragment = await encodeCase(hostile, { includeSecrets: false });
		const context = await app.browser.newContext();
		const page = await context.newPage();
		const dialogs: string[] = [];
		page.on('dialog', (d) => dialogs.push(d.message()));
		await page.goto(`${app.url}/#${fragment}`);
		await hydrated(page);
		await expect.poll(() => page.locator('#paste').inputValue()).toBe(evil);
		await page.waitForTimeout(1000);
		expect(await page.locator('#accessKeyId').inputValue()).toBe(evil);
		expect(await page.locator('#request').inputValue()).toContain(`X-Evil: ${evil}`);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(await page.locator('img[src=x], svg[onload]').count()).toBe(0);
		expect(dialogs).toEqual([]);
		await context.close();
	});

	it('turn a broken or future link into a clear message and the default page', async () => {
		for (const fragment of ['v1=!!!not-base64', 'v1=eJyrrg', 'v2=eJyrrgUAAXUA-Q', 'hello']) {
			const context = await app.browser.newContext();
			const page = await context.newPage();
			await page.goto(`${app.url}/#${fragment}`);
			await hydrated(page);
			const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
			await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
			expect(await page.locator('#request').inputValue()).toContain('GET /test.txt');
			await context.close();
		}
	});

	it('export a case to a file and open it again', async () => {
		const first = await open();
		await first.page.getByLabel('Secret access key').fill(OWN_SECRET);
		await first.page.locator('#request').fill('GET /exported HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		await expect.poll(() => paneText(first.page, 'Canonical request')).toContain('/exported');
		const [download] = await Promise.all([
			first.page.waitForEvent('download'),
			first.page.getByRole('button', { name: 'Export file' }).click()
		]);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(JSON.parse(text)).toMatchObject({ format: 'sigv4-debugger-case', version: 1 });
		expect(text).not.toContain(OWN_SECRET);
		await first.context.close();

		const second = await open();
		await second.page
			.getByRole('region', { name: 'Share this case' })
			.locator('input[type=file]')
			.setInputFiles({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(text) });
		await expect.poll(() => paneText(second.page, 'Canonical request')).toContain('/exported');
		await second.context.close();
	});

	it('remember on this device only when asked, and the keys only when asked again', async () => {
		const { context, page } = await open();
		const stored = () => page.evaluate(() => localStorage.getItem('sigv4-debugger:case'));
		await page.getByLabel('Secret access key').fill(OWN_SECRET);
		await page.waitForTimeout(600);
		expect(await stored()).toBeNull();
		await page.getByRole('checkbox', { name: /Remember this case/ }).check();
		await expect.poll(stored).not.toBeNull();
		expect(await stored()).not.toContain(OWN_SECRET);
		await page.getByRole('checkbox', { name: /including the secret key/ }).check();
		await expect.poll(stored).toContain(OWN_SECRET);
		await page.getByRole('checkbox', { name: /Remember this case/ }).uncheck();
		await expect.poll(stored).toBeNull();
		await context.close();
	});

	it('say so when the browser refuses to remember the case (storage full), and keep working', async () => {
		const { context, page, errors } = await open();
		// A full store throws QuotaExceededError from setItem; the browser's own limit is a few megabytes.
		await page.evaluate(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		await page.getByRole('checkbox', { name: /Remember this case/ }).check();
		await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not remembered on this device' }).count()).toBe(1);
		await page.getByLabel('Region').fill('eu-west-1');
		await expect.poll(() => paneText(page, 'String to sign')).toContain('eu-west-1');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('sanitize replaces the keys with the documented example keys', async () => {
		const { context, page } = await open();
		await page.getByLabel('Access key ID').fill('AKIAREALKEY000000001');
		await page.getByLabel('Secret access key').fill('realSecret/realSecret/realSecret+1234');
		await page
			.locator('#paste')
			.fill(
				'Authorization: AWS4-HMAC-SHA256 Credential=AKIAREALKEY000000001/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00'
			);
		await page.getByRole('button', { name: 'Sanitize' }).click();
		expect(await page.getByLabel('Access key ID').inputValue()).toBe('AKIAIOSFODNN7EXAMPLE');
		expect(await page.locator('#paste').inputValue()).not.toContain('AKIAREALKEY000000001');
		await expect.poll(() => paneText(page, 'Signature')).toBe(DEFAULT_SIGNATURE);
		expect(await page.getByRole('status').filter({ hasText: 'Replaced:' }).textContent()).toBe(
			'Replaced: access key ID AKIA…001 → AKIAIOSFODNN7EXAMPLE (2 places). Removed: the secret access key (1 place). Signatures now follow the example keys.'
		);
		await context.close();
	});

	it('sanitize can replace the bucket too, and says what it replaced and that the signature changes', async () => {
		const { context, page } = await open();
		await page.locator('#request').fill('GET /a.txt HTTP/1.1\nHost: my-bucket.s3.amazonaws.com\n');
		await page.getByRole('checkbox', { name: /also replaces the bucket and host names/ }).check();
		await page.getByRole('button', { name: 'Sanitize' }).click();
		expect(await page.locator('#request').inputValue()).toBe('GET /a.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n');
		const status = await page.getByRole('status').filter({ hasText: 'Replaced:' }).textContent();
		expect(status).toContain('Replaced: bucket my-bucket → examplebucket (1 place).');
		expect(status).toContain('a signature made for the real names no longer matches it');
		await context.close();
	});

	it('open the learning mode at the shared step', async () => {
		const context = await app.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${app.url}/learn`);
		await hydrated(page);
		await page.getByRole('button', { name: /^12\. / }).click();
		await page.waitForTimeout(500);
		const title = await page.locator('#step-title').textContent();
		const link = page.url();
		expect(link).toContain('#v1=');
		await context.close();
		const second = await app.browser.newContext();
		const other = await second.newPage();
		await other.goto(link);
		await hydrated(other);
		await expect.poll(() => other.locator('#step-title').textContent()).toBe(title);
		expect(await other.getByRole('status').filter({ hasText: /^Step/ }).textContent()).toMatch(/^Step 12 of/);
		await second.close();
	});

	it('refuse to copy a case too large for a link, say so, offer the file, and leave the clipboard alone', async () => {
		const { context, page } = await open();
		// Random base64 hardly compresses: this body makes a link longer than a link may be.
		const body = Buffer.from(Array.from({ length: MAX_FRAGMENT_LENGTH }, () => Math.floor(Math.random() * 256))).toString('base64');
		await page.evaluate(() => navigator.clipboard.writeText('what the user copied before'));
		await page.locator('#request').fill(`PUT /big HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n${body}`);
		await expect.poll(() => paneText(page, 'Canonical request')).toContain('/big');
		await page.evaluate(() => navigator.clipboard.writeText('what the user copied before'));
		await page.getByRole('button', { name: 'Copy link' }).click();
		const alert = page.getByRole('alert').filter({ hasText: 'Not copied. This case is too large for a link' });
		await expect.poll(() => alert.count()).toBe(1);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('what the user copied before');
		// No link of an earlier case stays in the address bar to stand for this one.
		expect(await page.evaluate(() => location.hash)).toBe('');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			alert.getByRole('button', { name: 'Export file instead' }).click()
		]);
		expect(readFileSync((await download.path())!, 'utf8')).toContain('/big');
		await context.close();
	});

	it('open a new link received in an open tab, and keep it in the address bar', async () => {
		const { context, page, errors } = await open();
		await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
		for (const region of ['ap-south-1', 'eu-north-1']) {
			const c: ShareCase = { ...DEFAULT_CASE, region, requestText: `GET /${region}.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n` };
			await page.goto(`${app.url}/#${await encodeCase(c, { includeSecrets: false })}`);
			await hydrated(page);
			await expect.poll(() => page.getByLabel('Region').inputValue()).toBe(region);
			expect(await page.locator('#request').inputValue()).toContain(`/${region}.txt`);
			await expect.poll(() => paneText(page, 'String to sign')).toContain(region);
			// Past the moment the page writes the address bar: it holds the case received, not the one before.
			await page.waitForTimeout(800);
			const hash = await page.evaluate(() => location.hash);
			const opened = await decodeCase(hash);
			expect('case' in opened && opened.case.region).toBe(region);
		}
		// Followed in the same document, not by reloading the page.
		expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});
});
