import { toBase64, utf8Bytes } from './encoding.ts';
import { presignUrl } from './presign.ts';
import { signRequest } from './sign.ts';
import type { Credentials, HttpRequest, SigningTrace } from './types.ts';

/**
 * The SigV4 "login tokens": a presigned request handed to a server that replays or checks it
 * instead of a password. Sources of each rule (read 2026-12):
 * - EKS: kubernetes-sigs/aws-iam-authenticator pkg/token/token.go (GetWithSTS, Verify).
 * - RDS: `aws rds generate-db-auth-token` (awscli examples/rds/generate-auth-token.rst), smithy-rs aws-inlineable rds auth_token.
 * - DSQL: `aws dsql generate-db-connect(-admin)-auth-token` (awscli examples/dsql), Aurora DSQL user guide.
 * - MSK: aws/aws-msk-iam-sasl-signer-python MSKAuthTokenProvider.py (__construct_auth_token).
 * - Neptune: the Bolt (openCypher) auth token of the Neptune user guide's Python sample (NeptuneBoltAuthToken).
 */
export type AuthTokenKind = 'eks' | 'rds' | 'dsql' | 'dsql-admin' | 'msk' | 'neptune';

export interface AuthTokenRule {
	/** What the token is, in a few words, for labels. */
	label: string;
	/** The service of the credential scope. */
	service: string;
	/** The Action query parameter signed into the token; Neptune's token is header-signed and has none. */
	action?: string;
	/** X-Amz-Expires the official tool writes (0: header-signed, no expiry parameter). */
	defaultExpires: number;
	/** The largest X-Amz-Expires the verifier accepts. */
	maxExpires: number;
	/** How long the verifier honours the token after X-Amz-Date, when that is not X-Amz-Expires. */
	lifetime?: number;
}

export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
export const EKS_CLUSTER_HEADER = 'x-k8s-aws-id';
export const MSK_USER_AGENT_PARAM = 'User-Agent';
/** Neptune's Bolt token signs GET /opencypher on the endpoint. */
export const NEPTUNE_BOLT_PATH = '/opencypher';

export const AUTH_TOKEN_RULES: Record<AuthTokenKind, AuthTokenRule> = {
	// The authenticator rejects X-Amz-Expires outside 0..900 and honours a token for 15 minutes after
	// X-Amz-Date whatever it says; its own tokens carry 60, which authenticators 0.3.0 and older require.
	eks: {
		label: 'EKS token (k8s-aws-v1.)',
		service: 'sts',
		action: 'GetCallerIdentity',
		defaultExpires: 60,
		maxExpires: 900,
		lifetime: 900
	},
	rds: { label: 'RDS IAM auth token', service: 'rds-db', action: 'connect', defaultExpires: 900, maxExpires: 900 },
	// Aurora DSQL: CLI and SDKs default to 15 minutes; the user guide allows up to one week.
	dsql: { label: 'Aurora DSQL auth token', service: 'dsql', action: 'DbConnect', defaultExpires: 900, maxExpires: 604800 },
	'dsql-admin': {
		label: 'Aurora DSQL admin auth token',
		service: 'dsql',
		action: 'DbConnectAdmin',
		defaultExpires: 900,
		maxExpires: 604800
	},
	msk: { label: 'MSK IAM SASL token', service: 'kafka-cluster', action: 'kafka-cluster:Connect', defaultExpires: 900, maxExpires: 900 },
	// Header-signed, so no expiry of its own: the server's usual 15-minute clock window applies.
	neptune: { label: 'Neptune Bolt auth token', service: 'neptune-db', defaultExpires: 0, maxExpires: 0 }
};

export interface AuthTokenInput {
	kind: AuthTokenKind;
	credentials: Credentials;
	region: string;
	datetime: string;
	/** RDS, DSQL, Neptune: the endpoint. EKS: the STS host (default sts.<region>.amazonaws.com); MSK: default kafka.<region>.amazonaws.com. */
	host?: string;
	/** RDS (e.g. 5432, 3306) and Neptune (8182). */
	port?: number;
	/** RDS: the database user. */
	dbUser?: string;
	/** EKS: the cluster name, signed as x-k8s-aws-id. */
	clusterName?: string;
	expiresIn?: number;
	/** MSK: the signer library's name/version, added after signing. */
	userAgent?: string;
}

