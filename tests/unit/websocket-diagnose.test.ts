// WebSocket presigns through the page's pipeline: a pasted wss:// URL (alone or in a line of code)
// is read as the GET that opens it, or, for AppSync real-time, as the signed POST its header
// parameter carries; diagnose names each WebSocket mistake (WEBSOCKET_CASES: one per code), gives the
// corrected URL only where the secret is known, and stays silent on correct URLs.
// Sources: IoT developer guide iam-users-groups-roles.html (token appended after signing);
// Transcribe developer guide streaming-websocket.html (wss://transcribestreaming.REGION.amazonaws.com:8443);
// AppSync developer guide real-time-websocket-client.html (header = base64 JSON of the signed headers,
// payload = base64 of {}); AppSync Events publish-websocket.html (signed POST to /event).
import { describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase, importPaste } from '../../src/lib/case/index.ts';
import { appSyncSignedRequest, decodeBase64Text, importText } from '../../src/lib/parse/index.ts';
import { presignUrl } from '../../src/lib/sigv4/index.ts';
import { diagnoseScenario, NOW, request } from './diagnose-helpers.ts';
import {
	APPSYNC_API,
	APPSYNC_REALTIME,
	appSyncRealtimeUrl,
	SECRET,
	TOKEN,
	TRANSCRIBE,
	TRANSCRIBE_PATH,
	WEBSOCKET_CASES,
	wsParams
} from './websocket-cases.ts';

const IOT = 'a1b2c3d4e5f6g7-ats.iot.us-west-2.amazonaws.com';
const errors = (findings: { severity: string; code: string }[]) => findings.filter((f) => f.severity === 'error').map((f) => f.code);

/** The page's path: paste, type the secret, analyze (at the signing time, so the clock is no finding). */
async function pasted(text: string, secret?: string) {
	const imported = importPaste(exampleCase(), text);
	const c = secret ? edit(imported.case, { secretAccessKey: secret }) : imported.case;
	const analysis = await analyze(c, { now: NOW.toISOString() });
	expect(analysis.verdict).toBeDefined();
	return { report: imported.report, c, ...analysis, verdict: analysis.verdict! };
}

describe('diagnose names each WebSocket mistake', () => {
	for (const c of WEBSOCKET_CASES) {
		it(`${c.code}: ${c.name}`, async () => {
			const { findings } = await diagnoseScenario(await c.scenario());
			const f = findings.find((x) => x.code === c.code);
			expect(f, findings.map((x) => `${x.code}: ${x.message}`).join('\n')).toBeDefined();
			expect(f!.severity).toBe(c.severity);
			expect(f!.line).toBe(c.line);
			if (c.confirmed) expect(f!.confirmed).toBe(true);
			expect(f!.fix.length).toBeGreaterThan(10);
			// That mistake alone: no "the signature differs" beside it.
			expect(errors(findings).filter((code) => code !== c.code)).toEqual([]);
		});
	}

	it('transcribe-port-missing (reproduced) offers the URL with :8443 and the same signature', async () => {
		const { findings } = await diagnoseScenario(await WEBSOCKET_CASES[0]!.scenario());
		const f = findings.find((x) => x.code === 'transcribe-port-missing')!;
		expect(f.corrected?.label).toBe('Corrected URL (same signature)');
		const url = f.corrected!.value;
		expect(url.startsWith(`wss://${TRANSCRIBE}:8443/stream-transcription-websocket?`)).toBe(true);
		// The corrected URL is correct as it stands: diagnosing it finds nothing.
		expect(
			errors(
				(
					await diagnoseScenario({
						request: request('GET', url),
						params: wsParams('transcribe', 'us-west-2'),
						mode: 'query',
						provided: () => ({ signedUrl: url })
					})
				).findings
			)
		).toEqual([]);
	});
});

describe('IoT: a pasted wss:// URL whose session token was signed', () => {
	const signedTokenUrl = async () =>
		(await presignUrl(request('GET', `wss://${IOT}/mqtt`), wsParams('iotdevicegateway', 'us-west-2', { signSessionToken: true })))
			.signedUrl!;

	it('without the secret: the stages that need none, no finding and no corrected URL', async () => {
		const { findings, verdict, report } = await pasted(await signedTokenUrl());
		expect(report.kind).toBe('presigned-url');
		expect(findings).toEqual([]);
		expect(verdict.kind).toBe('undecided');
	});

	it('with the secret: session-token-signed, reproduced, with the corrected wss:// URL that diagnoses clean', async () => {
		const { findings, verdict, trace } = await pasted(await signedTokenUrl(), SECRET);
		expect(verdict).toMatchObject({ kind: 'cause', code: 'session-token-signed', basis: 'reproduced' });
		const f = findings.find((x) => x.code === 'session-token-signed')!;
		expect(f.corrected?.label).toBe('Corrected URL');
		const corrected = f.corrected!.value;
		// Given once, as a value to copy, not repeated in the prose.
		expect(f.message).not.toContain(corrected);
		expect(corrected).toBe(trace!.signedUrl);
		expect(corrected.startsWith(`wss://${IOT}/mqtt?`)).toBe(true);
		expect(corrected).toContain(`X-Amz-Security-Token=${encodeURIComponent(TOKEN)}`);
		expect((await pasted(corrected, SECRET)).verdict.kind).toBe('correct');
	});

	it('wrong signing name: iot (or iotdata) for the MQTT endpoint is host-signs-as iotdevicegateway', async () => {
		for (const service of ['iot', 'iotdata']) {
			const url = (await presignUrl(request('GET', `wss://${IOT}/mqtt`), wsParams(service, 'us-west-2'))).signedUrl!;
			const { findings } = await pasted(url, SECRET);
			expect(findings.find((f) => f.code === 'host-signs-as')?.message, service).toMatch(/signs as iotdevicegateway/);
		}
	});

	it('read from a line of JavaScript: new WebSocket("wss://…") and mqtt.connect(…)', async () => {
		const url = await signedTokenUrl();
		for (const line of [`const ws = new WebSocket("${url}");`, `const client = mqtt.connect('${url}', { clientId: 'x' });`]) {
			const r = importText(line);
			expect(r.request?.url, line).toBe(url);
			expect(r.mode).toBe('query');
			expect(r.params?.service).toBe('iotdevicegateway');
		}
	});
});

