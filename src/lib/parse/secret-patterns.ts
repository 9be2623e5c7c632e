/** The secrets a case's texts can hold: the user's signing secret, a temporary session token, an SSE-C key. */
export type SecretKind = 'secretAccessKey' | 'sessionToken' | 'customerKey';

export interface SecretPattern {
	/** Global, with the `d` flag: group 1 is the secret, and its indices say where it stands. */
	re: RegExp;
	kind: SecretKind;
	/** Where the text carried it, for the importer's note. */
	where: string;
	/** The importer keeps this secret out of what it reads (a token it reads on purpose, as the session token). */
	forget?: boolean;
}

// Tokens and SSE-C keys are base64, raw or percent-encoded: the value stops at the first character
// neither has, so a header value ends before a closing quote, a query value before "&".
const ENCODED = `[A-Za-z0-9+/=%_.~-]+`;
const TOKEN_NAME = 'x-amz-security-token';
// S3 Express One Zone's session token (header, X-Amz-S3session-Token query parameter, POST field).
const S3_SESSION_TOKEN_NAME = 'x-amz-s3session-token';
const CUSTOMER_KEY_NAME = 'x-amz-(?:copy-source-)?server-side-encryption-customer-key';

/**
 * A header, query or form field by name, in every form a paste writes it. Wherever something must
 * follow a stretch of text, the stretch is bounded: hostile text cannot make a search quadratic.
 */
function named(name: string, kind: SecretKind, where: string): SecretPattern[] {
	return [
		// Header, canonical header, query, JSON or Python key: `name: v`, `name:v`, `name=v`, `"name": "v"`, `'name': b'v'`.
		{ re: new RegExp(`${name}["']?[ \\t]*[:=][ \\t]*(?:b(?=["']))?["']?(${ENCODED})`, 'gid'), kind, where },
		// HAR: {"name": "…", "value": "…"}, in either order.
		{ re: new RegExp(`"name"\\s*:\\s*"${name}"\\s*,\\s*"value"\\s*:\\s*"(${ENCODED})"`, 'gid'), kind, where },
		{ re: new RegExp(`"value"\\s*:\\s*"(${ENCODED})"\\s*,\\s*"name"\\s*:\\s*"${name}"`, 'gid'), kind, where },
		// An HTML form's input, a multipart part, FormData.append(name, value).
		{ re: new RegExp(`name=["']${name}["'][^>]{0,300}?value=["'](${ENCODED})["']`, 'gid'), kind, where },
		{ re: new RegExp(`name="${name}"[^\\n]{0,200}\\n(?:[^\\n]{1,200}\\n){0,8}?\\r?\\n(${ENCODED})`, 'gid'), kind, where },
		{ re: new RegExp(`["']${name}["']\\s*,\\s*["'](${ENCODED})["']`, 'gid'), kind, where }
	];
}

/**
 * Where pasted text tends to carry a secret, with the group that holds it. Wider than any one
 * importer reads, on purpose: the redaction must find a secret in text no importer understood.
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
	{
		re: /(?:^|[\s^])(?:-u|--user)(?:=|[ \t]*)\^?["']?[^\s"':^]*:([^\s"':^]+)/dg,
		kind: 'secretAccessKey',
		where: 'curl --user',
		forget: true
	},
	{
		re: /(?:^|[\s^])(?:-u|--user)(?:=|[ \t]*)\^?["']?[^\s"':^]*:[^\s"':^]+:([^\s"'^]+)/dg,
		kind: 'sessionToken',
		where: 'curl --user'
	},
	{ re: /\bhttps?:\/\/[^\s/@:]+:([^\s@?#:]{1,256})@/dgi, kind: 'secretAccessKey', where: 'a URL', forget: true },
	{ re: /['"]secret_key['"]\s*:\s*['"]([^'"\n]{1,1024})['"]/dg, kind: 'secretAccessKey', where: 'the awscurl log', forget: true },
	{ re: /--secret[_-]key(?:=|\s+)["']?([^\s"']+)/dg, kind: 'secretAccessKey', where: 'a --secret_key option', forget: true },
	{
		re: /aws_secret_access_key["']?\s*[=:]\s*["']?([^\s"',]+)/dgi,
		kind: 'secretAccessKey',
		where: 'an aws_secret_access_key setting',
		forget: true
	},
	// SecretAccessKey in credentials JSON (STS, credential_process), secretAccessKey in SDK code.
	{ re: /\bsecret_?access_?key["']?[ \t]*[=:][ \t]*["']?([^\s"',;}]+)/dgi, kind: 'secretAccessKey', where: 'a secretAccessKey setting' },
	{ re: /--(?:session|security)[_-]token(?:=|\s+)["']?([^\s"']+)/dg, kind: 'sessionToken', where: 'a --session_token option' },
	// aws_session_token, SessionToken, 'security_token', and the X-Amz-Security-Token header or query parameter.
	{
		re: new RegExp(`(?:\\b|_)(?:session|security)[_-]?token["']?[ \\t]*[:=][ \\t]*(?:b(?=["']))?["']?(${ENCODED})`, 'dgi'),
		kind: 'sessionToken',
		where: 'a session token setting'
	},
	// A login token that wraps its presigned URL in base64 (EKS's k8s-aws-v1., MSK's) hides its
	// X-Amz-Security-Token from every pattern here; the token is a bearer credential: it goes whole.
	{ re: /\b(k8s-aws-v1\.[A-Za-z0-9_-]{20,8192})/dg, kind: 'sessionToken', where: 'an EKS token' },
	{ re: /\b(aHR0cHM6Ly9rYWZrYS[A-Za-z0-9_-]{20,8192})/dg, kind: 'sessionToken', where: 'an MSK token' },
	...named(TOKEN_NAME, 'sessionToken', 'X-Amz-Security-Token'),
	...named(S3_SESSION_TOKEN_NAME, 'sessionToken', 'X-Amz-S3session-Token'),
	...named(CUSTOMER_KEY_NAME, 'customerKey', 'an SSE-C key header')
];

/** A header or form field whose value is a secret of that kind. */
export function secretFieldKind(name: string): SecretKind | undefined {
	const n = name.trim().toLowerCase();
	if (n === TOKEN_NAME || n === S3_SESSION_TOKEN_NAME) return 'sessionToken';
	if (new RegExp(`^${CUSTOMER_KEY_NAME}$`).test(n)) return 'customerKey';
	return undefined;
}

/** Words that stand where a secret would but are none: a shell or template variable, Python's None. */
export function isStandIn(value: string): boolean {
	return value.length < 4 || value.includes('$') || /^%\w+%$|^(?:none|null|undefined|true|false)$/i.test(value);
}
