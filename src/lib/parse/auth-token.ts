import {
	AUTH_TOKEN_RULES,
	EKS_CLUSTER_HEADER,
	EKS_TOKEN_PREFIX,
	MSK_USER_AGENT_PARAM,
	NEPTUNE_BOLT_PATH,
	decodedKey,
	fromBase64Url,
	percentDecode,
	splitQuery,
	type AuthTokenKind,
	type HttpRequest
} from '../sigv4/index.ts';

/** A pasted login token, turned back into the request its verifier checks. */
export interface DecodedAuthToken {
	kind: AuthTokenKind;
	/** The token as it stands in the paste. */
	token: string;
	/**
	 * The request the verifier sends or checks: https, as the token's server replays it; EKS with the
	 * x-k8s-aws-id header the authenticator adds (its value is not in the token); MSK without the
	 * User-Agent parameter, which is added after signing.
	 */
	request: HttpRequest;
	/** RDS and DSQL: the token began with a scheme (their tokens have none). */
	hadScheme: boolean;
	/** EKS: the cluster name, when the text around the token names it. */
	clusterName?: string;
	/** MSK: the User-Agent parameter's value. */
	userAgent?: string;
}

/** Stands in x-k8s-aws-id until the user types the cluster name: the token does not carry it. */
export const CLUSTER_NAME_UNKNOWN = 'CLUSTER-NAME';
/** Tokens are a few KB; the search for one stops well before a large paste would cost anything. */
const MAX_TOKEN_TEXT = 64 * 1024;

const EKS_TOKEN = /k8s-aws-v1\.([A-Za-z0-9_-]{20,8192}={0,2})/;
const CLUSTER_NAMED = [
	/(?:--cluster-name|--cluster-id|(?:^|\s)-i)(?:=|[ \t]+)["']?([\w.:/-]{1,200})/,
	new RegExp(`${EKS_CLUSTER_HEADER}["']?[ \\t]*[:=][ \\t]*["']?([\\w.:/-]{1,200})`, 'i'),
	/\bcluster[ _-]?(?:name|id)?["']?[ \t]*[:=][ \t]*["']?([\w.:/-]{1,200})/i
];
const URL_TOKEN = /^(https?:\/\/)?([A-Za-z0-9.-]{1,253}(?::\d{1,5})?)\/?\?([^\s#"']{1,8192})$/i;
const BASE64URL_TOKEN = /^[A-Za-z0-9_-]{60,8192}={0,2}$/;

function paramOf(query: string, name: string): string | undefined {
	const p = splitQuery(query).find((q) => decodedKey(q) === name);
	return p === undefined ? undefined : new TextDecoder().decode(percentDecode(p.value, false));
}

/** Which kind a presigned query is, by its Action (and DBUser for RDS). */
function kindOfQuery(query: string): AuthTokenKind | undefined {
	const action = paramOf(query, 'Action');
	if (action === 'connect' && paramOf(query, 'DBUser') !== undefined) return 'rds';
	if (action === AUTH_TOKEN_RULES.dsql.action) return 'dsql';
	if (action === AUTH_TOKEN_RULES['dsql-admin'].action) return 'dsql-admin';
	if (action === AUTH_TOKEN_RULES.msk.action) return 'msk';
	return undefined;
}

function hasSignature(query: string): boolean {
	return /(?:^|&)X-Amz-(?:Signature|Credential)=/i.test(query);
}

function eksToken(text: string): DecodedAuthToken | undefined {
	const m = EKS_TOKEN.exec(text);
	if (!m) return undefined;
	const url = fromBase64Url(m[1]!);
	if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
	const clusterName = CLUSTER_NAMED.map((re) => re.exec(text.replace(m[0], ''))?.[1]).find((v) => v !== undefined);
	const request: HttpRequest = { method: 'GET', url, headers: [[EKS_CLUSTER_HEADER, clusterName ?? CLUSTER_NAME_UNKNOWN]] };
	return { kind: 'eks', token: EKS_TOKEN_PREFIX + m[1]!, request, hadScheme: false, ...(clusterName ? { clusterName } : {}) };
}

/** RDS and DSQL tokens (host:port/?Action=…), and an MSK token's URL once decoded. */
function urlToken(text: string, token: string): DecodedAuthToken | undefined {
	const m = URL_TOKEN.exec(text);
	if (!m || !hasSignature(m[3]!)) return undefined;
	const kind = kindOfQuery(m[3]!);
	if (!kind) return undefined;
	let query = m[3]!;
	let userAgent: string | undefined;
	if (kind === 'msk') {
		const kept = splitQuery(query).filter((p) => decodedKey(p) !== MSK_USER_AGENT_PARAM);
		userAgent = paramOf(query, MSK_USER_AGENT_PARAM);
		query = kept.map((p) => p.raw).join('&');
	}
	const request: HttpRequest = { method: 'GET', url: `https://${m[2]!}/?${query}`, headers: [] };
	return { kind, token, request, hadScheme: m[1] !== undefined, ...(userAgent !== undefined ? { userAgent } : {}) };
}

function neptuneToken(text: string): DecodedAuthToken | undefined {
	if (!/"HttpMethod"/.test(text) || !/"Authorization"/.test(text)) return undefined;
	let fields: unknown;
	try {
		fields = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof fields !== 'object' || fields === null) return undefined;
	const f = fields as Record<string, unknown>;
	const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
	const host = str('Host');
	const authorization = str('Authorization');
	if (!host || !authorization || !/^AWS4-/.test(authorization)) return undefined;
	const headers: [string, string][] = [['Host', host]];
	for (const name of ['X-Amz-Date', 'X-Amz-Security-Token']) if (str(name) !== undefined) headers.push([name, str(name)!]);
	headers.push(['Authorization', authorization]);
	const request: HttpRequest = { method: str('HttpMethod') ?? 'GET', url: `https://${host}${NEPTUNE_BOLT_PATH}`, headers };
	return { kind: 'neptune', token: text, request, hadScheme: false };
}

/**
 * Reads a pasted login token: an EKS `k8s-aws-v1.` token (anywhere in the text, e.g. inside
 * `aws eks get-token` output, with the cluster name when the text names it), an RDS or Aurora DSQL
 * token (`host:port/?Action=…&X-Amz-…`, with or without a scheme), an MSK IAM token (base64url of
 * its presigned URL) or a Neptune Bolt token (JSON of signed headers). Undefined for anything else.
 */
export function decodeAuthToken(text: string): DecodedAuthToken | undefined {
	if (text.length > MAX_TOKEN_TEXT) return undefined;
	const trimmed = text.trim().replace(/^(["'])(.*)\1$/s, '$2');
	if (trimmed.includes(EKS_TOKEN_PREFIX)) return eksToken(trimmed);
	if (trimmed.startsWith('{')) return neptuneToken(trimmed);
	if (BASE64URL_TOKEN.test(trimmed)) {
		const url = fromBase64Url(trimmed);
		const decoded = url === undefined ? undefined : urlToken(url, trimmed);
		return decoded?.kind === 'msk' ? { ...decoded, hadScheme: false } : undefined;
	}
	return urlToken(trimmed, trimmed);
}

/** True when a request is one a login token of this kind decodes to (EKS: it carries x-k8s-aws-id). */
export function authTokenKindOf(request: HttpRequest): AuthTokenKind | undefined {
	const query = /\?([^#]*)/.exec(request.url)?.[1] ?? '';
	if (request.headers.some(([n]) => n.toLowerCase() === EKS_CLUSTER_HEADER) && paramOf(query, 'Action') === 'GetCallerIdentity')
		return 'eks';
	return kindOfQuery(query);
}
