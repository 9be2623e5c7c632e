import { parseRegionSet, parseWireUrl, serviceFor, type HttpRequest } from '../sigv4/index.ts';
import type { Case, CaseAlgorithm } from './case.ts';
import { edit } from './edit.ts';
import { hasEvidence } from './evidence.ts';
import { looksLikeSigV4a } from './stage-view-v4a.ts';

/**
 * The algorithm the stages are signed with, and why. Pasted evidence decides for itself (its
 * Authorization header or string to sign names it); a typed request follows the case's choice,
 * in the modes SigV4a has (POST policies and aws-chunked uploads are signed with SigV4 here).
 */
export interface AlgorithmInUse {
	algorithm: CaseAlgorithm;
	from: 'paste' | 'choice';
	/** The case chose SigV4a in a mode the page signs with SigV4 only. */
	unsupportedMode: boolean;
}

export function algorithmInUse(c: Case): AlgorithmInUse {
	if (hasEvidence(c)) {
		const v4a = looksLikeSigV4a([c.requestText, ...Object.values(c.provided).map(String)]);
		return { algorithm: v4a ? 'sigv4a' : 'sigv4', from: 'paste', unsupportedMode: false };
	}
	const unsupportedMode = c.algorithm === 'sigv4a' && (c.mode === 'post' || c.mode === 'chunked');
	return { algorithm: unsupportedMode ? 'sigv4' : c.algorithm, from: 'choice', unsupportedMode };
}

/** What the service registry says about a host that signs with SigV4a: offered to the user, never applied unasked. */
export interface SigV4aOffer {
	host: string;
	signingName?: string;
	regionSet: string;
	source?: string;
}

/** The offer for a request whose host needs SigV4a while the case signs with SigV4; none otherwise. */
export function sigv4aOffer(c: Case, request: HttpRequest | undefined): SigV4aOffer | undefined {
	const inUse = algorithmInUse(c);
	if (!request || inUse.algorithm === 'sigv4a' || inUse.from === 'paste') return undefined;
	let host: string;
	try {
		host = parseWireUrl(request.url).hostname;
	} catch {
		return undefined;
	}
	const inferred = serviceFor(host);
	if (!inferred.known || inferred.algorithm !== 'sigv4a') return undefined;
	const offer: SigV4aOffer = { host: inferred.host, regionSet: (inferred.regionSet ?? ['*']).join(',') };
	if (inferred.signingName) offer.signingName = inferred.signingName;
	if (inferred.sources.rules) offer.source = inferred.sources.rules;
	return offer;
}

/** The case switched to SigV4a as the registry says (one click): the region set, and the signing name if the host gives one. */
export function acceptSigV4aOffer(c: Case, offer: SigV4aOffer): Case {
	const mode = c.mode === 'post' || c.mode === 'chunked' ? 'header' : c.mode;
	return edit(c, { algorithm: 'sigv4a', regionSet: offer.regionSet, mode, ...(offer.signingName ? { service: offer.signingName } : {}) });
}

/** The region set as typed, as the signer takes it ("*" or a comma list; blanks dropped). */
export function regionSetOf(c: Pick<Case, 'regionSet'>): string[] {
	return parseRegionSet(c.regionSet);
}
