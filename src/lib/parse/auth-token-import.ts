import { AUTH_TOKEN_RULES, EKS_CLUSTER_HEADER } from '../sigv4/index.ts';
import { CLUSTER_NAME_UNKNOWN, type DecodedAuthToken } from './auth-token.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addRequestEvidence } from './request-evidence.ts';

/** A decoded login token as the case's request: the presigned (or, for Neptune, header-signed) request its verifier checks. */
export function importAuthToken(b: ImportBuilder, decoded: DecodedAuthToken): void {
	const label = AUTH_TOKEN_RULES[decoded.kind].label;
	b.kind = 'auth-token';
	b.within(`the ${label}`, b.locate(decoded.token.slice(0, 40)), () => {
		b.request = decoded.request;
		b.setProvided('token', decoded.token, `the ${label}`);
		addRequestEvidence(b, decoded.request, `the ${label}`);
	});
	b.note(`${label}: decoded to the ${decoded.kind === 'neptune' ? 'signed' : 'presigned'} request its server checks.`);
	if (decoded.kind === 'eks' && decoded.clusterName === undefined) {
		b.note(
			`An EKS token does not carry the cluster name it was signed for: the authenticator adds it as the ${EKS_CLUSTER_HEADER} header. Type your cluster name in place of ${CLUSTER_NAME_UNKNOWN} in the request.`
		);
	}
	if (decoded.userAgent !== undefined) b.note(`User-Agent=${decoded.userAgent} is added after signing: it is not part of the signature.`);
}
