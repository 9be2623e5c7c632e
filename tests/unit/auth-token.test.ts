// Login tokens built by our core and by an independent signer (@smithy/signature-v4, the AWS SDK for
// JavaScript v3's), each the way its official tool wraps the presigned URL. Sources of the formats:
// - EKS: https://github.com/kubernetes-sigs/aws-iam-authenticator/blob/master/pkg/token/token.go
//   (GetWithSTS: presign GetCallerIdentity with x-k8s-aws-id, 60 s; "k8s-aws-v1." + RawURLEncoding).
// - RDS: https://github.com/aws/aws-cli/blob/develop/awscli/examples/rds/generate-db-auth-token.rst
//   (host:port/?Action=connect&DBUser=…, rds-db, 900 s, no scheme).
// - DSQL: https://github.com/aws/aws-cli/blob/develop/awscli/examples/dsql/generate-db-connect-auth-token.rst
//   (host/?Action=DbConnect, dsql; DbConnectAdmin for admin).
// - MSK: https://github.com/aws/aws-msk-iam-sasl-signer-python/blob/main/aws_msk_iam_sasl_signer/MSKAuthTokenProvider.py
//   (kafka.<region>.amazonaws.com/?Action=kafka-cluster:Connect, signing name kafka-cluster, 900 s,
//   User-Agent added after signing, urlsafe base64 with "=" stripped).
// - Neptune: the Bolt auth token of https://docs.aws.amazon.com/neptune/latest/userguide/access-graph-opencypher-bolt.html
//   (GET /opencypher signed as neptune-db; JSON of Authorization, X-Amz-Date, X-Amz-Security-Token, Host, HttpMethod).
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase, importPaste } from '../../src/lib/case/index.ts';
import { redactSecrets } from '../../src/lib/case/redact-secrets.ts';
import { decodeAuthToken, importText } from '../../src/lib/parse/index.ts';
import { buildAuthToken, fromBase64Url, type AuthTokenKind } from '../../src/lib/sigv4/index.ts';

const credentials = {
	accessKeyId: 'AKIDEXAMPLE',
	secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
	sessionToken: 'FwoGZXIvYXdzEXAMPLE//token+/='
};
const datetime = '20261206T110000Z';
const signingDate = new Date('2026-12-06T11:00:00Z');

/** Smithy's presigned request as a URL, query in the order smithy gives it. */
function urlOf(r: HttpRequest): string {
	const q = Object.entries(r.query)
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
		.join('&');
	return `https://${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}?${q}`;
}

