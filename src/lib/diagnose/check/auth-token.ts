import { AUTH_TOKEN_RULES, EKS_CLUSTER_HEADER, parseWireUrl, type AuthTokenKind } from '../../sigv4/index.ts';
import {
	CLUSTER_NAME_UNKNOWN,
	authTokenKindOf,
	decodeAuthToken,
	type ParsedAuthorization,
	type ParsedSignedUrl
} from '../../parse/index.ts';
import { quote } from '../../findings/index.ts';
import type { FindingList } from '../finding-list.ts';
import type { Evidence } from '../types.ts';
import { parseTime } from './time.ts';

const MAX_SKEW_MS = 15 * 60 * 1000;
const REGION_LABEL = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** The region a token's host names: a region label, or us-east-1 for STS's global endpoint. */
function hostRegion(kind: AuthTokenKind, host: string): string | undefined {
	if (kind === 'eks' && /^sts\.amazonaws\.com$/i.test(host)) return 'us-east-1';
	return host
		.toLowerCase()
		.split('.')
		.find((label) => REGION_LABEL.test(label));
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** Region and service of the credential scope, from the presigned URL or the Authorization header. */
function scopeOf(
	evidence: Evidence,
	auth: ParsedAuthorization | undefined,
	url: ParsedSignedUrl | undefined
): { region: string; service: string } {
	const parts = (url?.credential ?? '').split('/');
	if (parts.length === 5) return { region: parts[2]!, service: parts[3]! };
	return { region: auth?.scope?.region ?? evidence.params.region, service: auth?.scope?.service ?? evidence.params.service };
}

const SERVICE_WHY: Partial<Record<string, string>> = {
	rds: 'rds is the name of the RDS management API; a database login signs as rds-db',
	kafka: 'kafka is the name of the MSK management API; a broker login signs as kafka-cluster',
	sts: 'sts signs the EKS token only: a database login signs with its own service name'
};

/**
 * A login token (EKS, RDS, Aurora DSQL, MSK, Neptune), checked against its verifier's rules:
 * aws-iam-authenticator's (x-k8s-aws-id signed, X-Amz-Expires at most 900, 15 minutes after
 * X-Amz-Date), and the signing name, lifetime, scheme and region each official tool uses. Sources in
 * sigv4/auth-token.ts. The signature itself is compared as any presigned URL's, with the secret only.
 */
export function checkAuthToken(
	evidence: Evidence,
	auth: ParsedAuthorization | undefined,
	url: ParsedSignedUrl | undefined,
	list: FindingList
): void {
	if (evidence.requestGiven === false) return;
	const kind = authTokenKindOf(evidence.request);
	if (!kind) return;
	const rule = AUTH_TOKEN_RULES[kind];
	const decoded = evidence.provided?.token === undefined ? undefined : decodeAuthToken(evidence.provided.token);
	const scope = scopeOf(evidence, auth, url);

	if (scope.service !== rule.service) {
		list.add('auth-token-wrong-service', {
			message: `This ${rule.label} is signed for the service ${quote(scope.service)}; its server checks it as ${rule.service}${SERVICE_WHY[scope.service] ? ` (${SERVICE_WHY[scope.service]})` : ''}, so the signature cannot match.`,
			fix: `Sign with the service name ${rule.service} (credential scope …/${scope.region}/${rule.service}/aws4_request).`
		});
	}
	if (decoded?.hadScheme && (kind === 'rds' || kind === 'dsql' || kind === 'dsql-admin')) {
		list.add('auth-token-scheme-included', {
			message: `The ${rule.label} starts with ${quote(/^[a-z]+:\/\//i.exec(evidence.provided!.token!.trim())![0])}: the token is the presigned URL without its scheme (host:port/?Action=…), and the database compares it as such, so the login fails ("PAM authentication failed").`,
			fix: 'Remove "https://" from the front of the token before you use it as the password (generate_db_auth_token and the CLI return it without one).'
		});
	}
	let host = '';
	try {
		host = parseWireUrl(evidence.request.url).hostname;
	} catch {
		// checkRequest names a URL that cannot be signed
	}
	const region = hostRegion(kind, host);
	if (region && scope.region !== region) {
		list.add('auth-token-region-mismatch', {
			message: `The token's credential scope names ${quote(scope.region)}, but its host ${host} is in ${region}: the server checks the signature for ${region}.`,
			fix: `Make the token with the region ${region}${kind === 'eks' ? ' (or sign for us-east-1 at the global sts.amazonaws.com)' : ''}.`
		});
	}
	if (kind === 'eks') checkEks(evidence, url, list);
	if (rule.defaultExpires > 0) checkLifetime(evidence, kind, url, list);
}

function checkEks(evidence: Evidence, url: ParsedSignedUrl | undefined, list: FindingList): void {
	const signed = (url?.signedHeaders ?? '').toLowerCase().split(';');
	if (url?.signedHeaders !== undefined && !signed.includes(EKS_CLUSTER_HEADER)) {
		list.add('eks-token-cluster-unsigned', {
			message: `X-Amz-SignedHeaders is ${quote(url.signedHeaders)}: the EKS token does not sign ${EKS_CLUSTER_HEADER}, and aws-iam-authenticator refuses it ("client did not sign the x-k8s-aws-id header in the pre-signed URL"), so kubectl says Unauthorized.`,
			fix: `Add the header ${EKS_CLUSTER_HEADER}: <cluster name> to the GetCallerIdentity request before presigning it, so that X-Amz-SignedHeaders is host;${EKS_CLUSTER_HEADER}.`
		});
	}
	const name = evidence.request.headers.find(([n]) => n.toLowerCase() === EKS_CLUSTER_HEADER)?.[1].trim() ?? '';
	if (name === '' || name === CLUSTER_NAME_UNKNOWN) {
		list.add('eks-token-cluster-name', {
			severity: 'warning',
			message: `The token does not carry the cluster name it was signed for (the authenticator adds it as ${EKS_CLUSTER_HEADER} when it checks the token): without it the signature cannot be checked.`,
			fix: `Type your cluster's name as the value of ${EKS_CLUSTER_HEADER} in the request.`
		});
	} else if (/^arn:|[/:]/.test(name)) {
		list.add('eks-token-cluster-name', {
			message: `${EKS_CLUSTER_HEADER} is ${quote(name)}, which is not a cluster name: EKS checks the token with the cluster's name, so a token signed for an ARN or path never matches.`,
			fix: `Sign ${EKS_CLUSTER_HEADER} with the cluster name alone (${quote(name.split(/[/:]/).pop() ?? name)}), as aws eks get-token --cluster-name does.`
		});
	}
}

function checkLifetime(evidence: Evidence, kind: AuthTokenKind, url: ParsedSignedUrl | undefined, list: FindingList): void {
	const rule = AUTH_TOKEN_RULES[kind];
	const expires = url?.expires === undefined ? undefined : Number(url.expires);
	if (expires !== undefined && Number.isFinite(expires) && expires > rule.defaultExpires) {
		const refused = expires > rule.maxExpires;
		if (refused || kind === 'eks') {
			list.add('auth-token-expires-too-long', {
				severity: refused ? 'error' : 'warning',
				message: refused
					? `X-Amz-Expires is ${expires}: a ${rule.label} may say at most ${rule.maxExpires} seconds, and its server refuses a longer one.`
					: `X-Amz-Expires is ${expires}; EKS tokens carry 60 (aws-iam-authenticator 0.3.0 and older refuse more), and the token is honoured for 15 minutes after X-Amz-Date whatever it says.`,
				fix: `Presign with X-Amz-Expires=${rule.defaultExpires}.`
			});
		}
	}
	const now = evidence.now?.getTime();
	const start = parseTime(url?.date ?? evidence.params.datetime);
	if (now === undefined || start === undefined) return;
	const lifetime = rule.lifetime ?? (expires !== undefined && Number.isFinite(expires) ? expires : rule.defaultExpires);
	const end = start + lifetime * 1000;
	if (now > end) {
		list.add('auth-token-expired', {
			message: `The token expired at ${iso(end)} (X-Amz-Date + ${lifetime} s${kind === 'eks' ? ', as the authenticator counts it' : ''}); the time checked against (this page's clock) is ${iso(now)}.`,
			fix: `Make a new token right before you use it${kind === 'eks' ? ' (kubectl does so when its exec plugin runs)' : ''}, on a machine whose clock is right.`
		});
	} else if (start - now > MAX_SKEW_MS) {
		list.add('auth-token-expired', {
			message: `The token is not valid yet: X-Amz-Date is ${iso(start)}, more than 15 minutes after the time checked against (this page's clock, ${iso(now)}).`,
			fix: 'Check the clock and time zone of the machine that made the token (UTC), and make a new one.'
		});
	}
}

/**
 * An EKS token's signature that does not verify: the token fixes every other input, so the cluster
 * name typed (or the secret) is what differs. Said as the two possibilities it is, never as one.
 */
export function explainEksMismatch(evidence: Evidence, list: FindingList): void {
	if (!list.has('signature-mismatch') || authTokenKindOf(evidence.request) !== 'eks' || list.has('eks-token-cluster-name')) return;
	const name = evidence.request.headers.find(([n]) => n.toLowerCase() === EKS_CLUSTER_HEADER)?.[1].trim() ?? '';
	list.add('eks-token-cluster-name', {
		severity: 'warning',
		message: `The token does not verify with ${EKS_CLUSTER_HEADER} ${quote(name)} and the secret typed. The token fixes every other input of the signature, so either it was made for another cluster name (EKS checks it with the name of the cluster you call), or with another secret.`,
		fix: `Make the token with the name of the cluster you call (aws eks get-token --cluster-name <name>, or the kubeconfig's exec args); if the name is right, check the secret.`
	});
}