export interface AuthTokenTrace {
	kind: AuthTokenKind;
	token: string;
	/** The request that was signed (EKS: with the x-k8s-aws-id header the verifier adds again). */
	request: HttpRequest;
	trace: SigningTrace;
}

/** Base64url without padding, as the authenticator (Go RawURLEncoding) and the MSK signer write it. */
export function base64UrlNoPad(text: string): string {
	return toBase64(utf8Bytes(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text a base64url (or base64) string holds; undefined when it is not one or not UTF-8. */
export function fromBase64Url(text: string): string | undefined {
	if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
	try {
		const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
	} catch {
		return undefined;
	}
}

function hostWithPort(host: string, port: number | undefined): string {
	return port === undefined ? host : `${host}:${port}`;
}

/** The request each kind signs, before signing. */
export function authTokenRequest(input: AuthTokenInput): HttpRequest {
	const rule = AUTH_TOKEN_RULES[input.kind];
	const q = (v: string) => encodeURIComponent(v);
	switch (input.kind) {
		case 'eks':
			return {
				method: 'GET',
				url: `https://${input.host ?? `sts.${input.region}.amazonaws.com`}/?Action=GetCallerIdentity&Version=2011-06-15`,
				headers: [[EKS_CLUSTER_HEADER, input.clusterName ?? '']]
			};
		case 'rds':
			return {
				method: 'GET',
				url: `https://${hostWithPort(input.host ?? '', input.port)}/?Action=connect&DBUser=${q(input.dbUser ?? '')}`,
				headers: []
			};
		case 'dsql':
		case 'dsql-admin':
			return { method: 'GET', url: `https://${input.host ?? ''}/?Action=${rule.action}`, headers: [] };
		case 'msk':
			return {
				method: 'GET',
				url: `https://${input.host ?? `kafka.${input.region}.amazonaws.com`}/?Action=${q(rule.action!)}`,
				headers: []
			};
		case 'neptune':
			return { method: 'GET', url: `https://${hostWithPort(input.host ?? '', input.port)}${NEPTUNE_BOLT_PATH}`, headers: [] };
	}
}

/** The Neptune Bolt token: the signed headers as JSON (the Bolt driver sends it as the basic-auth password). */
function neptuneToken(trace: SigningTrace, request: HttpRequest): string {
	const header = (name: string) => trace.request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
	const out: Record<string, string> = {
		Authorization: trace.authorization ?? '',
		'X-Amz-Date': header('x-amz-date') ?? '',
		Host: new URL(request.url).host
	};
	const token = header('x-amz-security-token');
	if (token !== undefined) out['X-Amz-Security-Token'] = token;
	out['HttpMethod'] = request.method;
	return JSON.stringify(out);
}

/**
 * Builds a login token the way the official tool does, from the same presign (or sign) that gives
 * every other trace, so each of its stages can be shown.
 */
export async function buildAuthToken(input: AuthTokenInput): Promise<AuthTokenTrace> {
	const rule = AUTH_TOKEN_RULES[input.kind];
	const request = authTokenRequest(input);
	const params = { credentials: input.credentials, region: input.region, service: rule.service, datetime: input.datetime };
	if (input.kind === 'neptune') {
		const trace = await signRequest(request, params);
		return { kind: input.kind, token: neptuneToken(trace, request), request, trace };
	}
	const expiresIn = input.expiresIn ?? rule.defaultExpires;
	const trace = await presignUrl(request, { ...params, expiresIn });
	const url = trace.signedUrl!;
	let token: string;
	if (input.kind === 'eks') token = EKS_TOKEN_PREFIX + base64UrlNoPad(url);
	else if (input.kind === 'msk') {
		// The signer adds User-Agent after signing: it is not part of the signature.
		const withAgent = input.userAgent === undefined ? url : `${url}&${MSK_USER_AGENT_PARAM}=${encodeURIComponent(input.userAgent)}`;
		token = base64UrlNoPad(withAgent);
	} else token = url.replace(/^https:\/\//, '');
	return { kind: input.kind, token, request, trace };
}