async function smithyPresign(
	service: string,
	host: string,
	port: number | undefined,
	query: Record<string, string>,
	headers: Record<string, string>,
	expiresIn: number
): Promise<HttpRequest> {
	const signer = new SignatureV4({ service, region: 'us-west-2', credentials, sha256: Sha256, uriEscapePath: true });
	const request = new HttpRequest({
		method: 'GET',
		protocol: 'https:',
		hostname: host,
		...(port ? { port } : {}),
		path: '/',
		query,
		headers: { host: port ? `${host}:${port}` : host, ...headers }
	});
	return (await signer.presign(request, { expiresIn, signingDate })) as HttpRequest;
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** Each kind as its official tool makes it, signed by smithy. */
const ORACLE: Record<Exclude<AuthTokenKind, 'neptune'>, () => Promise<string>> = {
	eks: async () =>
		'k8s-aws-v1.' +
		b64url(
			urlOf(
				await smithyPresign(
					'sts',
					'sts.us-west-2.amazonaws.com',
					undefined,
					{ Action: 'GetCallerIdentity', Version: '2011-06-15' },
					{ 'x-k8s-aws-id': 'demo' },
					60
				)
			)
		),
	rds: async () =>
		urlOf(
			await smithyPresign('rds-db', 'db.abc.us-west-2.rds.amazonaws.com', 5432, { Action: 'connect', DBUser: 'jane_doe' }, {}, 900)
		).replace('https://', ''),
	dsql: async () =>
		urlOf(await smithyPresign('dsql', 'abc.dsql.us-west-2.on.aws', undefined, { Action: 'DbConnect' }, {}, 900)).replace('https://', ''),
	'dsql-admin': async () =>
		urlOf(await smithyPresign('dsql', 'abc.dsql.us-west-2.on.aws', undefined, { Action: 'DbConnectAdmin' }, {}, 900)).replace(
			'https://',
			''
		),
	msk: async () =>
		b64url(
			urlOf(
				await smithyPresign('kafka-cluster', 'kafka.us-west-2.amazonaws.com', undefined, { Action: 'kafka-cluster:Connect' }, {}, 900)
			) + '&User-Agent=aws-msk-iam-sasl-signer-python%2F1.0.1'
		)
};

const INPUTS = {
	eks: { clusterName: 'demo' },
	rds: { host: 'db.abc.us-west-2.rds.amazonaws.com', port: 5432, dbUser: 'jane_doe' },
	dsql: { host: 'abc.dsql.us-west-2.on.aws' },
	'dsql-admin': { host: 'abc.dsql.us-west-2.on.aws' },
	msk: { userAgent: 'aws-msk-iam-sasl-signer-python/1.0.1' }
} as const;

const signatureOf = (url: string) => /X-Amz-Signature=([0-9a-f]{64})/.exec(url)?.[1];
const urlIn = (token: string) =>
	token.startsWith('k8s-aws-v1.') ? fromBase64Url(token.slice(11))! : /^[\w-]+$/.test(token) ? fromBase64Url(token)! : `https://${token}`;

describe('login tokens against @smithy/signature-v4', () => {
	for (const kind of Object.keys(ORACLE) as (keyof typeof ORACLE)[]) {
		it(`${kind}: our token carries smithy's signature, and each decodes to a request that verifies with the secret`, async () => {
			const theirs = await ORACLE[kind]();
			const ours = await buildAuthToken({ kind, credentials, region: 'us-west-2', datetime, ...INPUTS[kind] });
			expect(signatureOf(urlIn(ours.token))).toBe(signatureOf(urlIn(theirs)));
			expect(decodeAuthToken(ours.token)?.kind).toBe(kind);
			expect(decodeAuthToken(theirs)?.kind).toBe(kind);

			// Pasted, with the secret typed: the page's own stages reproduce the token's signature.
			const c = edit(importPaste(exampleCase(), theirs + (kind === 'eks' ? '\n--cluster-name demo' : '')).case, {
				secretAccessKey: credentials.secretAccessKey
			});
			const a = await analyze(c, { now: '2026-12-06T11:00:30Z' });
			expect(a.trace?.signature).toBe(signatureOf(urlIn(theirs)));
			expect(a.verdict?.kind).toBe('correct');
		});
	}

	it('eks: the token is k8s-aws-v1. and base64url without padding, signing host and x-k8s-aws-id for 60 s', async () => {
		const { token } = await buildAuthToken({ kind: 'eks', credentials, region: 'us-west-2', datetime, clusterName: 'demo' });
		expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/);
		const url = urlIn(token);
		expect(url).toMatch(/^https:\/\/sts\.us-west-2\.amazonaws\.com\/\?Action=GetCallerIdentity&Version=2011-06-15&/);
		expect(url).toContain('X-Amz-SignedHeaders=host%3Bx-k8s-aws-id');
		expect(url).toContain('X-Amz-Expires=60');
	});

	it('neptune: the Bolt token is the JSON of the headers of GET /opencypher signed as neptune-db', async () => {
		const { token, trace } = await buildAuthToken({
			kind: 'neptune',
			credentials,
			region: 'us-west-2',
			datetime,
			host: 'g.cluster-x.us-west-2.neptune.amazonaws.com',
			port: 8182
		});
		const json = JSON.parse(token) as Record<string, string>;
		expect(Object.keys(json)).toEqual(['Authorization', 'X-Amz-Date', 'Host', 'X-Amz-Security-Token', 'HttpMethod']);
		expect(json['Authorization']).toContain('/us-west-2/neptune-db/aws4_request');
		const signer = new SignatureV4({
			service: 'neptune-db',
			region: 'us-west-2',
			credentials,
			sha256: Sha256,
			uriEscapePath: true,
			applyChecksum: false
		});
		const signed = await signer.sign(
			new HttpRequest({
				method: 'GET',
				protocol: 'https:',
				hostname: 'g.cluster-x.us-west-2.neptune.amazonaws.com',
				port: 8182,
				path: '/opencypher',
				headers: { host: 'g.cluster-x.us-west-2.neptune.amazonaws.com:8182' }
			}),
			{ signingDate }
		);
		expect(trace.signature).toBe(/Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))![1]);
		const imported = importText(token);
		expect(imported.kind).toBe('auth-token');
		const c = edit(importPaste(exampleCase(), token).case, { secretAccessKey: credentials.secretAccessKey });
		const a = await analyze(c, { now: '2026-12-06T11:00:30Z' });
		expect(a.trace?.signature).toBe(trace.signature);
		expect(a.verdict?.kind).toBe('correct');
	});
});

