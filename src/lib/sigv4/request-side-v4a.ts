import { ALGORITHM } from './constants.ts';
import type { SigningTrace } from './types.ts';
import type { SigningTraceV4a } from './types-v4a.ts';

/**
 * A SigV4a trace in SigV4's shape, for code that reads only its request side (canonical request,
 * headers, URL, signature as text): the key chain is empty, since SigV4a has none. Never for
 * anything that computes a SigV4 string to sign or key from it.
 */
export function requestSideV4a(trace: SigningTraceV4a): SigningTrace {
	const keyChain = { date: trace.date, region: '', service: '', kDate: '', kRegion: '', kService: '', kSigning: '' };
	const { regionSet: _r, publicKey: _p, signatureDer: _d, signatureRaw: _s, ...rest } = trace;
	return { ...rest, algorithm: ALGORITHM, keyChain };
}
