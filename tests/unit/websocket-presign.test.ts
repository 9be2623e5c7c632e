// WebSocket presigns in the core: wss:// URLs sign as the GET that opens them, the Host header keeps
// a non-default port (Transcribe streaming's :8443), and the session token goes where the service
// wants it — AWS IoT Core's MQTT over WebSockets (iotdevicegateway) appends it after signing, every
// other service signs it. Each is checked against @smithy/signature-v4 (the AWS SDK for JavaScript
// v3 signer), which signs the token always: the IoT form is its presign without the token, the
// token added after.
// Sources: IoT developer guide, "IAM users, groups, and roles" ("do not include X-Amz-Security-Token
// in the canonical query string … append X-Amz-Security-Token as a query parameter after the signature
// has been computed": https://docs.aws.amazon.com/iot/latest/developerguide/iam-users-groups-roles.html),
// "MQTT over the WebSocket protocol" (https://docs.aws.amazon.com/iot/latest/developerguide/mqtt-ws.html),
// awslabs/aws-c-auth#34 and mhart/aws4#30 (token after signing); Transcribe developer guide, "Setting up a WebSocket stream"
// (https://docs.aws.amazon.com/transcribe/latest/dg/streaming-websocket.html: wss://transcribestreaming.REGION.amazonaws.com:8443,
// X-Amz-Expires at most 300).
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWireUrl, presignUrl, tokenAfterSigning, type SigningParams } from '../../src/lib/sigv4/index.ts';
import { analyze, edit, exampleCase, importPaste } from '../../src/lib/case/index.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+with=chars';
const IOT_HOST = 'a1b2c3d4e5f6g7-ats.iot.us-west-2.amazonaws.com';
const TRANSCRIBE_HOST = 'transcribestreaming.us-west-2.amazonaws.com';

function params(service: string, over: Partial<SigningParams> = {}): SigningParams {
	return {
		credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN },
		region: 'us-west-2',
		service,
		datetime: '20240115T151500Z',
		expiresIn: 300,
		...over
	};
}

/** Smithy's presign of the same GET; `withToken` false leaves the session token out of its credentials. */
async function smithyPresign(
	host: string,
	port: number | undefined,
	path: string,
	query: Record<string, string>,
	p: SigningParams,
	withToken: boolean
): Promise<Record<string, string>> {
	const { accessKeyId, secretAccessKey, sessionToken } = p.credentials;
	const signer = new SignatureV4({
		service: p.service,
		region: p.region,
		sha256: Sha256,
		credentials: withToken ? { accessKeyId, secretAccessKey, sessionToken: sessionToken! } : { accessKeyId, secretAccessKey }
	});
	const request = new HttpRequest({
		method: 'GET',
		protocol: 'https:',
		hostname: host,
		...(port ? { port } : {}),
		path,
		query,
		headers: { host: port ? `${host}:${port}` : host }
	});
	const d = p.datetime;
	const signingDate = new Date(
		`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`
	);
	const signed = await signer.presign(request, { signingDate, expiresIn: p.expiresIn });
	return signed.query as Record<string, string>;
}

function queryOf(url: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of (url.split('?')[1] ?? '').split('&')) {
		const eq = part.indexOf('=');
		out[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
	}
	return out;
}

