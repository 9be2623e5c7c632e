import type { SigningTrace } from './types.ts';

/**
 * The request to send with another signature in place of the computed one: how an overridden
 * stage reaches the output without signing again.
 */
export function applySignature(trace: SigningTrace, signature: string): Pick<SigningTrace, 'request' | 'authorization' | 'signedUrl'> {
	if (trace.mode === 'query') {
		const signedUrl = (trace.signedUrl ?? '').replace(/([?&]X-Amz-Signature=)[^&#]*$/, `$1${signature}`);
		return { request: { ...trace.request, url: signedUrl }, signedUrl };
	}
	const authorization = (trace.authorization ?? '').replace(/Signature=[^,\s]*$/, `Signature=${signature}`);
	const headers = trace.request.headers.map(([n, v]): [string, string] => (n === 'Authorization' ? [n, authorization] : [n, v]));
	return { request: { ...trace.request, headers }, authorization };
}