describe('Transcribe and other services sign the token', () => {
	it('a correct :8443 URL gives no error and no port finding', async () => {
		const t = await presignUrl(request('GET', `wss://${TRANSCRIBE}:8443${TRANSCRIBE_PATH}`), wsParams('transcribe', 'us-west-2'));
		const { findings, verdict } = await pasted(t.signedUrl!, SECRET);
		expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
		expect(verdict.kind).toBe('correct');
	});

	it('a token appended unsigned where the service signs it is session-token-added-after-signing', async () => {
		const t = await presignUrl(
			request('GET', `wss://${TRANSCRIBE}:8443${TRANSCRIBE_PATH}`),
			wsParams('transcribe', 'us-west-2', { signSessionToken: false })
		);
		const { verdict } = await pasted(t.signedUrl!, SECRET);
		expect(verdict).toMatchObject({ kind: 'cause', code: 'session-token-added-after-signing', basis: 'reproduced' });
	});

	it('signed as transcribestreaming: host-signs-as transcribe', async () => {
		const t = await presignUrl(request('GET', `wss://${TRANSCRIBE}:8443${TRANSCRIBE_PATH}`), wsParams('transcribestreaming', 'us-west-2'));
		expect((await pasted(t.signedUrl!, SECRET)).findings.map((f) => f.code)).toContain('host-signs-as');
	});
});

describe('AppSync real-time: the header parameter is a signed POST', () => {
	it('decodes base64 and base64url, with or without padding, and nothing else', () => {
		expect(decodeBase64Text('e30=')).toBe('{}');
		expect(decodeBase64Text('e30')).toBe('{}');
		expect(decodeBase64Text(Buffer.from('{"a":"ü?>"}').toString('base64url'))).toBe('{"a":"ü?>"}');
		expect(decodeBase64Text('not base64!')).toBeUndefined();
		expect(decodeBase64Text('/w==')).toBeUndefined();
	});

	it('reads the header JSON as POST /graphql/connect to its host (Events: POST /event), body from payload', () => {
		const header = Buffer.from(JSON.stringify({ host: APPSYNC_API, 'x-amz-date': '20150830T123600Z' })).toString('base64');
		const graphql = appSyncSignedRequest(header, 'e30=', `wss://${APPSYNC_REALTIME}/graphql`);
		expect(graphql).toEqual({
			request: {
				method: 'POST',
				url: `https://${APPSYNC_API}/graphql/connect`,
				headers: [
					['host', APPSYNC_API],
					['x-amz-date', '20150830T123600Z']
				],
				body: '{}'
			},
			headerJson: `{"host":"${APPSYNC_API}","x-amz-date":"20150830T123600Z"}`,
			payload: '{}'
		});
		const events = appSyncSignedRequest(header, undefined, `wss://${APPSYNC_REALTIME}/event/realtime`);
		expect(typeof events !== 'string' && events.request.url).toBe(`https://${APPSYNC_API}/event`);
		expect(appSyncSignedRequest('e30', undefined, `wss://${APPSYNC_REALTIME}/graphql`)).toMatchObject({
			request: { url: `https://${APPSYNC_API}/graphql/connect` }
		});
		expect(appSyncSignedRequest('WzFd', undefined, `wss://${APPSYNC_REALTIME}/graphql`)).toMatch(/not an object/);
		expect(appSyncSignedRequest('%%%', undefined, `wss://${APPSYNC_REALTIME}/graphql`)).toMatch(/not base64/);
	});

	it('a pasted real-time URL: its stages are the signed POST, correct with the secret', async () => {
		const url = await appSyncRealtimeUrl(APPSYNC_API, '/graphql/connect');
		const { report, verdict, trace } = await pasted(url, SECRET);
		expect(report.kind).toBe('appsync-realtime');
		expect(report.errors).toEqual([]);
		expect(trace?.canonicalRequest.split('\n').slice(0, 2)).toEqual(['POST', '/graphql/connect']);
		expect(verdict.kind).toBe('correct');
	});

	it('a header that is not base64 JSON is an error at the header parameter, not an exception', () => {
		const r = importText(`wss://${APPSYNC_REALTIME}/graphql?header=%25%25&payload=e30=`);
		expect(r.kind).toBe('appsync-realtime');
		expect(r.errors[0]?.message).toMatch(/not base64/);
	});

	it('without the secret: no finding, and the verdict asks for it', async () => {
		const { findings, verdict } = await pasted(await appSyncRealtimeUrl(APPSYNC_API, '/graphql'));
		expect(findings).toEqual([]);
		expect(verdict.kind).toBe('undecided');
	});
});
