// Issue 13 item 4 (ux-review-2 #15): a curl --aws-sigv4 import is signed for now, and nothing the
// page builds is dated 2013 or expired without saying so.
import { describe, expect, it } from 'vitest';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto, waitForEditors } from './pane-helpers.ts';

const app = useApp();

const CURL_SIGV4 =
	'curl --aws-sigv4 "aws:amz:eu-west-1:s3" --user "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" https://examplebucket.s3.eu-west-1.amazonaws.com/photos/cat.jpg';

/** The clock as SigV4 writes it, in Node: the page's own reading lies between two of these. */
function amzNow(): string {
	return new Date()
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

describe('time that makes sense', () => {
	it('a curl --aws-sigv4 import signs every output for now and says so by the date', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const before = amzNow();
		await pasteInto(page, CURL_SIGV4);
		await expect.poll(() => page.locator('#datetime').inputValue()).not.toBe('20130524T000000Z');
		const datetime = await page.locator('#datetime').inputValue();
		expect(datetime >= before && datetime <= amzNow()).toBe(true);

		const note = page.getByTestId('time-note');
		await expect.poll(() => note.textContent()).toContain('Signed for now (');
		expect(await note.textContent()).toContain('curl signs with the time it runs');
		expect(await page.locator('#paste-result').textContent()).toContain('No date in your paste: the stages are signed for now');

		await expect.poll(() => paneText(page, 'String to sign')).toContain(`${datetime}\n${datetime.slice(0, 8)}/eu-west-1/s3/aws4_request`);
		for (const label of ['Canonical request', 'String to sign', 'Signed request', 'curl command']) {
			expect(await paneText(page, label)).not.toContain('2013');
		}

		await page.getByRole('radio', { name: 'Presigned URL' }).check();
		await waitForEditors(page, 7);
		await expect.poll(() => paneText(page, 'Presigned URL')).toContain(`X-Amz-Date=${datetime}`);
		expect(await paneText(page, 'Presigned URL')).not.toContain('2013');
		expect(await note.textContent()).not.toContain('expired');
		// Nothing on the page speaks of 2013: the example's date is gone from every output and note.
		expect(await page.locator('main').innerText()).not.toContain('2013');
		expect(errors).toEqual([]);
		await context.close();
	});

	it("the example's presigned URL says it is signed for 2013 and expired, and one click signs it for now", async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		// AWS's own example in header mode reproduces the documented signature: nothing to say.
		expect(await page.getByTestId('time-note').count()).toBe(0);

		await page.getByRole('radio', { name: 'Presigned URL' }).check();
		await waitForEditors(page, 7);
		const note = page.getByTestId('time-note');
		await expect.poll(() => note.textContent()).toContain("signed for the example's fixed time, 2013-05-24 00:00:00 UTC");
		expect(await note.textContent()).toContain('This presigned URL expired at 2013-05-24 01:00:00 UTC: AWS would refuse it.');
		expect(await paneText(page, 'Presigned URL')).toContain('X-Amz-Date=20130524T000000Z');

		const before = amzNow();
		await note.getByRole('button', { name: 'Use the current time' }).click();
		const datetime = await page.locator('#datetime').inputValue();
		expect(datetime >= before && datetime <= amzNow()).toBe(true);
		await expect.poll(() => paneText(page, 'Presigned URL')).toContain(`X-Amz-Date=${datetime}`);
		expect(await page.getByTestId('time-note').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
