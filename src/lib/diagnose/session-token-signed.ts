import { presignUrl, tokenPlacementFor } from '../sigv4/index.ts';
import type { DiagnoseContext } from './context.ts';
import { correctedUrl } from './corrected-url.ts';
import type { FindingList } from './finding-list.ts';

/**
 * A presigned URL for a service that wants the session token added after signing (AWS IoT Core's
 * MQTT over WebSockets, iotdevicegateway: aws-c-auth#34; "Signature Version 4 signing for MQTT over
 * WebSocket" in the IoT developer guide). Which way the user's signature went is decided by
 * reproducing it, never from the URL alone (the token sits in the query either way): the signature
 * made over the query with the token is `session-token-signed`, and the finding gives the URL with
 * the signature computed without it (only ever here, where the secret is known); the one made
 * without it is correct. Returns the context the later comparisons judge with.
 */
export async function checkSessionTokenSigned(ctx: DiagnoseContext, list: FindingList): Promise<DiagnoseContext> {
	const token = ctx.params.credentials.sessionToken;
	const signature = ctx.url?.signature?.trim().toLowerCase();
	if (ctx.mode !== 'query' || !token || !signature || ctx.params.signSessionToken === true || !ctx.tokenInRequest) return ctx;
	if (tokenPlacementFor(ctx.params.service.trim().toLowerCase()) !== 'after-signing') return ctx;
	const afterParams = { ...ctx.params, signSessionToken: false };
	const after = await presignUrl(ctx.request, afterParams);
	if (signature === after.signature) return { ...ctx, params: afterParams, trace: after };
	const signedParams = { ...ctx.params, signSessionToken: true };
	const signed = await presignUrl(ctx.request, signedParams);
	if (signature !== signed.signature) return ctx;
	list.add(
		'session-token-signed',
		{
			stage: 'canonical-request',
			line: 3,
			basis: 'reproduced',
			message: `Your signature is the one over a canonical query that includes X-Amz-Security-Token: the session token was signed. The ${ctx.params.service} service wants it left out of the signature and appended to the presigned URL after signing, so it computes another signature (${after.signature}): the corrected URL carries it.`,
			corrected: { label: 'Corrected URL', value: correctedUrl(after.signedUrl ?? '', ctx.url?.securityToken) },
			fix: 'Presign the URL without the session token (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders only), then add X-Amz-Security-Token=<URI-encoded token> to the signed URL.'
		},
		'session-token'
	);
	// The rest is judged against the signer the user ran, so that the one mistake is not reported again as a differing line.
	return { ...ctx, params: signedParams, trace: signed };
}
