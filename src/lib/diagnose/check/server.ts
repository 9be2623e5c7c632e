import {
	canonicalQueryComponent,
	canonicalQueryString,
	decodedKey,
	normalizePathSegments,
	isNeverSigned,
	SESSION_TOKEN_HEADER,
	splitQuery
} from '../../sigv4/index.ts';
import { type FindingCode, quote } from '../../findings/index.ts';
import { compareHost } from '../compare/host.ts';
import { compareStringToSign } from '../compare/string-to-sign.ts';
import { requestLineOf, type DiagnoseContext } from '../context.ts';
import { describeDifference } from '../describe-difference.ts';
import type { FindingList } from '../finding-list.ts';
import { parseCanonicalRequest, type ParsedCanonicalRequest } from '../../parse/index.ts';

/** AWS error messages that name a cause outright. */
const MESSAGES: { pattern: RegExp; code: FindingCode; fix: string }[] = [
	{
		pattern: /the region '([^']*)' is wrong; expecting '([^']*)'/i,
		code: 'scope-region-mismatch',
		fix: 'Sign for the region the message expects.'
	},
	{
		pattern: /Credential should be scoped to a valid Region/i,
		code: 'scope-region-mismatch',
		fix: 'Put a region code such as us-east-1 in the credential scope.'
	},
	{
		pattern: /Credential should be scoped to correct service/i,
		code: 'scope-service-mismatch',
		fix: 'Use the service signing name the message names.'
	},
	{ pattern: /scoped with a valid terminator/i, code: 'scope-terminator-wrong', fix: 'End the credential scope with aws4_request.' },
	{
		pattern: /Date in Credential scope does not match|Invalid credential date/i,
		code: 'timestamp-scope-date-mismatch',
		fix: 'Use the first 8 digits of X-Amz-Date as the scope date.'
	},
	{ pattern: /X-Amz-Expires must be less than a week/i, code: 'presign-expires-too-long', fix: 'Use an expiry of 604800 seconds or less.' },
	{
		pattern: /Missing required header for this request: x-amz-content-sha256|x-amz-content-sha256' must be included/i,
		code: 'payload-hash-missing',
		fix: 'Send and sign x-amz-content-sha256.'
	},
	{
		pattern:
			/Signature expired|Signature not yet current|RequestTimeTooSkewed|difference between the request time and the (current|server)/i,
		code: 'clock-skew',
		fix: 'Sign with the current UTC time.'
	},
	{
		pattern:
			/requires '(Credential|Signature|SignedHeaders)' parameter|requires three components|not a valid key=value pair|requires existence of either a 'X-Amz-Date'/i,
		code: 'authorization-malformed',
		fix: 'Write the Authorization header as "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…".'
	},
	{ pattern: /named as a SignedHeader, but it does not exist/i, code: 'signed-header-absent', fix: 'Sign only headers the request sends.' }
];