describe('IoT MQTT over WebSockets: the token is appended after signing', () => {
	it('the registry decides it: iotdevicegateway in query mode only; signSessionToken overrides', () => {
		expect(tokenAfterSigning({ service: 'iotdevicegateway' }, 'query')).toBe(true);
		expect(tokenAfterSigning({ service: 'IoTDeviceGateway ' }, 'query')).toBe(true);
		expect(tokenAfterSigning({ service: 'iotdevicegateway' }, 'header')).toBe(false);
		expect(tokenAfterSigning({ service: 'iotdevicegateway', signSessionToken: true }, 'query')).toBe(false);
		for (const service of ['iotdata', 'transcribe', 'execute-api', 'appsync', 's3'])
			expect(tokenAfterSigning({ service }, 'query')).toBe(false);
		expect(tokenAfterSigning({ service: 's3', signSessionToken: false }, 'header')).toBe(true);
	});

	it("signs as smithy's presign without the token, keeps wss://, and carries the token unsigned", async () => {
		const p = params('iotdevicegateway');
		const t = await presignUrl({ method: 'GET', url: `wss://${IOT_HOST}/mqtt`, headers: [] }, p);
		const smithy = await smithyPresign(IOT_HOST, undefined, '/mqtt', {}, p, false);
		expect(t.signature).toBe(smithy['X-Amz-Signature']);
		expect(t.canonicalRequest.split('\n')[2]).not.toContain('X-Amz-Security-Token');
		expect(t.signedUrl!.startsWith(`wss://${IOT_HOST}/mqtt?`)).toBe(true);
		expect(queryOf(t.signedUrl!)).toEqual({ ...smithy, 'X-Amz-Security-Token': TOKEN });
		// The same request for a service that signs the token: smithy's presign with it.
		const signed = await presignUrl({ method: 'GET', url: `wss://${IOT_HOST}/mqtt`, headers: [] }, { ...p, signSessionToken: true });
		expect(signed.signature).toBe((await smithyPresign(IOT_HOST, undefined, '/mqtt', {}, p, true))['X-Amz-Signature']);
		expect(signed.signature).not.toBe(t.signature);
	});

	it('re-presigning a pasted wss:// URL keeps its scheme (its old signature parameters dropped)', async () => {
		const first = await presignUrl(
			{ method: 'GET', url: `wss://${IOT_HOST}/mqtt?x-amz-customauthorizer-name=none`, headers: [] },
			params('iotdevicegateway')
		);
		const again = await presignUrl({ method: 'GET', url: first.signedUrl!, headers: [] }, params('iotdevicegateway'));
		expect(again.signedUrl).toBe(first.signedUrl);
		expect(parseWireUrl(first.signedUrl!)).toMatchObject({ scheme: 'https', websocket: true, path: '/mqtt' });
		expect(parseWireUrl(`https://${IOT_HOST}/mqtt`).websocket).toBeUndefined();
	});

	it('property: random regions, times, tokens and query parameters sign as smithy without the token', async () => {
		const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1');
		const time = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });
		const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 });
		await fc.assert(
			fc.asyncProperty(
				region,
				time,
				text,
				fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), text, { maxKeys: 3 }),
				async (r, ms, token, extra) => {
					const datetime = new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
					const p = params('iotdevicegateway', {
						region: r,
						datetime,
						credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: token }
					});
					const host = `abc123-ats.iot.${r}.amazonaws.com`;
					const qs = Object.entries(extra)
						.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
						.join('&');
					const t = await presignUrl({ method: 'GET', url: `wss://${host}/mqtt${qs ? `?${qs}` : ''}`, headers: [] }, p);
					const smithy = await smithyPresign(host, undefined, '/mqtt', extra, p, false);
					expect(t.signature).toBe(smithy['X-Amz-Signature']);
					expect(queryOf(t.signedUrl!)['X-Amz-Security-Token']).toBe(token);
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('Transcribe streaming over WebSockets: port 8443 is part of the signed host', () => {
	const path = '/stream-transcription-websocket';
	const query = { 'language-code': 'en-US', 'media-encoding': 'pcm', 'sample-rate': '16000' };
	const qs = 'language-code=en-US&media-encoding=pcm&sample-rate=16000';

	it('signs host:8443 and the token, as smithy does', async () => {
		const p = params('transcribe');
		const t = await presignUrl({ method: 'GET', url: `wss://${TRANSCRIBE_HOST}:8443${path}?${qs}`, headers: [] }, p);
		expect(t.canonicalRequest.split('\n')).toContain(`host:${TRANSCRIBE_HOST}:8443`);
		expect(t.canonicalRequest.split('\n')[2]).toContain('X-Amz-Security-Token=');
		expect(t.signature).toBe((await smithyPresign(TRANSCRIBE_HOST, 8443, path, query, p, true))['X-Amz-Signature']);
		expect(t.signedUrl!.startsWith(`wss://${TRANSCRIBE_HOST}:8443${path}?${qs}&X-Amz-Algorithm=`)).toBe(true);
	});

	it('wss:// on the default port signs the bare host', async () => {
		const t = await presignUrl({ method: 'GET', url: `wss://${TRANSCRIBE_HOST}:443${path}`, headers: [] }, params('transcribe'));
		expect(t.canonicalRequest.split('\n')).toContain(`host:${TRANSCRIBE_HOST}`);
	});
});

describe('API Gateway WebSocket APIs: an IAM-authorized $connect is a presigned GET signed as execute-api', () => {
	// API Gateway developer guide, apigateway-websocket-control-access-iam.html: the client signs the
	// connection URL (wss://{api-id}.execute-api.{region}.amazonaws.com/{stage}) with SigV4, service
	// execute-api; the session token is signed like any other presigned query parameter.
	const host = 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com';

	it("signs as smithy's presign with the token signed, keeps wss://, and the pasted URL reads as execute-api and correct", async () => {
		const p = params('execute-api', { region: 'eu-west-1' });
		const t = await presignUrl({ method: 'GET', url: `wss://${host}/production`, headers: [] }, p);
		expect(t.canonicalRequest.split('\n')[2]).toContain('X-Amz-Security-Token=');
		expect(t.signature).toBe((await smithyPresign(host, undefined, '/production', {}, p, true))['X-Amz-Signature']);
		expect(t.signedUrl!.startsWith(`wss://${host}/production?X-Amz-Algorithm=`)).toBe(true);

		const imported = importPaste(exampleCase(), t.signedUrl!);
		expect(imported.case.service).toBe('execute-api');
		expect(imported.case.region).toBe('eu-west-1');
		const analysis = await analyze(edit(imported.case, { secretAccessKey: SECRET }), { now: '2024-01-15T15:16:00Z' });
		expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
		expect(analysis.verdict?.kind).toBe('correct');
	});
});
