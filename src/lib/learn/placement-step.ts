import { ALGORITHM, ALGORITHM_V4A, SESSION_TOKEN_HEADER, SESSION_TOKEN_QUERY_PARAM } from '../sigv4/index.ts';
import type { FindingCode } from '../findings/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import { presignParams } from './presign-params.ts';
import type { LearnStep } from './types.ts';

/** Header mode: the Authorization header value, the whole output pane. */
function authorizationStep(lc: LearnContext): LearnStep {
	const { params, trace } = lc;
	const output =
		`${lc.v4a ? ALGORITHM_V4A : ALGORITHM} Credential=${params.credentials.accessKeyId}/${lc.ctx.scope}, ` +
		`SignedHeaders=${[...lc.signed].sort().join(';')}, Signature=${trace.signature}`;
	const token = params.credentials.sessionToken;
	const tokenSigned = !!token && lc.signed.has(SESSION_TOKEN_HEADER);
	const sent = lc.v4a ? ['X-Amz-Date', 'X-Amz-Region-Set'] : ['X-Amz-Date'];
	if (lc.ctx.contentSha256Header) sent.push('x-amz-content-sha256');
	if (tokenSigned) sent.push(SESSION_TOKEN_QUERY_PARAM);
	const mistakes: FindingCode[] = ['authorization-malformed', 'header-added-after-signing'];
	if (token) mistakes.push('session-token-added-after-signing');
	return {
		id: lc.ids.take('placement'),
		title: 'Authorization header',
		reads: trace.signature,
		output,
		highlight: { pane: 'output', start: 0, end: output.length },
		explanation:
			'The signature goes into the Authorization header: the algorithm, a space, then Credential=access key ID/scope, ' +
			'SignedHeaders=… and Signature=…, separated by ", ". ' +
			`The request is sent with ${sent.join(', ')} exactly as signed; a header added or changed after this is not covered and breaks the signature.` +
			(token && !tokenSigned ? ' X-Amz-Security-Token is sent too, but unsigned: for this request it is added after signing.' : ''),
		docUrl: lc.s3 ? DOC_URLS.s3Header : DOC_URLS.placement,
		mistakes
	};
}

/** Query mode: the X-Amz-* parameters appended to the URL, X-Amz-Signature last. */
function presignedUrlStep(lc: LearnContext): LearnStep {
	const { trace } = lc;
	const added = presignParams(lc);
	const output = [...added.map((p) => `${p.name}=${p.encoded}`), `X-Amz-Signature=${trace.signature}`].join('&');
	const url = trace.signedUrl ?? '';
	const unsignedToken = added.some((p) => !p.signed);
	return {
		id: lc.ids.take('placement'),
		title: 'Presigned URL',
		reads: trace.signature,
		output,
		// The signer appends them at the very end of the URL (its fragment, if any, is dropped).
		highlight: { pane: 'output', start: url.length - output.length, end: url.length },
		explanation:
			"The presigned URL is the request's URL (less any signature parameters it already had) with the X-Amz-* parameters appended " +
			'and X-Amz-Signature last. Their order in the URL does not matter; only the canonical query string is sorted. ' +
			`The URL works for X-Amz-Expires seconds from X-Amz-Date.${unsignedToken ? ' X-Amz-Security-Token is in the URL but was not signed.' : ''}`,
		docUrl: lc.s3 ? DOC_URLS.s3Presign : DOC_URLS.placement,
		mistakes: ['presign-expired', 'presign-expires-too-long', 'header-added-after-signing']
	};
}

export function placementStep(lc: LearnContext): LearnStep {
	return lc.trace.mode === 'query' ? presignedUrlStep(lc) : authorizationStep(lc);
}
