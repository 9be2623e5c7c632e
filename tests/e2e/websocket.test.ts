// WebSocket presigns, as a person meets them: paste a wss:// URL, type the secret key, read the
// finding. AWS IoT over WebSockets wants the session token appended after signing (IoT developer guide,
// https://docs.aws.amazon.com/iot/latest/developerguide/iam-users-groups-roles.html); Transcribe
// streaming signs host:8443 (https://docs.aws.amazon.com/transcribe/latest/dg/streaming-websocket.html);
// AppSync real-time carries a signed POST in its header parameter
// (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html), AppSync Events in
// its header- subprotocol (https://docs.aws.amazon.com/appsync/latest/eventapi/event-api-websocket-protocol.html).
// The URLs are signed now (so that none has expired) with AWS's example keys.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { presignUrl, signRequest, type SigningParams } from '../../src/lib/sigv4/index.ts';
import { useApp } from './browser.ts';
import { openApp, paneText, pasteInto } from './pane-helpers.ts';

const app = useApp();
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+';
const IOT = 'a1b2c3d4e5f6g7-ats.iot.us-west-2.amazonaws.com';
const TRANSCRIBE = 'transcribestreaming.us-west-2.amazonaws.com';
const APPSYNC_API = 'example1234567890000.appsync-api.us-east-1.amazonaws.com';

const now = () => new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
const params = (service: string, region: string, over: Partial<SigningParams> = {}): SigningParams => ({
	credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN },
	region,
	service,
	datetime: now(),
	expiresIn: 300,
	...over
});
const findingCodes = (page: Page) => page.locator('.findings .code').allTextContents();
const findingsText = async (page: Page) => ((await page.locator('.findings').textContent()) ?? '').replace(/\s+/g, ' ');

async function typeSecret(page: Page): Promise<void> {
	await page.locator('#secretAccessKey').fill(SECRET);
}

describe('WebSocket presigned URLs', () => {
	it('an IoT wss:// URL whose session token was signed: the finding and the corrected URL, after the key is typed', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const signed = await presignUrl(
			{ method: 'GET', url: `wss://${IOT}/mqtt`, headers: [] },
			params('iotdevicegateway', 'us-west-2', { signSessionToken: true })
		);
		const corrected = await presignUrl(
			{ method: 'GET', url: `wss://${IOT}/mqtt`, headers: [] },
			params('iotdevicegateway', 'us-west-2', { datetime: signed.datetime })
		);
		await pasteInto(page, signed.signedUrl!);
		// No secret yet: no finding, and nothing called correct.
		expect(await findingCodes(page)).not.toContain('session-token-signed');
		await typeSecret(page);
		await expect.poll(() => findingCodes(page)).toContain('session-token-signed');
		// The corrected URL is a value of its own under the finding, read-only, with its Copy button; the clipboard gets it
		// exactly, the token the pasted URL carried included, and never the secret key.
		const block = page.locator('.findings .corrected');
		expect(await block.locator('pre').textContent()).toBe(corrected.signedUrl!);
		expect(await findingsText(page)).not.toContain(`Corrected URL: ${corrected.signedUrl!}`);
		await block.getByRole('button', { name: 'Copy Corrected URL', exact: true }).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(corrected.signedUrl!);
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toContain(`X-Amz-Security-Token=${encodeURIComponent(TOKEN)}`);
		expect(copied).not.toContain(encodeURIComponent(SECRET));
		expect(copied).not.toContain(SECRET);
		expect(corrected.signedUrl!.startsWith(`wss://${IOT}/mqtt?`)).toBe(true);
		// The page's own stages are IoT's: the canonical query without the token.
		expect(await paneText(page, 'Canonical request')).not.toContain('X-Amz-Security-Token');
		await expect.poll(() => page.locator('p.verdict').textContent()).toMatch(/reproduces your signature/);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a correct Transcribe URL on :8443 gives no error and no port finding', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const t = await presignUrl(
			{
				method: 'GET',
				url: `wss://${TRANSCRIBE}:8443/stream-transcription-websocket?language-code=en-US&media-encoding=pcm&sample-rate=16000`,
				headers: []
			},
			params('transcribe', 'us-west-2')
		);
		await pasteInto(page, t.signedUrl!);
		await typeSecret(page);
		await expect.poll(() => paneText(page, 'Canonical request')).toContain(`host:${TRANSCRIBE}:8443`);
		await expect.poll(() => page.getByText('Your signature is correct for this request').count()).toBeGreaterThan(0);
		expect(await findingCodes(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('an AppSync real-time URL: the header parameter read as the signed POST to /graphql/connect', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const headers: [string, string][] = [
			['accept', 'application/json, text/javascript'],
			['content-encoding', 'amz-1.0'],
			['content-type', 'application/json; charset=UTF-8'],
			['host', APPSYNC_API]
		];
		const t = await signRequest(
			{ method: 'POST', url: `https://${APPSYNC_API}/graphql`, headers, body: '{}' },
			params('appsync', 'us-east-1')
		);
		const header = Buffer.from(JSON.stringify(Object.fromEntries(t.request.headers))).toString('base64');
		await pasteInto(
			page,
			`wss://example1234567890000.appsync-realtime-api.us-east-1.amazonaws.com/graphql?header=${encodeURIComponent(header)}&payload=e30=`
		);
		await typeSecret(page);
		await expect.poll(() => paneText(page, 'Canonical request')).toMatch(/^POST\n\/graphql\/connect\n/);
		await expect.poll(() => findingCodes(page)).toContain('appsync-connect-path');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('an AppSync Events upgrade request: its header- subprotocol read as the signed POST to /event, correct with the secret', async () => {
		const { context, page, errors } = await openApp(app.browser, app.url);
		const t = await signRequest(
			{ method: 'POST', url: `https://${APPSYNC_API}/event`, headers: [['host', APPSYNC_API]], body: '{}' },
			params('appsync', 'us-east-1')
		);
		const protocol = `header-${Buffer.from(JSON.stringify(Object.fromEntries(t.request.headers))).toString('base64url')}`;
		await pasteInto(
			page,
			`GET /event/realtime HTTP/1.1\nHost: example1234567890000.appsync-realtime-api.us-east-1.amazonaws.com\nSec-WebSocket-Protocol: aws-appsync-event-ws, ${protocol}\n\n`
		);
		await typeSecret(page);
		await expect.poll(() => paneText(page, 'Canonical request')).toMatch(/^POST\n\/event\n/);
		await expect.poll(() => page.getByText('Your signature is correct for this request').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
