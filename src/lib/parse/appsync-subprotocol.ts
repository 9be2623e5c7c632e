import { appSyncSignedRequest } from './appsync-realtime.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addRequestEvidence } from './request-evidence.ts';

/** The subprotocol an AppSync Events WebSocket names beside its `header-` one. */
export const EVENTS_SUBPROTOCOL = 'aws-appsync-event-ws';

/** `header-<base64url>` as a word of its own: in quotes, a list or a header value. */
const HEADER_PROTOCOL = /(?<![\w-])header-([^\s'"`,;)\]]*)/;
const WSS_URL = /\bwss?:\/\/[^\s'"`<>)\]]+/i;
const HOST_HEADER = /^[ \t]*host[ \t]*:[ \t]*([^\s]+)/im;

export interface AppSyncSubprotocol {
	/** The base64url after `header-`. */
	header: string;
	/** Where `header-` starts in the text. */
	at: number;
	/** The real-time host, from a wss:// URL or a Host header in the text, if any. */
	host?: string;
}

/**
 * AppSync Events' subprotocol form of the real-time authorization: the WebSocket names the
 * subprotocols `aws-appsync-event-ws` and `header-<base64url of the signed headers JSON>`, as in
 * `new WebSocket(url, ['aws-appsync-event-ws', 'header-eyJ…'])` or a request's
 * `Sec-WebSocket-Protocol: aws-appsync-event-ws, header-eyJ…`. Undefined when the text has not both.
 * Source: AppSync Events developer guide, "Understanding the Event API WebSocket protocol"
 * https://docs.aws.amazon.com/appsync/latest/eventapi/event-api-websocket-protocol.html.
 */
export function findAppSyncSubprotocol(text: string): AppSyncSubprotocol | undefined {
	if (!text.includes(EVENTS_SUBPROTOCOL)) return undefined;
	const m = HEADER_PROTOCOL.exec(text);
	if (!m) return undefined;
	const found: AppSyncSubprotocol = { header: m[1]!, at: m.index };
	const url = WSS_URL.exec(text)?.[0];
	const host = url ? /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] : HOST_HEADER.exec(text)?.[1];
	if (host) found.host = host;
	return found;
}

/** Imports the subprotocol form as the signed POST /event its header stands for. */
export function importAppSyncSubprotocol(b: ImportBuilder, found: AppSyncSubprotocol): void {
	b.kind = 'appsync-realtime';
	// Only Events has this form, so the signed request is POST /event whatever the text's URL says.
	const realtime = `wss://${found.host ?? ''}/event/realtime`;
	const signed = appSyncSignedRequest(found.header, undefined, realtime, 'The header- subprotocol');
	if (typeof signed === 'string') {
		b.error(
			found.at,
			signed,
			'Paste the subprotocol as the client passes it: "header-" then the base64url of the signed headers JSON (base64 with "-" for "+", "_" for "/", no "=").'
		);
		return;
	}
	b.request = signed.request;
	addRequestEvidence(b, signed.request, 'the header- subprotocol');
	b.note(
		`AppSync Events: the header- subprotocol is the signed POST to ${signed.request.url} with the body {}; that request is checked. The WebSocket connection itself is not signed.`
	);
	if (signed.request.headers.every(([n]) => n.toLowerCase() !== 'authorization'))
		b.note(
			'The header JSON has no Authorization: it is not IAM-signed (an API key or a token instead), so there is no signature to check.'
		);
}
