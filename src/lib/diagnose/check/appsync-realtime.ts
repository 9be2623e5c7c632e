import { signRequest } from '../../sigv4/index.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';

const REALTIME_LABEL = '.appsync-realtime-api.';
const API_LABEL = '.appsync-api.';

/** The paths a signer may have signed instead of the connect request's (the WebSocket's own, or the API's). */
const WRONG_PATHS: Readonly<Record<string, readonly string[]>> = {
	'/graphql/connect': ['/graphql', '/graphql/realtime', '/'],
	'/event': ['/event/realtime', '/']
};

function withPath(url: string, path: string): string {
	return url.replace(/^([a-z]+:\/\/[^/?#]*)[^?#]*/i, `$1${path}`);
}

/**
 * AppSync real-time (the signed POST a real-time URL's header stands for, see parse/appsync-realtime.ts):
 * its host must be the API's GraphQL host (appsync-api), not the real-time one, and its path the
 * connect request's (/graphql/connect; Events: /event). A signature made over another path is
 * named by reproducing it. Source: AppSync developer guide, real-time-websocket-client.html (IAM header).
 * Returns the context the later comparisons judge with.
 */
export async function checkAppSyncRealtime(ctx: DiagnoseContext, list: FindingList): Promise<DiagnoseContext> {
	if (ctx.mode !== 'header' || ctx.request.method.toUpperCase() !== 'POST') return ctx;
	const host = ctx.wire.hostname.toLowerCase();
	if (host.includes(REALTIME_LABEL)) {
		const api = host.replace(REALTIME_LABEL, API_LABEL);
		list.add('appsync-realtime-host-signed', {
			stage: 'request',
			message: `The signed request's host is the real-time endpoint ${host}. AppSync checks the header as a request to the API's GraphQL endpoint: host ${api}.`,
			fix: `Sign POST https://${api}${ctx.wire.path || '/graphql/connect'} with host: ${api} in the header JSON; open the WebSocket on ${host}.`
		});
		return ctx;
	}
	const wrong = host.includes(API_LABEL) ? WRONG_PATHS[ctx.wire.path] : undefined;
	const signature = ctx.auth?.signature?.trim().toLowerCase();
	if (!wrong || !signature || signature === ctx.trace.signature) return ctx;
	for (const path of wrong) {
		const trace = await signRequest({ ...ctx.request, url: withPath(ctx.request.url, path) }, ctx.params);
		if (trace.signature !== signature) continue;
		list.add('appsync-connect-path', {
			stage: 'canonical-request',
			line: 2,
			basis: 'reproduced',
			message: `Your signature is the one for POST ${path}: the real-time connection is authorized by a request signed for ${ctx.wire.path}, so AppSync computes another signature (${ctx.trace.signature}).`,
			fix: `Sign the POST to https://${host}${ctx.wire.path} (body {}), and put its headers in the header parameter.`
		});
		return { ...ctx, trace };
	}
	return ctx;
}
