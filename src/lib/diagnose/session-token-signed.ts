import { presignUrl, tokenPlacementFor } from '../sigv4/index.ts';
import type { DiagnoseContext } from './context.ts';
import type { FindingList } from './finding-list.ts';

/**
 * A presigned URL for a service that wants the session token added after signing. Which way the
 * user's signature went is decided by reproducing it, never from the URL alone (the token sits in
 * the query either way): the signature made over the query with the token is `session-token-signed`;
 * the one made without it is correct, and the comparisons after this one judge against that trace.
 * Returns the context to compare with.
 */
export async function checkSessionTokenSigned(ctx: DiagnoseContext, list: FindingList): Promise<DiagnoseContext> {
	const token = ctx.params.credentials.sessionToken;
	const signature = ctx.url?.signature?.trim().toLowerCase();
	if (ctx.mode !== 'query' || !token || !signature || ctx.params.signSessionToken === false) return ctx;
	// The service registry knows who wants it (AWS IoT Core over WebSockets, iotdevicegateway: aws-c-auth#34).
	if (tokenPlacementFor(ctx.params.service.toLowerCase()) !== 'after-signing' || !ctx.tokenInRequest) return ctx;
	const params = { ...ctx.params, signSessionToken: false };
	const unsigned = await presignUrl(ctx.request, params);
	if (signature === unsigned.signature) return { ...ctx, params, trace: unsigned };
	if (signature !== ctx.trace.signature) return ctx;
	list.add(
		'session-token-signed',
		{
			stage: 'canonical-request',
			line: 3,
			basis: 'reproduced',
			message: `Your signature is the one over a canonical query that includes X-Amz-Security-Token: the session token was signed. The ${ctx.params.service} service wants it left out of the signature and appended to the presigned URL after signing, so it computes another signature (${unsigned.signature}).`,
			fix: 'Presign the URL without the session token (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders only), then append &X-Amz-Security-Token=<URI-encoded token> after X-Amz-Signature.'
		},
		'session-token'
	);
	return ctx;
}
