import {
	canonicalPath,
	normalizePathSegments,
	fromHex,
	percentDecode,
	uriEncodeBytes,
	EMPTY_SHA256,
	UNSIGNED_PAYLOAD,
	NEVER_SIGNED_HEADERS,
	SESSION_TOKEN_HEADER
} from '../../sigv4/index.ts';
import type { FindingCode } from '../../findings/index.ts';
import { kind, type MistakeKind } from './mistake.ts';
import type { Model, Plan } from './model.ts';
import { toBase64 } from './plan-signer.ts';

// Mistakes in the canonical request: each rewrites one part of it (path, query, headers, payload hash, shape).

const HEX64 = /^[0-9a-f]{64}$/;

/** The signed headers' names as the request has them, in its order: what an unsorting signer writes. */
function sentNames(model: Model): string {
	const seen = new Map<string, string>();
	for (const [name] of model.headers)
		if (model.base.signed.has(name.toLowerCase()) && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
	return [...seen.values()].join(', ');
}

function withPath(path: string): (plan: Plan) => Plan {
	return (plan) => ({ ...plan, path });
}

function withPayload(value: string): (plan: Plan) => Plan {
	return (plan) => ({ ...plan, payloadHash: value });
}

function withSigned(name: string, signed: boolean): (plan: Plan) => Plan {
	return (plan) => {
		const set = new Set(plan.signed);
		if (signed) set.add(name);
		else set.delete(name);
		return { ...plan, signed: set };
	};
}

function unsignCode(name: string): FindingCode {
	if (name === 'x-amz-content-sha256') return 'payload-hash-missing';
	if (name === SESSION_TOKEN_HEADER) return 'session-token-added-after-signing';
	if (name.startsWith('x-amz-')) return 'x-amz-header-not-signed';
	return 'header-added-after-signing';
}

function sentName(model: Model, lower: string): string {
	return model.headers.find(([n]) => n.toLowerCase() === lower)?.[0] ?? lower;
}

export const CANONICAL_REQUEST: MistakeKind[] = [
	kind(
		'headers-unsorted',
		'headers-not-sorted',
		'canonical-request',
		['headers.order'],
		'Canonical headers and SignedHeaders in the order sent, or sorted before lowercasing',
		'Lowercase the header names, then sort them by character code; write SignedHeaders in the same order.',
		(model) => [
			{
				suffix: 'as-sent',
				message: `Your signer wrote the canonical headers and SignedHeaders in the order the request has them (${sentNames(model).toLowerCase()}) instead of sorted by name.`,
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, order: 'as-sent' } })
			},
			{
				suffix: 'case-sensitive',
				message:
					'Your signer sorted the headers before lowercasing their names, so capitalised names (Host, X-Amz-Date) came before lowercase ones.',
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, order: 'case-sensitive' } })
			}
		]
	),
	kind(
		'header-names-as-sent',
		'header-name-not-lowercase',
		'canonical-request',
		['headers.names'],
		'Header names kept in their sent case',
		'Lowercase every header name, in the canonical headers and in SignedHeaders.',
		(model) => [
			{
				message: `Your signer kept the header names as sent (${sentNames(model)}) in the canonical headers and SignedHeaders instead of lowercasing them.`,
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, names: 'as-sent' } })
			}
		]
	),
	kind(
		'header-values-untrimmed',
		'header-value-not-trimmed',
		'canonical-request',
		['headers.values'],
		'Header values not trimmed, or runs of spaces not collapsed',
		'Trim each header value and replace every run of spaces and tabs inside it with a single space.',
		() => [
			{
				suffix: 'raw',
				message: 'Your signer used the header values exactly as sent: leading and trailing spaces kept, runs of spaces not collapsed.',
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, values: 'raw' } })
			},
			{
				suffix: 'not-collapsed',
				message: 'Your signer trimmed the header values but kept runs of spaces inside them; SigV4 collapses each run to one space.',
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, values: 'trimmed' } })
			}
		]
	),
	kind(
		'header-values-joined',
		'header-values-joined-wrong',
		'canonical-request',
		['headers.join'],
		'Repeated header written on separate lines, or joined with ", "',
		'Write a repeated header once, its values joined with "," (no space) in the order they are sent.',
		() => [
			{
				suffix: 'lines',
				message: 'Your signer wrote a repeated header as one line per value instead of one line with the values joined by ",".',
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, join: 'lines' } })
			},
			{
				suffix: 'comma-space',
				message: 'Your signer joined the values of a repeated header with ", "; SigV4 joins them with "," and no space.',
				apply: (plan) => ({ ...plan, headers: { ...plan.headers, join: ', ' } })
			}
		]
	),
	kind(
		'path-encoding',
		'path-not-double-encoded',
		'canonical-request',
		['path'],
		'Path encoded once where the service encodes it twice, or twice where S3 encodes it once',
		'Non-S3 services: URI-encode the path as it is sent, so "%XX" becomes "%25XX". S3: decode each key segment and encode it once.',
		(model) => {
			const path = canonicalPath(model.rawPath, { uriEscapePath: !model.uriEscapePath, normalizePath: model.normalizePath }).value;
			return [
				model.uriEscapePath
					? {
							message: `Your signer encoded the path once (${path}); ${model.params.service} encodes the path as sent a second time (${model.base.path}).`,
							apply: withPath(path)
						}
					: {
							code: 'path-double-encoded',
							message: `Your signer encoded the S3 path a second time (${path}); S3 signs each key segment encoded once (${model.base.path}).`,
							apply: withPath(path)
						}
			];
		}
	),
	kind(
		'path-normalization',
		'path-not-normalized',
		'canonical-request',
		['path'],
		'S3 path normalized, or a non-S3 path not normalized',
		'S3: sign the path exactly as sent, "//", "." and ".." included. Other services: remove dot segments and empty segments first.',
		(model) => {
			const path = canonicalPath(model.rawPath, { uriEscapePath: model.uriEscapePath, normalizePath: !model.normalizePath }).value;
			return [
				model.normalizePath
					? {
							message: `Your signer did not normalize the path (${path}); ${model.params.service} removes dot segments and duplicate slashes (${model.base.path}).`,
							apply: withPath(path)
						}
					: {
							code: 's3-path-normalized',
							message: `Your signer normalized the S3 path (${path}); S3 signs the key as sent (${model.base.path}).`,
							apply: withPath(path)
						}
			];
		}
	),
	kind(
		'plus-in-s3-key',
		'plus-in-s3-key',
		'canonical-request',
		['path'],
		'"+" in an S3 key signed as a space (%20)',
		'In a path "+" is a literal plus: sign it as %2B. Only %20 means a space.',
		(model) => {
			if (model.uriEscapePath || !model.rawPath.includes('+')) return [];
			const raw = model.normalizePath ? normalizePathSegments(model.rawPath || '/') : model.rawPath || '/';
			const path = raw
				.split('/')
				.map((segment) => uriEncodeBytes(percentDecode(segment, true)))
				.join('/');
			return [
				{
					message: `Your signer decoded "+" in the key as a space (${path}); S3 keeps it a plus (${model.base.path}).`,
					apply: withPath(path)
				}
			];
		}
	),
	kind(
		'query-unsorted',
		'query-not-sorted',
		'canonical-request',
		['query.order'],
		'Query parameters in the order given',
		'Encode each key and value, then sort the parameters by key and then by value (character code order).',
		() => [
			{
				message: 'Your signer wrote the query parameters in the order given instead of sorted by encoded name.',
				apply: (plan) => ({ ...plan, query: { ...plan.query, order: 'given' } })
			}
		]
	),
	kind(
		'query-unencoded',
		'query-not-encoded',
		'canonical-request',
		['query.encoding'],
		'Query keys and values not encoded, or left as written in the URL',
		'Decode each key and value, then URI-encode it: only A-Z a-z 0-9 - _ . ~ stay, "/" becomes %2F, space %20, uppercase hex.',
		() => [
			{
				suffix: 'decoded',
				message:
					'Your signer put the query keys and values in the canonical request without encoding them (a "/" in X-Amz-Credential, a space, ":" left as is).',
				apply: (plan) => ({ ...plan, query: { ...plan.query, encoding: 'decoded' } })
			},
			{
				suffix: 'as-written',
				message:
					"Your signer copied the query keys and values as written in the URL instead of re-encoding them the SigV4 way (e.g. '*', lowercase %xx or '+' kept).",
				apply: (plan) => ({ ...plan, query: { ...plan.query, encoding: 'as-written' } })
			}
		]
	),
	kind(
		'query-plus',
		'query-plus-for-space',
		'canonical-request',
		['query.encoding'],
		'Space encoded as "+" in the query',
		'Encode a space as %20, never "+" (form encoding, URLEncoder and quote_plus use "+").',
		() => [
			{
				message: 'Your signer encoded spaces in the query as "+" (form encoding) instead of %20.',
				apply: (plan) => ({ ...plan, query: { ...plan.query, plusForSpace: true } })
			}
		]
	),
	kind(
		'query-no-equals',
		'query-missing-equals',
		'canonical-request',
		['query.equals'],
		'Parameter without a value written as "key" instead of "key="',
		'Write every parameter as key=value; one without a value is "key=".',
		() => [
			{
				message: 'Your signer wrote a query parameter without a value as "key" instead of "key=".',
				apply: (plan) => ({ ...plan, query: { ...plan.query, equals: false } })
			}
		]
	),
	kind(
		'payload-empty-hash',
		'payload-hash-mismatch',
		'canonical-request',
		['payload'],
		'Hash of the empty body signed instead of the body',
		'Hash the exact bytes of the body you send, after any serialisation, and pass that body to the signer.',
		(model) =>
			HEX64.test(model.base.payloadHash) && model.base.payloadHash !== EMPTY_SHA256
				? [
						{
							message: `Your signer signed the hash of an empty body (${EMPTY_SHA256}) instead of the hash of the body (${model.base.payloadHash}): the body was not passed to it, or was changed after signing.`,
							apply: withPayload(EMPTY_SHA256)
						}
					]
				: []
	),
	kind(
		'payload-unsigned',
		'unsigned-payload-misuse',
		'canonical-request',
		['payload'],
		'UNSIGNED-PAYLOAD where the hash belongs, or the hash where UNSIGNED-PAYLOAD belongs',
		'S3 presigned URLs sign UNSIGNED-PAYLOAD; other requests sign the hex SHA-256 of the body (or UNSIGNED-PAYLOAD only where S3 allows it, sent in x-amz-content-sha256).',
		(model) => {
			if (HEX64.test(model.base.payloadHash)) {
				return [{ message: 'Your signer signed UNSIGNED-PAYLOAD instead of the hash of the body.', apply: withPayload(UNSIGNED_PAYLOAD) }];
			}
			if (model.base.payloadHash === UNSIGNED_PAYLOAD) {
				return [
					{
						message: `Your signer signed the hash of the body (${model.bodyHash}) where UNSIGNED-PAYLOAD belongs.`,
						apply: withPayload(model.bodyHash)
					}
				];
			}
			return [];
		}
	),
	kind(
		'payload-uppercase',
		'payload-hash-uppercase',
		'canonical-request',
		['payload'],
		'Payload hash in uppercase hex',
		'Write the payload hash in lowercase hex.',
		(model) =>
			HEX64.test(model.base.payloadHash)
				? [{ message: 'Your signer wrote the payload hash in uppercase hex.', apply: withPayload(model.base.payloadHash.toUpperCase()) }]
				: []
	),
	kind(
		'payload-base64',
		'payload-hash-base64',
		'canonical-request',
		['payload'],
		'Payload hash in base64',
		'Write the payload hash as 64 lowercase hex digits, not base64.',
		(model) =>
			HEX64.test(model.base.payloadHash)
				? [
						{
							message: 'Your signer wrote the payload hash in base64 instead of hex.',
							apply: withPayload(toBase64(fromHex(model.base.payloadHash)))
						}
					]
				: []
	),
	kind(
		'crlf',
		'crlf-line-endings',
		'canonical-request',
		['cr.eol'],
		'Canonical request lines joined with CRLF',
		'Join the lines of the canonical request with "\\n" (LF) only; watch for Windows line endings and text-mode files.',
		() => [
			{
				message: 'Your signer joined the lines of the canonical request with CRLF ("\\r\\n").',
				apply: (plan) => ({ ...plan, crEol: '\r\n' })
			}
		]
	),
	kind(
		'no-blank-line',
		'missing-blank-line',
		'canonical-request',
		['cr.blank'],
		'No blank line after the canonical headers',
		'End the header block with an empty line: every header line ends in "\\n", then one more "\\n" before SignedHeaders.',
		() => [
			{ message: 'Your signer left out the blank line after the canonical headers.', apply: (plan) => ({ ...plan, blankLine: false }) }
		]
	),
	kind(
		'method-lowercase',
		'method-not-uppercase',
		'canonical-request',
		['method'],
		'HTTP method in lowercase',
		'Write the method in uppercase: GET, PUT, POST.',
		(model) => [
			{
				message: `Your signer wrote the method as "${model.base.method.toLowerCase()}".`,
				apply: (plan) => ({ ...plan, method: plan.method.toLowerCase() })
			}
		]
	),
	kind(
		'host-port',
		'host-port-mismatch',
		'canonical-request',
		['host'],
		'Host signed with the default port, or without the non-default one',
		'Sign the Host header as it is sent: no ":443" or ":80", but a non-default port kept.',
		(model) => {
			const defaultPort = model.scheme === 'https' ? '443' : '80';
			const sent = model.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? model.hostname;
			const hosts = new Map<string, string>();
			if (model.port === undefined || model.port === defaultPort) {
				// Added: the scheme's default port, or the other scheme's (an S3 client told "port 443" on http, or 80 on https).
				for (const port of [defaultPort, defaultPort === '443' ? '80' : '443'])
					hosts.set(
						`${model.hostname}:${port}`,
						`Your signer signed the host with port ${port} (${model.hostname}:${port}); clients send it without a default port.`
					);
			} else {
				hosts.set(
					model.hostname,
					`Your signer signed the host without its port (${model.hostname}); the request is sent to port ${model.port}.`
				);
			}
			// Dropped: a default port the request's Host carries.
			if (/:(443|80)$/.test(sent))
				hosts.set(model.hostname, `Your signer dropped the port from the host (${model.hostname}); the request's Host header is ${sent}.`);
			hosts.delete(sent);
			return [...hosts].map(([host, message]) => ({
				suffix: host.slice(model.hostname.length + 1) || 'none',
				message,
				apply: (plan: Plan) => ({ ...plan, headers: { ...plan.headers, host } })
			}));
		}
	),
	kind(
		'header-unsigned',
		'header-added-after-signing',
		'canonical-request',
		[],
		'A header that is sent was not signed (or was added after signing)',
		'Sign every header you send that must be signed (x-amz-*, host, content-type when set); or make sure nothing adds it after signing.',
		(model) =>
			[...model.base.signed]
				.filter((name) => name !== 'host')
				.map((name) => ({
					suffix: name,
					code: unsignCode(name),
					touches: [`signed:${name}`],
					message: `${sentName(model, name)} is left out of your signature: your signer did not sign it, or it was added after signing (by a browser, an HTTP client or a proxy). Signed without it: ${[...model.base.signed].filter((n) => n !== name).join(';')}.`,
					apply: withSigned(name, false)
				}))
	),
	kind(
		'header-signed',
		'unsignable-header-signed',
		'canonical-request',
		[],
		'A header that is not signed by default (User-Agent, Expect, …) was signed',
		'Do not sign headers that proxies and HTTP clients change (User-Agent, Expect, Connection, …), or send exactly the signed value.',
		(model) => {
			const names = [...new Set(model.headers.map(([n]) => n.toLowerCase()))].filter((n) => !model.base.signed.has(n));
			return names.map((name) => ({
				suffix: name,
				code:
					NEVER_SIGNED_HEADERS.has(name) || name.startsWith('proxy-') || name.startsWith('sec-')
						? 'unsignable-header-signed'
						: 'signed-headers-mismatch',
				touches: [`signed:${name}`],
				message: `Your signer also signed ${sentName(model, name)}, a header the correct signature leaves out.`,
				apply: withSigned(name, true)
			}));
		}
	)
];
