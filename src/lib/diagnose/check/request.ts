import {
	isNeverSigned,
	sha256Hex,
	payloadHashProblem,
	S3_SESSION_TOKEN_HEADER,
	SESSION_TOKEN_HEADER,
	tokenAfterSigning
} from '../../sigv4/index.ts';
import { base64ToHex } from '../base64-hex.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';
import { sessionTokenNotSigned } from '../session-token-not-signed.ts';
import { checkDefaultPortSigned, contentShaRequiredBy } from './request-rules.ts';
import { checkEndpoint } from './endpoint.ts';

/** The request itself: headers sent and not signed (or the reverse), payload hash header, session token, endpoint and scope. */
export async function checkRequest(ctx: DiagnoseContext, list: FindingList): Promise<void> {
	const stage = 'request' as const;
	const signed = ctx.userSigned;
	const original = ctx.evidence.request.headers ?? [];
	const has = (lower: string) => original.some(([n]) => n.toLowerCase() === lower);
	const lineAt = (line?: number) => (line !== undefined ? { line } : {});
	const source =
		signed?.source === 'authorization'
			? 'the Authorization header'
			: signed?.source === 'signed-url'
				? 'X-Amz-SignedHeaders'
				: 'your canonical request';

	if (signed) {
		const names = new Set(signed.names);
		for (const h of ctx.sent) {
			if (!h.lower.startsWith('x-amz-') || names.has(h.lower)) continue;
			if (h.lower === 'x-amz-content-sha256') {
				list.add(
					'payload-hash-missing',
					{
						stage,
						...lineAt(h.line),
						message: `x-amz-content-sha256 is ${h.line !== undefined ? 'sent' : `required by ${ctx.params.service}`} but not signed: ${source} does not list it.`,
						fix: 'Sign x-amz-content-sha256 (list it in SignedHeaders and the canonical headers).'
					},
					'payload-hash-missing'
				);
			} else if (h.lower === SESSION_TOKEN_HEADER) {
				if (!tokenAfterSigning(ctx.params, ctx.mode))
					sessionTokenNotSigned(ctx, list, { stage, ...lineAt(h.line), where: `${source} does not list x-amz-security-token` });
			} else {
				list.add(
					'x-amz-header-not-signed',
					{
						stage,
						...lineAt(h.line),
						message: `${h.line !== undefined ? `${h.name}: ${quote(h.value, 60)} is sent` : `${h.lower} is part of every signed request`} but ${source} does not sign it; every x-amz-* header must be signed (S3 answers AccessDenied "There were headers present in the request which were not signed" and lists it in HeadersNotSigned).`,
						fix: `Add ${h.lower} to SignedHeaders and the canonical headers${ctx.mode === 'query' ? ' (X-Amz-SignedHeaders) when presigning' : ''}, or do not send it.`
					},
					`not-signed:${h.lower}`
				);
			}
		}
		const sentNames = new Set(ctx.sent.map((h) => h.lower));
		const body = ctx.evidence.request.body;
		for (const name of signed.names) {
			// HTTP clients add Content-Length to a request with a body; a pasted request often leaves it out.
			const addedByClient = name === 'content-length' && body !== undefined && body.length > 0;
			if (!sentNames.has(name) && !addedByClient) {
				list.add(
					'signed-header-absent',
					{
						message: `${source[0]!.toUpperCase()}${source.slice(1)} signs ${quote(name)}, but the request has no ${name} header: AWS answers "'${name}' is named as a SignedHeader, but it does not exist in the HTTP request".`,
						fix: `Sign only headers the request sends: send ${name}, or take it out of SignedHeaders.`
					},
					`absent:${name}`
				);
			}
			if (isNeverSigned(name)) {
				list.add(
					'unsignable-header-signed',
					{
						severity: 'warning',
						...lineAt(ctx.sent.find((h) => h.lower === name)?.line),
						stage: 'request',
						message: `${name} is signed; browsers, proxies and SDKs add, strip or rewrite it after signing${
							name === 'expect' ? ' (servers and load balancers drop Expect: 100-continue)' : ''
						}.`,
						fix: `Leave ${name} out of the signed headers.`
					},
					`unsignable:${name}`
				);
			}
		}
		for (const h of ctx.sent) {
			// eslint-disable-next-line no-control-regex -- any byte above 0x7F
			if (!names.has(h.lower) || !/[^\u0000-\u007f]/.test(h.value)) continue;
			list.add(
				'header-value-non-ascii',
				{
					stage,
					severity: 'warning',
					...lineAt(h.line),
					message: `${h.name} has non-ASCII characters (${quote(h.value, 60)}); servers and proxies re-encode them (S3 shows mojibake), and the signature stops matching.`,
					fix: 'Keep header values US-ASCII: percent-encode or RFC 2047-encode the value (e.g. metadata), or move it to the body.'
				},
				`non-ascii:${h.lower}`
			);
		}
	}

	// A request pasted as sent (its own Authorization header is the user's) without the header S3 requires.
	const sentAuthorization = original.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
	const requiredBy = contentShaRequiredBy(ctx);
	if (
		ctx.mode === 'header' &&
		requiredBy !== undefined &&
		ctx.auth &&
		!ctx.auth.sigv2 &&
		!has('x-amz-content-sha256') &&
		sentAuthorization?.trim() === ctx.auth.text.trim()
	) {
		list.add(
			'payload-hash-missing',
			{
				stage,
				message: `The request has no x-amz-content-sha256 header; ${requiredBy}.`,
				fix: 'Send x-amz-content-sha256 with the hex SHA-256 of the body (or UNSIGNED-PAYLOAD) and sign it.'
			},
			'payload-hash-missing'
		);
	}

	const declared = ctx.mode === 'header' ? ctx.sent.find((h) => h.lower === 'x-amz-content-sha256' && h.line !== undefined) : undefined;
	if (declared) {
		const value = declared.value.trim();
		const problem = payloadHashProblem(value);
		const body = ctx.evidence.request.body;
		const actual = body !== undefined ? await sha256Hex(body) : undefined;
		const at = { stage, line: declared.line! };
		if (problem && /uppercase/.test(problem)) {
			list.add(
				'payload-hash-uppercase',
				{
					...at,
					message: `x-amz-content-sha256: ${quote(value)} is hex in uppercase.`,
					fix: `Send it in lowercase: ${value.toLowerCase()}.`
				},
				'payload-hash-form'
			);
		} else if (problem && /base64/.test(problem)) {
			const hex = base64ToHex(value);
			list.add(
				'payload-hash-base64',
				{
					...at,
					message: `x-amz-content-sha256: ${quote(value)} is base64; S3 rejects it ("must be UNSIGNED-PAYLOAD, STREAMING-… or a valid sha256 value").`,
					fix: `Send the hex SHA-256: ${hex ?? 'the 64 lowercase hex digits'}.`
				},
				'payload-hash-form'
			);
		} else if (problem) {
			list.add(
				'payload-hash-mismatch',
				{
					...at,
					message: `x-amz-content-sha256: ${quote(value)} ${problem}.`,
					fix: 'Send the lowercase hex SHA-256 of the body, UNSIGNED-PAYLOAD or a STREAMING-… value.'
				},
				'payload-hash-mismatch'
			);
		} else if (actual !== undefined && /^[0-9a-f]{64}$/.test(value) && value !== actual) {
			list.add(
				'payload-hash-mismatch',
				{
					...at,
					message: `x-amz-content-sha256: ${value} is not the SHA-256 of the body sent (${actual}); S3 answers XAmzContentSHA256Mismatch.`,
					fix: 'Hash the exact bytes you send, after any serialization, and send that hash.'
				},
				'payload-hash-mismatch'
			);
		}
	}

	// Temporary credentials (access keys starting ASIA) only work with their session token. One sent as S3 Express's
	// x-amz-s3session-token is there: whether that name is right for this request is checkS3Express's to say.
	const akid = ctx.params.credentials.accessKeyId;
	const s3SessionToken = has(S3_SESSION_TOKEN_HEADER) || /[?&]x-amz-s3session-token=/i.test(ctx.evidence.request.url);
	if (/^ASIA/.test(akid) && !ctx.params.credentials.sessionToken && !ctx.tokenInRequest && !s3SessionToken) {
		list.add(
			'session-token-missing',
			{
				stage,
				message: `${akid} is a temporary access key (it starts with ASIA), and the request carries no session token: AWS answers "The security token included in the request is invalid" or InvalidAccessKeyId.`,
				fix:
					ctx.mode === 'query'
						? 'Add X-Amz-Security-Token=<token> to the query before signing.'
						: 'Send the session token in an X-Amz-Security-Token header and sign it.'
			},
			'session-token'
		);
	} else if (ctx.params.credentials.sessionToken && !ctx.tokenInRequest && (ctx.auth || ctx.url) && !ctx.user) {
		list.add(
			'session-token-missing',
			{
				stage,
				message: 'The credentials come with a session token, but the request you sent carries none.',
				fix:
					ctx.mode === 'query'
						? 'Add X-Amz-Security-Token to the query before signing.'
						: 'Send the token in an X-Amz-Security-Token header, signed.'
			},
			'session-token'
		);
	}

	// A host no paste gave (the default request's) says nothing about the user's endpoint.
	if (ctx.evidence.requestGiven === false) return;
	checkDefaultPortSigned(ctx, list);
	checkEndpoint(ctx, list);
}