describe('login tokens leave the page without their credential', () => {
	for (const kind of ['eks', 'msk'] as const) {
		it(`${kind}: the base64 token, which hides its X-Amz-Security-Token, is left out whole from a shared case`, async () => {
			const { token } = await buildAuthToken({ kind, credentials, region: 'us-west-2', datetime, clusterName: 'demo' });
			const { case: out, leftOut } = redactSecrets(importPaste(exampleCase(), token).case);
			const json = JSON.stringify(out);
			expect(json).not.toContain(token.slice(-40));
			expect(json).not.toContain('FwoGZXIvYXdzEXAMPLE');
			expect(leftOut.places.sessionToken).toBeGreaterThan(0);
		});
	}
});

describe('decodeAuthToken reads tokens as users paste them', () => {
	it("the AWS CLI's own RDS example (https://github.com/aws/aws-cli/blob/develop/awscli/examples/rds/generate-db-auth-token.rst)", () => {
		const cli =
			'aurmysql-test.cdgmuqiadpid.us-west-2.rds.amazonaws.com:3306/?Action=connect&DBUser=jane_doe&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIESZCNJ3OEXAMPLE%2F20180731%2Fus-east-1%2Frds-db%2Faws4_request&X-Amz-Date=20180731T235209Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=5a8753ebEXAMPLEa2c724e5667797EXAMPLE9d6ec6e3f427191fa41aeEXAMPLE';
		const decoded = decodeAuthToken(cli)!;
		expect(decoded).toMatchObject({ kind: 'rds', hadScheme: false });
		expect(decoded.request.url).toBe(`https://${cli}`);
		const r = importText(cli);
		expect(r).toMatchObject({ kind: 'auth-token', mode: 'query', params: { region: 'us-east-1', service: 'rds-db', expiresIn: 900 } });
		expect(r.notes.join(' ')).toContain('RDS IAM auth token');
	});

	it('an EKS token inside `aws eks get-token` output (ExecCredential JSON), the cluster name from the command above it', async () => {
		const { token } = await buildAuthToken({ kind: 'eks', credentials, region: 'us-west-2', datetime, clusterName: 'prod-1' });
		const text = `$ aws eks get-token --cluster-name prod-1\n{"kind": "ExecCredential", "apiVersion": "client.authentication.k8s.io/v1beta1", "spec": {}, "status": {"expirationTimestamp": "2026-12-06T11:14:00Z", "token": "${token}"}}`;
		const decoded = decodeAuthToken(text)!;
		expect(decoded).toMatchObject({ kind: 'eks', clusterName: 'prod-1', token });
		expect(decoded.request.headers).toEqual([['x-k8s-aws-id', 'prod-1']]);
		expect(importText(text).kind).toBe('auth-token');
	});

	it('an MSK token: User-Agent is kept out of the request (it is added after signing)', async () => {
		const { token } = await buildAuthToken({
			kind: 'msk',
			credentials,
			region: 'us-west-2',
			datetime,
			userAgent: 'aws-msk-iam-sasl-signer-js/1.0.0'
		});
		const decoded = decodeAuthToken(token)!;
		expect(decoded.userAgent).toBe('aws-msk-iam-sasl-signer-js/1.0.0');
		expect(decoded.request.url).not.toContain('User-Agent');
	});

	it('other text is not a token: a plain presigned URL, a random base64 string, an empty string', () => {
		expect(decodeAuthToken('https://bucket.s3.amazonaws.com/key?X-Amz-Signature=abc&X-Amz-Credential=x')).toBeUndefined();
		expect(decodeAuthToken('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk')).toBeUndefined();
		expect(decodeAuthToken('')).toBeUndefined();
		expect(decodeAuthToken('k8s-aws-v1.!!!')).toBeUndefined();
	});
});
