// WebSocket presign cases: one scenario per finding code this part added (websocket-diagnose.test.ts
// runs them; diagnose-codes.test.ts counts their codes as covered). The keys are AWS's example keys.
import type { FindingCode } from '../../src/lib/findings/index.ts';
import { signRequest, type Header, type SigningParams } from '../../src/lib/sigv4/index.ts';
import { DATETIME, request, sign, type Scenario } from './diagnose-helpers.ts';

export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+';
export const TRANSCRIBE = 'transcribestreaming.us-west-2.amazonaws.com';
export const TRANSCRIBE_PATH = '/stream-transcription-websocket?language-code=en-US&media-encoding=pcm&sample-rate=16000';
export const APPSYNC_API = 'example1234567890000.appsync-api.us-east-1.amazonaws.com';
export const APPSYNC_REALTIME = 'example1234567890000.appsync-realtime-api.us-east-1.amazonaws.com';

export const wsParams = (service: string, region: string, over: Partial<SigningParams> = {}): SigningParams => ({
	credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN },
	region,
	service,
	datetime: DATETIME,
	expiresIn: 300,
	...over
});

/** The headers AppSync's real-time IAM example signs (AppSync developer guide, real-time-websocket-client.html). */
export const appSyncHeaders = (host: string): Header[] => [
	['accept', 'application/json, text/javascript'],
	['content-encoding', 'amz-1.0'],
	['content-type', 'application/json; charset=UTF-8'],
	['host', host]
];

/** The real-time URL whose header parameter is this signed request's headers, as base64 JSON. */
export async function appSyncRealtimeUrl(host: string, path: string, body = '{}'): Promise<string> {
	const t = await signRequest(
		{ method: 'POST', url: `https://${host}${path}`, headers: appSyncHeaders(host), body },
		wsParams('appsync', 'us-east-1')
	);
	const json = JSON.stringify(Object.fromEntries(t.request.headers));
	return `wss://${APPSYNC_REALTIME}/graphql?header=${encodeURIComponent(Buffer.from(json).toString('base64'))}&payload=e30=`;
}

export interface WebSocketCase {
	code: FindingCode;
	name: string;
	scenario: () => Promise<Scenario>;
	severity: 'error' | 'warning';
	line?: number;
	confirmed?: boolean;
}

/** The user's signed POST and its Authorization header, as the page reads them from the header parameter. */
async function appSyncScenario(signedHost: string, signedPath: string): Promise<Scenario> {
	const p = wsParams('appsync', 'us-east-1');
	const t = await signRequest(
		{ method: 'POST', url: `https://${signedHost}${signedPath}`, headers: appSyncHeaders(signedHost), body: '{}' },
		p
	);
	const sent = request('POST', `https://${signedHost}/graphql/connect`, t.request.headers, '{}');
	return { request: sent, params: { ...p, signedHeaders: t.signedHeaders }, provided: () => ({ authorization: t.authorization! }) };
}

export const WEBSOCKET_CASES: WebSocketCase[] = [
	{
		code: 'transcribe-port-missing',
		name: 'Transcribe URL signed for host:8443, opened without the port (reproduced; the corrected URL keeps the signature)',
		scenario: async () => {
			const p = wsParams('transcribe', 'us-west-2');
			const t = await sign(request('GET', `wss://${TRANSCRIBE}${TRANSCRIBE_PATH}`, [['Host', `${TRANSCRIBE}:8443`]]), p, 'query');
			return { request: request('GET', t.signedUrl!), params: p, mode: 'query', provided: () => ({ signedUrl: t.signedUrl! }) };
		},
		severity: 'error',
		line: 1,
		confirmed: true
	},
	{
		code: 'transcribe-port-missing',
		name: 'Transcribe URL signed and opened without :8443 (a warning: the URL signed for 8443 offered)',
		scenario: async () => {
			const p = wsParams('transcribe', 'us-west-2');
			const t = await sign(request('GET', `wss://${TRANSCRIBE}${TRANSCRIBE_PATH}`), p, 'query');
			return { request: request('GET', t.signedUrl!), params: p, mode: 'query', provided: () => ({ signedUrl: t.signedUrl! }) };
		},
		severity: 'warning',
		line: 1
	},
	{
		code: 'appsync-realtime-host-signed',
		name: "AppSync real-time header signed with the real-time host instead of the API's GraphQL host",
		scenario: () => appSyncScenario(APPSYNC_REALTIME, '/graphql/connect'),
		severity: 'error'
	},
	{
		code: 'appsync-connect-path',
		name: 'AppSync real-time header signed for POST /graphql instead of /graphql/connect (reproduced)',
		scenario: () => appSyncScenario(APPSYNC_API, '/graphql'),
		severity: 'error',
		line: 2,
		confirmed: true
	}
];
