import { presignUrl, serviceFor } from '../../sigv4/index.ts';
import type { DiagnoseContext } from '../context.ts';
import { correctedUrl } from '../corrected-url.ts';
import type { FindingList } from '../finding-list.ts';

/** Transcribe streaming's WebSocket endpoint: wss://transcribestreaming.REGION.amazonaws.com:8443 (Transcribe developer guide, streaming-websocket.html). */
const TRANSCRIBE_WS_PORT = '8443';

/** The URL with a port put after its host: the scheme and everything after the host kept as given. */
function withPort(url: string, port: string): string {
	return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#:]+)/i, `$1:${port}`);
}

/**
 * A Transcribe streaming WebSocket URL without :8443. The port is part of the signed Host
 * (host:transcribestreaming.REGION.amazonaws.com:8443), so the user's signature says which mistake it
 * is: made over host:8443, the URL lost its port after signing (add it back, the signature stands);
 * made over the bare host, the URL is signed for a port the endpoint does not serve (a warning:
 * the corrected URL is signed here, where the secret is known). Returns the context the later
 * comparisons judge with.
 */
export async function checkWebSocketPort(ctx: DiagnoseContext, list: FindingList): Promise<DiagnoseContext> {
	const url = ctx.evidence.request.url;
	if (ctx.mode !== 'query' || !ctx.wire.websocket || ctx.wire.port !== undefined) return ctx;
	if (serviceFor(url).signingName !== 'transcribe' || ctx.params.service.trim().toLowerCase() !== 'transcribe') return ctx;
	const signature = ctx.url?.signature?.trim().toLowerCase();
	const host = ctx.wire.hostname;
	const ported = await presignUrl({ ...ctx.request, url: withPort(ctx.request.url, TRANSCRIBE_WS_PORT) }, ctx.params);
	if (signature !== undefined && signature !== ctx.trace.signature && signature === ported.signature) {
		list.add(
			'transcribe-port-missing',
			{
				stage: 'request',
				line: 1,
				basis: 'reproduced',
				message: `Your signature covers host:${host}:${TRANSCRIBE_WS_PORT}, but the URL has no port: sent to ${host} (port 443), the Host differs from the one signed, and Transcribe streaming's WebSocket endpoint listens on ${TRANSCRIBE_WS_PORT}. The corrected URL keeps your signature and adds the port.`,
				corrected: {
					label: 'Corrected URL (same signature)',
					value: correctedUrl(withPort(url, TRANSCRIBE_WS_PORT), ctx.url?.securityToken)
				},
				fix: `Keep :${TRANSCRIBE_WS_PORT} in the URL you open: wss://${host}:${TRANSCRIBE_WS_PORT}/stream-transcription-websocket?…`
			},
			'transcribe-port'
		);
		return { ...ctx, trace: ported };
	}
	if (signature !== undefined && signature !== ctx.trace.signature) return ctx;
	list.add(
		'transcribe-port-missing',
		{
			stage: 'request',
			line: 1,
			severity: 'warning',
			message: `Transcribe streaming's WebSocket endpoint is ${host}:${TRANSCRIBE_WS_PORT}, and this URL has no port (443). The port is part of the signed Host, so the URL must be signed with it: host:${host}:${TRANSCRIBE_WS_PORT}. The corrected URL is signed for port ${TRANSCRIBE_WS_PORT}.`,
			corrected: {
				label: `URL signed for port ${TRANSCRIBE_WS_PORT}`,
				value: correctedUrl(ported.signedUrl ?? '', ctx.url?.securityToken)
			},
			fix: `Presign wss://${host}:${TRANSCRIBE_WS_PORT}/stream-transcription-websocket?… (the Host header host:${host}:${TRANSCRIBE_WS_PORT}), and open that URL.`
		},
		'transcribe-port'
	);
	return ctx;
}
