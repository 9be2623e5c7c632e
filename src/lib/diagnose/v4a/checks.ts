import {
	ALGORITHM,
	ALGORITHM_V4A,
	REGION_SET_HEADER,
	REGION_SET_QUERY_PARAM,
	regionSetIncludes,
	type SigningTraceV4a
} from '../../sigv4/index.ts';
import { quote } from '../../findings/index.ts';
import type { RequestRegionSet } from '../../parse/index.ts';
import type { FindingList } from '../finding-list.ts';
import type { Evidence } from '../types.ts';
import type { UserTexts } from '../user-texts.ts';

const AT = { stage: 'authorization' as const, line: 1 };
const REGION_LABEL = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** The region a host name spells out (service.us-west-2.amazonaws.com); none for global names. */
function hostRegion(url: string): string | undefined {
	const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase();
	return host?.split('.').find((label) => REGION_LABEL.test(label));
}

/** The region set: present, and admitting the region the host names. */
export function checkRegionSet(evidence: Evidence, regionSet: RequestRegionSet | undefined, used: string[], list: FindingList): void {
	const where = evidence.mode === 'query' ? `the ${REGION_SET_QUERY_PARAM} parameter` : `the ${REGION_SET_HEADER} header`;
	if (!regionSet) {
		list.add('sigv4a-region-set-missing', {
			stage: 'request',
			message: `The request is SigV4a but has no region set: ${where} is missing, so the server does not know where the signature is valid.`,
			fix: `Add and sign ${where}: ${used.join(',')}, a comma-separated list, or * for every region.`
		});
		return;
	}
	const region = hostRegion(evidence.request.url);
	if (region !== undefined && !regionSetIncludes(regionSet.regions, region)) {
		list.add('sigv4a-region-not-in-set', {
			stage: 'request',
			message: `The request goes to ${region} (its host name), which its region set ${quote(regionSet.text)} does not include: AWS refuses a SigV4a signature outside its region set.`,
			fix: `Sign with a region set that includes ${region}, e.g. ${[...regionSet.regions, region].join(',')}, or *.`
		});
	}
}

/** The Authorization header or presigned URL: SigV4a's algorithm, a scope without region, the region set signed. */
export function checkAuthorizationV4a(evidence: Evidence, texts: UserTexts, trace: SigningTraceV4a, list: FindingList): void {
	const { auth, url } = texts;
	const algorithm = auth && !auth.sigv2 ? auth.scheme.toUpperCase() : url?.algorithm?.trim().toUpperCase();
	const where = auth ? 'The Authorization header' : 'X-Amz-Algorithm';
	if (algorithm === ALGORITHM) {
		list.add('sigv4-sigv4a-confusion', {
			...AT,
			message: `${where} says ${ALGORITHM} (SigV4, HMAC), but the signature is an ECDSA one and the request carries a region set: it was signed with SigV4a.`,
			fix: `Label it ${ALGORITHM_V4A} with the scope ${trace.credentialScope}, or sign with SigV4 (an HMAC and a scope with the region) throughout.`
		});
	}
	const credential = (auth?.credential ?? url?.credential)?.replace(/\s+/g, '');
	if (credential !== undefined && algorithm !== ALGORITHM) {
		const scope = credential.slice(credential.indexOf('/') + 1);
		const parts = scope.split('/');
		if (scope !== trace.credentialScope) {
			const withRegion = parts.length === 4 && `${parts[0]}/${parts[2]}/${parts[3]}` === trace.credentialScope;
			list.add(withRegion ? 'sigv4a-scope-has-region' : 'authorization-malformed', {
				...AT,
				message: withRegion
					? `The credential scope ${quote(scope)} has a region (${parts[1]}); a SigV4a scope is date/service/aws4_request, and the region goes in the region set.`
					: `The credential scope ${quote(scope)} is not the SigV4a scope ${trace.credentialScope}.`,
				fix: `Write Credential=${evidence.params.credentials.accessKeyId}/${trace.credentialScope}.`
			});
		}
	}
	const signed = auth?.signedHeaders ?? url?.signedHeaders;
	const sendsHeader = (evidence.request.headers ?? []).some(([n]) => n.toLowerCase() === REGION_SET_HEADER);
	if (evidence.mode === 'header' && sendsHeader && signed !== undefined && !signed.toLowerCase().split(';').includes(REGION_SET_HEADER)) {
		list.add('x-amz-header-not-signed', {
			...AT,
			message: `SignedHeaders ${quote(signed)} leaves out ${REGION_SET_HEADER}, which the request sends: SigV4a signs the region set.`,
			fix: `Sign ${REGION_SET_HEADER}: ${trace.signedHeaders.join(';')}.`
		});
	}
}
