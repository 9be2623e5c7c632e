import { AUTH_HEADER_AS_SENT, SIGNATURE_QUERY_PARAM } from './constants.ts';
import type { SigningTrace } from './types.ts';

const URL_SIGNATURE = new RegExp(`([?&]${SIGNATURE_QUERY_PARAM}=)[^&#]*$`);

/**
 * The request to send with another signature in place of the computed one: how an overridden
 * stage reaches the output without signing again.
 */
export function applySignature(trace: SigningTrace, signature: string): Pick<SigningTrace, 'request' | 'authorization' | 'signedUrl'> {
	if (trace.mode === 'query') {
		const signedUrl = (trace.signedUrl ?? '').replace(URL_SIGNATURE, `$1${signature}`);
		return { request: { ...trace.request, url: signedUrl }, signedUrl };
	}
	const authorization = (trace.authorization ?? '').replace(/Signature=[^,\s]*$/, `Signature=${signature}`);
	const headers = trace.request.headers.map(([n, v]): [string, string] => (n === AUTH_HEADER_AS_SENT ? [n, authorization] : [n, v]));
	return { request: { ...trace.request, headers }, authorization };
}
