import {
	S3_EXPRESS_SERVICE,
	S3_SESSION_TOKEN_HEADER,
	SESSION_TOKEN_HEADER,
	decodedKey,
	isCreateSession,
	parseWireUrl,
	s3ExpressEndpoint,
	splitQuery
} from '../../sigv4/index.ts';
import type { ParsedAuthorization, ParsedSignedUrl } from '../../parse/index.ts';
import type { FindingList } from '../finding-list.ts';
import type { Evidence } from '../types.ts';

/** The lowercase names of a URL's query parameters. */
function queryNames(url: string | undefined): string[] {
	const q = /\?([^#]*)/.exec(url ?? '')?.[1];
	return splitQuery(q).map((p) => decodedKey(p).toLowerCase());
}

/** Where the request carries a token: 'header', 'query', or nowhere. */
function tokenPlace(name: string, headers: Set<string>, query: Set<string>): 'header' | 'query' | undefined {
	return headers.has(name) ? 'header' : query.has(name) ? 'query' : undefined;
}

/**
 * "Authorizing Zonal endpoint API operations with CreateSession": CopyObject and HeadBucket are
 * Zonal operations that do not use CreateSession authentication; they are signed with IAM credentials.
 */
function usesIamCredentials(method: string, path: string, headers: Set<string>): boolean {
	return (method === 'HEAD' && /^\/?$/.test(path)) || (method === 'PUT' && headers.has('x-amz-copy-source'));
}

/**
 * S3 Express One Zone mix-ups, read from the request alone (sources in sigv4/s3-express.ts):
 * the signing name on a directory-bucket host, the CreateSession token sent as x-amz-security-token,
 * x-amz-s3session-token off a Zonal endpoint, and a session token on CreateSession itself.
 */
export function checkS3Express(
	evidence: Evidence,
	auth: ParsedAuthorization | undefined,
	url: ParsedSignedUrl | undefined,
	list: FindingList
): void {
	if (evidence.requestGiven === false) return;
	let wire: { hostname: string; path: string };
	try {
		wire = parseWireUrl(evidence.request.url);
	} catch {
		return; // checkRequest names a URL that cannot be signed
	}
	const host = wire.hostname;
	const endpoint = s3ExpressEndpoint(host);
	const headers = new Set(evidence.request.headers.map(([n]) => n.trim().toLowerCase()));
	const inRequest = queryNames(evidence.request.url);
	const query = new Set([...inRequest, ...queryNames(evidence.provided?.signedUrl)]);
	const lineOf = (place: 'header' | 'query' | undefined) => (place === 'query' && inRequest.length > 0 ? { line: 1 } : {});
	const service = (auth?.scope?.service ?? url?.credential?.split('/')[3] ?? evidence.params.service).trim().toLowerCase();
	const sessionToken = tokenPlace(S3_SESSION_TOKEN_HEADER, headers, query);
	const securityToken = tokenPlace(SESSION_TOKEN_HEADER, headers, query);
	const method = evidence.request.method.trim().toUpperCase();

	if (endpoint && service !== S3_EXPRESS_SERVICE) {
		list.add('s3express-signing-name', {
			stage: 'string-to-sign',
			message: `${host} is an S3 Express One Zone ${endpoint.kind === 'zonal' ? 'Zonal' : 'Regional'} endpoint${endpoint.bucket ? ` (directory bucket ${endpoint.bucket})` : ''}, but the credential scope names the service "${service}": S3 Express signs with the signing name "s3express", so S3 computes another signature.`,
			fix: `Sign with the service s3express (credential scope …/${endpoint.region}/s3express/aws4_request). The SDKs do this for any bucket ending in --x-s3; a hand-made signer has to choose it.`
		});
	}
	if (!endpoint || endpoint.kind !== 'zonal') {
		if (sessionToken) {
			list.add('s3express-session-token-wrong-endpoint', {
				...lineOf(sessionToken),
				message: `The request carries x-amz-s3session-token, the S3 Express One Zone session token, but ${host || 'its host'} is not a Zonal (directory bucket) endpoint: ${endpoint ? 'Regional s3express-control operations use IAM authorization, without a session' : 'S3 reads that token only on s3express-<zone> endpoints'}, so the request goes out without the credentials' token.`,
				fix: "Send a temporary credential's token as x-amz-security-token (X-Amz-Security-Token in a presigned URL); keep x-amz-s3session-token for requests to a directory bucket's Zonal endpoint."
			});
		}
		return;
	}
	if (isCreateSession(evidence.request.url)) {
		if (sessionToken) {
			list.add('s3express-create-session-token', {
				...lineOf(sessionToken),
				message:
					'CreateSession (GET /?session) carries x-amz-s3session-token: CreateSession is the one Zonal request that makes a session, so it is signed with your own IAM or STS credentials, never with a session it has yet to create.',
				fix: 'Sign CreateSession with the access key (and, for temporary credentials, x-amz-security-token) of your own credentials; use the session it returns for the other Zonal requests.'
			});
		}
		return;
	}
	if (securityToken && !sessionToken && !usesIamCredentials(method, wire.path, headers)) {
		list.add('s3express-security-token', {
			...lineOf(securityToken),
			message: `The request to directory bucket ${endpoint.bucket ?? host} carries x-amz-security-token and no x-amz-s3session-token: Zonal operations (except CopyObject and HeadBucket) are authorized by a CreateSession session, whose token S3 Express reads only from x-amz-s3session-token (X-Amz-S3session-Token in a presigned URL).`,
			fix: "Call CreateSession (GET /?session) with your own credentials, then sign this request with the session's access key and secret and send its SessionToken as x-amz-s3session-token (signed), not as x-amz-security-token."
		});
	}
}