/** The server's canonical request against what the user signed (theirs, or the correct one): what changed on the way. */
function threeWay(server: ParsedCanonicalRequest, ctx: DiagnoseContext, list: FindingList): void {
	const signed = ctx.user ?? ctx.correct;
	const whose = ctx.user ? 'you signed' : 'the request you meant signs';
	const at = (line?: number) => (line !== undefined ? { line } : {});
	const userLine = (lower: string) => (ctx.user ? ctx.user.headers.find((h) => h.lower === lower)?.line : undefined);
	// Without the user's canonical request, what they signed is the correct request's lines for their SignedHeaders.
	const signedHeaders =
		ctx.user || !ctx.userSigned ? signed.headers : signed.headers.filter((h) => ctx.userSigned!.names.includes(h.lower));

	for (const s of server.headers) {
		const mine = signedHeaders.filter((h) => h.lower === s.lower);
		if (mine.length === 0) {
			list.add(
				'header-added-after-signing',
				{
					...at(requestLineOf(ctx, s.lower)),
					basis: 'server',
					message: `The server's canonical request has ${quote(s.text, 80)} (line ${s.line}), a header ${whose} without: it was added after signing (by the browser, the HTTP client or a proxy).`,
					fix: `Set ${s.lower} before signing and sign it, or keep whatever adds it from doing so.`
				},
				`changed:${s.lower}`
			);
			continue;
		}
		const value = mine.map((h) => h.value).join(',');
		if (value === s.value) continue;
		if (s.lower === 'host') {
			compareHost(
				value,
				s.value,
				ctx.user ? userLine('host') : s.line,
				'canonical-request',
				list,
				`${whose[0]!.toUpperCase()}${whose.slice(1)} host ${quote(value)}`,
				true
			);
			continue;
		}
		list.add(
			'header-added-after-signing',
			{
				...at(requestLineOf(ctx, s.lower)),
				basis: 'server',
				message: `The server received ${s.lower} as ${quote(s.value, 80)} but ${whose} ${quote(value, 80)} (${describeDifference(value, s.value)}): it was changed after signing.`,
				fix: `Send exactly the signed value of ${s.lower}: set it before signing and let nothing rewrite it (a multipart boundary, Accept-Encoding and Content-Type are the usual ones).`
			},
			`changed:${s.lower}`
		);
	}
	for (const h of signedHeaders) {
		if (server.headers.some((s) => s.lower === h.lower)) continue;
		const never = isNeverSigned(h.lower);
		list.add(
			never ? 'unsignable-header-signed' : 'header-added-after-signing',
			{
				...(never ? {} : at(requestLineOf(ctx, h.lower))),
				...(never && ctx.user ? { line: h.line } : {}),
				basis: 'server',
				message: `${whose[0]!.toUpperCase()}${whose.slice(1)} ${quote(h.text, 80)}, but the server's canonical request has no ${h.lower}: it was removed on the way${
					never ? ` (${h.lower} is one of the headers servers and proxies drop)` : ''
				}.`,
				fix: never ? `Do not sign ${h.lower}.` : `Make sure ${h.lower} reaches the server as signed.`
			},
			never ? `unsignable:${h.lower}` : `changed:${h.lower}`
		);
	}

	const path = signed.path?.text ?? '';
	const seen = server.path?.text ?? '';
	if (path !== seen) {
		let code: FindingCode = 'canonical-request-differs';
		let why = 'the URL was re-encoded or rewritten after signing (a browser, an HTTP client or a proxy)';
		if (normalizePathSegments(path) === seen) {
			code = 's3-path-normalized';
			why = 'the path was normalized on the way ("//", "." or ".." removed)';
		} else if (path.replace(/%2B/g, '%20') === seen || path.replace(/%20/g, '%2B') === seen) {
			code = 'plus-in-s3-key';
			why = 'a "+" in the key and a space were confused: "+" is a literal plus (%2B) in S3, only %20 is a space';
		}
		list.add(code, {
			...at(ctx.user ? 2 : undefined),
			basis: 'server',
			message: `The server's canonical request has the path ${quote(seen)}, ${whose} ${quote(path)}: ${why}.`,
			fix: 'Sign the path exactly as the server receives it, and send the URL without re-encoding it.'
		});
	}
	for (const part of ['method', 'query'] as const) {
		const a = signed[part]?.text ?? '';
		const b = server[part]?.text ?? '';
		if (a === b) continue;
		// The query reached the server as the request sends it: nothing changed it on the way, and
		// "send the query as signed" would advise what the request already does. What was signed
		// differs, and the comparison of the user's canonical request (or URL) names how.
		if (part === 'query' && b === sentQuery(ctx)) continue;
		list.add('canonical-request-differs', {
			...at(ctx.user ? signed[part]?.line : undefined),
			basis: 'server',
			message: `The server's canonical request has the ${part} ${quote(b)}, ${whose} ${quote(a)} (${describeDifference(a, b)}).`,
			fix:
				part === 'query'
					? 'Send the query exactly as signed (no re-encoding, no parameters added after signing).'
					: 'Sign the method you send.'
		});
	}
	const payload = signed.payloadHash?.text ?? '';
	const seenPayload = server.payloadHash?.text ?? '';
	if (payload !== seenPayload) {
		list.add(
			'payload-hash-mismatch',
			{
				stage: 'canonical-request',
				...at(ctx.user ? signed.payloadHash?.line : undefined),
				basis: 'server',
				message: `The server computed the payload hash ${quote(seenPayload)}; ${whose} ${quote(payload)}.`,
				fix: 'Hash (and declare in x-amz-content-sha256) the exact body that is sent.'
			},
			'payload-hash-mismatch'
		);
	}
}

