// AppSync Events passes the real-time authorization as a WebSocket subprotocol, header-<base64url
// JSON of the signed headers>, beside aws-appsync-event-ws. Pasted as a line of code or as the
// upgrade request's Sec-WebSocket-Protocol header, it is read as the signed POST /event it stands
// for, like the header= query parameter; a malformed one is an error that says what is wrong.
import { describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase, importPaste } from '../../src/lib/case/index.ts';
import { importText } from '../../src/lib/parse/index.ts';
import { signRequest } from '../../src/lib/sigv4/index.ts';
import { NOW } from './diagnose-helpers.ts';
import { APPSYNC_API, APPSYNC_REALTIME, appSyncHeaders, SECRET, wsParams } from './websocket-cases.ts';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** The subprotocol a client opens the Events WebSocket with: the signed POST /event's headers. */
async function signedSubprotocol(path = '/event'): Promise<string> {
	const t = await signRequest(
		{ method: 'POST', url: `https://${APPSYNC_API}${path}`, headers: appSyncHeaders(APPSYNC_API), body: '{}' },
		wsParams('appsync', 'us-east-1')
	);
	return `header-${base64url(JSON.stringify(Object.fromEntries(t.request.headers)))}`;
}

const codeLine = (protocol: string) =>
	`const ws = new WebSocket('wss://${APPSYNC_REALTIME}/event/realtime', ['aws-appsync-event-ws', '${protocol}']);`;
const upgradeRequest = (protocol: string) =>
	[
		'GET /event/realtime HTTP/1.1',
		`Host: ${APPSYNC_REALTIME}`,
		'Upgrade: websocket',
		'Connection: Upgrade',
		`Sec-WebSocket-Protocol: aws-appsync-event-ws, ${protocol}`,
		''
	].join('\n');

async function checked(text: string) {
	const imported = importPaste(exampleCase(), text);
	const analysis = await analyze(edit(imported.case, { secretAccessKey: SECRET }), { now: NOW.toISOString() });
	return { report: imported.report, ...analysis };
}

describe('AppSync Events subprotocol, https://docs.aws.amazon.com/appsync/latest/eventapi/event-api-websocket-protocol.html', () => {
	for (const [form, make] of [
		['new WebSocket(url, [aws-appsync-event-ws, header-…])', codeLine],
		['Sec-WebSocket-Protocol: aws-appsync-event-ws, header-… in the upgrade request', upgradeRequest],
		['the Sec-WebSocket-Protocol line alone', (p: string) => `Sec-WebSocket-Protocol: aws-appsync-event-ws, ${p}`]
	] as const) {
		it(`${form}: read as the signed POST /event, correct with the secret`, async () => {
			const text = make(await signedSubprotocol());
			const r = importText(text);
			expect(r.kind).toBe('appsync-realtime');
			expect(r.errors).toEqual([]);
			expect(r.request).toMatchObject({ method: 'POST', url: `https://${APPSYNC_API}/event`, body: '{}' });
			expect(r.notes.join(' ')).toContain('header- subprotocol is the signed POST');
			const { trace, verdict, findings } = await checked(text);
			expect(trace?.canonicalRequest.split('\n').slice(0, 2)).toEqual(['POST', '/event']);
			expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
			expect(verdict?.kind).toBe('correct');
		});
	}

	it('a signature made for another path is still named (appsync-connect-path)', async () => {
		const { findings } = await checked(codeLine(await signedSubprotocol('/event/realtime')));
		expect(findings.map((f) => f.code)).toContain('appsync-connect-path');
	});

	it('a header JSON without host takes the API host from the real-time URL', () => {
		const r = importText(codeLine(`header-${base64url('{"x-api-key":"da2-example"}')}`));
		expect(r.request?.url).toBe(`https://${APPSYNC_API}/event`);
		expect(r.notes.join(' ')).toContain('no Authorization');
	});

	it('malformed base64url: an error at the subprotocol naming the character, with the fix', () => {
		const line = codeLine('header-eyJo%3D');
		const r = importText(line);
		expect(r.kind).toBe('appsync-realtime');
		expect(r.errors[0]?.message).toBe(
			'The header- subprotocol is not base64: it has "%" at character 5, and base64url has only A-Z, a-z, 0-9, "-" and "_".'
		);
		expect(r.errors[0]?.fix).toMatch(/^Paste the subprotocol as the client passes it: "header-" then the base64url/);
		expect(r.errors[0]?.column).toBe(line.indexOf('header-') + 1);
	});

	it('base64url of text that is not JSON: says so, and says when the JSON was cut short', () => {
		const cut = importText(upgradeRequest(`header-${base64url('{"host":"example')}`));
		expect(cut.errors[0]?.message).toBe(
			'The header- subprotocol decodes to text that is not JSON (it opens with "{" and never closes it: cut short when copied?).'
		);
		expect(importText(upgradeRequest(`header-${base64url('host=example')}`)).errors[0]?.message).toBe(
			'The header- subprotocol decodes to text that is not JSON.'
		);
		expect(importText(upgradeRequest(`header-${base64url('["host"]')}`)).errors[0]?.message).toBe(
			'The header- subprotocol decodes to JSON that is not an object of headers.'
		);
	});

	it('aws-appsync-event-ws without a header- subprotocol is not this form', () => {
		expect(importText(codeLine('').replace(", ''", '')).kind).not.toBe('appsync-realtime');
	});
});
