import type { Header, HttpRequest } from '../sigv4/index.ts';
import type { ImportBuilder } from './import-builder.ts';
import { findParam, hostOf, queryOf, queryParams } from './query-params.ts';
import { addRequestEvidence } from './request-evidence.ts';

/**
 * AWS AppSync real-time. A WebSocket cannot carry an Authorization header, so the client signs an
 * HTTPS POST to the API's GraphQL host and sends that request's headers as base64 JSON: in the
 * `header` query parameter (GraphQL subscriptions: wss://ID.appsync-realtime-api.REGION.amazonaws.com/graphql?header=…&payload=e30=)
 * or a `header-<base64url>` subprotocol (AppSync Events: …/event/realtime). The signed request is
 * POST https://<header's host>/graphql/connect with the body {} (Events: POST …/event).
 * Sources: AppSync developer guide, "Building a real-time WebSocket client" (IAM header)
 * https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html; AppSync Events,
 * "Publish events via WebSocket" https://docs.aws.amazon.com/appsync/latest/eventapi/publish-websocket.html;
 * aws/aws-appsync-community#373, aws-amplify/amplify-js#14001.
 */
export interface AppSyncRealtime {
	/** The signed POST the header stands for. */
	request: HttpRequest;
	/** The decoded header JSON, as sent. */
	headerJson: string;
	/** The decoded payload (the POST's body), '{}' when the URL has none. */
	payload: string;
}

/** base64 or base64url (padding optional) of UTF-8 text, or undefined. */
export function decodeBase64Text(text: string): string | undefined {
	const b64 = text.trim().replace(/-/g, '+').replace(/_/g, '/');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) return undefined;
	try {
		const bytes = Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** The real-time URL's path → the path of the request signed for it. */
function signedPath(realtimePath: string): string {
	return realtimePath.startsWith('/event') ? '/event' : '/graphql/connect';
}

/** Why a header value is not base64: its first character outside the alphabet, or its length. */
function notBase64(what: string, value: string): string {
	const bad = /[^A-Za-z0-9+/_=-]/.exec(value.trim());
	if (bad)
		return `${what} is not base64: it has ${JSON.stringify(bad[0])} at character ${bad.index + 1}, and base64url has only A-Z, a-z, 0-9, "-" and "_".`;
	return `${what} is not base64 of UTF-8 text: its ${value.trim().length} characters do not decode (cut short, or "=" inside it?).`;
}

/**
 * The signed request inside an AppSync real-time `header` (base64 JSON of the signed headers), or a
 * sentence saying why there is none. `realtimeUrl` gives the path (GraphQL or Events) and, when the
 * header names no host, the host. `what` names where the header came from, for those sentences.
 */
export function appSyncSignedRequest(
	header: string,
	payload: string | undefined,
	realtimeUrl: string,
	what = 'The header parameter'
): AppSyncRealtime | string {
	const json = decodeBase64Text(header);
	if (json === undefined) return notBase64(what, header);
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		const cut = /^\s*\{/.test(json) && !/\}\s*$/.test(json) ? ' (it opens with "{" and never closes it: cut short when copied?)' : '';
		return `${what} decodes to text that is not JSON${cut}.`;
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return `${what} decodes to JSON that is not an object of headers.`;
	const headers: Header[] = Object.entries(parsed as Record<string, unknown>).map(([name, value]) => [
		name,
		typeof value === 'string' ? value : JSON.stringify(value)
	]);
	const hostHeader = headers.find(([n]) => n.toLowerCase() === 'host')?.[1].trim();
	const host = hostHeader || hostOf(realtimeUrl)?.replace('.appsync-realtime-api.', '.appsync-api.');
	if (!host) return 'The header JSON names no host.';
	const body = payload === undefined ? '{}' : decodeBase64Text(payload);
	if (body === undefined) return 'The payload parameter is not base64 of UTF-8 text.';
	const path = /^[a-z]+:\/\/[^/?#]*(\/[^?#]*)?/i.exec(realtimeUrl)?.[1] ?? '/';
	const request: HttpRequest = { method: 'POST', url: `https://${host}${signedPath(path)}`, headers, body };
	return { request, headerJson: json, payload: body };
}

/** A wss:// URL whose query carries AppSync's `header`. */
export function isAppSyncRealtimeUrl(url: string): boolean {
	return /^wss?:\/\//i.test(url) && findParam(queryParams(queryOf(url)), 'header') !== undefined;
}

/** Imports an AppSync real-time URL as the signed POST its header stands for. */
export function importAppSyncRealtime(b: ImportBuilder, url: string): void {
	b.kind = 'appsync-realtime';
	const params = queryParams(queryOf(url));
	const found = appSyncSignedRequest(findParam(params, 'header')!.value, findParam(params, 'payload')?.value, url);
	if (typeof found === 'string') {
		b.error(
			b.locate('header=', 0),
			found,
			'Paste the URL as the client opens it: header=<base64 of the signed headers JSON>&payload=<base64 of {}>.'
		);
		return;
	}
	b.request = found.request;
	addRequestEvidence(b, found.request, 'the header parameter');
	b.note(
		`AppSync real-time: the header parameter is the signed POST to ${found.request.url} with the body ${found.payload}; that request is checked. The WebSocket URL itself (${hostOf(url) ?? ''}) is not signed.`
	);
	if (found.request.headers.every(([n]) => n.toLowerCase() !== 'authorization'))
		b.note(
			`The header JSON has no Authorization: it is not IAM-signed (an API key or a token instead), so there is no signature to check.`
		);
}