/** The canonical query of the request as sent (a presigned URL's X-Amz-Signature left out, as the server does). */
function sentQuery(ctx: DiagnoseContext): string {
	const params = splitQuery(ctx.wire.query).filter((p) => decodedKey(p) !== 'X-Amz-Signature');
	return canonicalQueryString(params.map((p) => [canonicalQueryComponent(p.key), canonicalQueryComponent(p.value)]));
}

/** What the server said: its error code and fields, and its canonical request and string to sign. */
export async function checkServer(ctx: DiagnoseContext, list: FindingList): Promise<void> {
	const server = ctx.evidence.server;
	if (!server) return;
	const fields = server.fields ?? {};

	for (const name of (fields['HeadersNotSigned'] ?? '').split(/[\s,;]+/).filter((n) => n !== '')) {
		const lower = name.toLowerCase();
		const line = requestLineOf(ctx, lower);
		const at = { basis: 'server' as const, ...(line !== undefined ? { line } : {}) };
		if (lower === SESSION_TOKEN_HEADER) {
			list.add(
				'session-token-added-after-signing',
				{
					...at,
					message: 'The server lists x-amz-security-token in HeadersNotSigned: the token was sent but not signed.',
					fix: 'Add the token header before signing and sign it.'
				},
				'session-token'
			);
		} else if (lower === 'x-amz-content-sha256') {
			list.add(
				'payload-hash-missing',
				{ ...at, message: 'The server lists x-amz-content-sha256 in HeadersNotSigned.', fix: 'Sign x-amz-content-sha256.' },
				'payload-hash-missing'
			);
		} else {
			list.add(
				'x-amz-header-not-signed',
				{
					...at,
					message: `The server lists ${lower} in HeadersNotSigned: it was sent but not signed.`,
					fix: `Add ${lower} to SignedHeaders (presigned URLs: to X-Amz-SignedHeaders, and send the header with exactly the signed value).`
				},
				`not-signed:${lower}`
			);
		}
	}

	if (server.code === 'XAmzContentSHA256Mismatch' || fields['ClientComputedContentSHA256'] !== undefined) {
		const client = fields['ClientComputedContentSHA256'];
		const s3 = fields['S3ComputedContentSHA256'];
		list.add(
			'payload-hash-mismatch',
			{
				stage: 'request',
				basis: 'server',
				message: `The server hashed the body it received as ${s3 ?? '(not given)'}, but the request declared ${client ?? '(not given)'} in x-amz-content-sha256.`,
				fix: 'Hash the exact bytes sent (binary, after serialization) and declare that hash; do not change the body after signing.'
			},
			'payload-hash-mismatch'
		);
	}

	const message = server.message ?? fields['Message'] ?? '';
	for (const m of MESSAGES) {
		if (!m.pattern.test(message)) continue;
		// RequestTimeTooSkewed carries RequestTime and ServerTime: checkTime says more than the message.
		if (m.code === 'clock-skew' && server.code === 'RequestTimeTooSkewed') continue;
		const key = {
			'scope-region-mismatch': 'scope-region',
			'scope-service-mismatch': 'scope-service',
			'scope-terminator-wrong': 'scope-terminator',
			'timestamp-scope-date-mismatch': 'scope-date',
			'presign-expires-too-long': 'presign-expires-too-long',
			'payload-hash-missing': 'payload-hash-missing',
			'clock-skew': 'clock-skew',
			'authorization-malformed': 'authorization-malformed',
			'signed-header-absent': 'absent:'
		}[m.code as string];
		list.add(m.code, { basis: 'server', message: `The server says: ${quote(message, 300)}.`, fix: m.fix }, key);
	}

	if (server.stringToSign !== undefined && ctx.evidence.provided?.stringToSign === undefined && server.stringToSign.startsWith('AWS4')) {
		await compareStringToSign(server.stringToSign, ctx, list, 'server');
	}
	if (server.canonicalRequest !== undefined) threeWay(parseCanonicalRequest(server.canonicalRequest), ctx, list);
}
