import { parseRawHttp } from '../parse/raw-http.ts';
import { bucketOfHost, formatHttpRequest, MAX_EXPIRES, parseWireUrl, serviceFor, type Header, type HttpRequest } from '../sigv4/index.ts';
import type { Case, FieldOrigin, OriginField } from './case.ts';

/** One line of "what changed": the SigV2 field and what stands for it in SigV4. */
export interface Sigv2Change {
	sigv2: string;
	sigv4: string;
}

export interface Sigv2Conversion {
	case: Case;
	flavor: 's3' | 'query';
	changes: Sigv2Change[];
}

/** Query and form parameters that carry a SigV2 signature (SigV4 carries none of them). */
const V2_PARAMS = new Set(['awsaccesskeyid', 'signature', 'signatureversion', 'signaturemethod', 'timestamp', 'expires', 'securitytoken']);

const decode = (text: string) => {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
};

function pairsOf(query: string | undefined): [string, string, string][] {
	return (query ?? '')
		.split('&')
		.filter((p) => p !== '')
		.map((raw) => {
			const eq = raw.indexOf('=');
			return eq < 0 ? [decode(raw), '', raw] : [decode(raw.slice(0, eq)), decode(raw.slice(eq + 1)), raw];
		});
}

/** YYYYMMDD'T'HHMMSS'Z' from an HTTP date or an ISO timestamp (SigV2's Timestamp is UTC with or without "Z"). */
function amzDate(text: string): string | undefined {
	const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text}Z` : text;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '') : undefined;
}

function epochOf(datetime: string): number {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(datetime);
	return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000 : NaN;
}

const header = (headers: Header[], lower: string) => headers.find(([n]) => n.toLowerCase() === lower)?.[1].trim();

/**
 * A pasted SigV2 request as the same request signed with SigV4: the SigV2 Authorization header or
 * query fields removed, region and signing name from the host (the service registry), the time from
 * Date, Timestamp or the case, and a list of what changed for someone migrating. Undefined when the
 * case's request carries no SigV2 signature.
 */
export function sigv2ToSigv4(c: Case): Sigv2Conversion | undefined {
	const request = parseRawHttp(c.requestText).request;
	if (!request) return undefined;
	const url = parseWireUrl(request.url);
	const authorization = header(request.headers, 'authorization');
	const form =
		request.method.toUpperCase() === 'POST' && typeof request.body === 'string' && /(^|&)SignatureVersion=2(&|$)/.test(request.body);
	const params = pairsOf(form ? (request.body as string) : url.query);
	const param = (name: string) => params.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
	const s3Header = authorization !== undefined && /^AWS [^:\s]+:\S+$/.test(authorization);
	const s3Presigned =
		!s3Header && param('AWSAccessKeyId') !== undefined && param('Expires') !== undefined && param('SignatureVersion') === undefined;
	const queryApi = param('SignatureVersion') === '2';
	if (!s3Header && !s3Presigned && !queryApi) return undefined;
	const flavor = queryApi ? 'query' : 's3';

	const inferred = serviceFor(request.url);
	const region = inferred.region ?? c.region;
	const service = inferred.signingName ?? (flavor === 's3' ? 's3' : c.service);
	const v2Date = flavor === 's3' ? (header(request.headers, 'x-amz-date') ?? header(request.headers, 'date')) : param('Timestamp');
	const datetime = (v2Date && amzDate(v2Date)) || c.datetime;
	const token = param('SecurityToken') ?? header(request.headers, 'x-amz-security-token');
	const kept = params.filter(([n]) => !V2_PARAMS.has(n.toLowerCase())).map(([, , raw]) => raw);
	const headers = request.headers.filter(([n]) => n.toLowerCase() !== 'authorization' && n.toLowerCase() !== 'x-amz-security-token');
	const next: HttpRequest = form
		? { ...request, headers, body: kept.join('&') }
		: {
				...request,
				headers,
				url: `${url.scheme}://${url.hostname}${url.port ? `:${url.port}` : ''}${url.path}${kept.length ? `?${kept.join('&')}` : ''}`
			};
	const expires = Number(param('Expires'));
	const expiresIn =
		s3Presigned && expires - epochOf(datetime) > 0 && expires - epochOf(datetime) <= MAX_EXPIRES
			? String(expires - epochOf(datetime))
			: c.expiresIn;

	const paste = c.origins.requestText?.from === 'paste' ? c.origins.requestText.paste : 1;
	const origin = (source: string): FieldOrigin => ({ from: 'paste', paste, kind: 'sigv2-request', source });
	const origins: Partial<Record<OriginField, FieldOrigin>> = {
		...c.origins,
		requestText: origin('your SigV2 request, its SigV2 fields removed'),
		region: origin(inferred.region ? (inferred.sources.region ?? `the host ${inferred.host}`) : 'the case (the host names no region)'),
		service: origin(inferred.signingName ? (inferred.sources.signingName ?? `the host ${inferred.host}`) : 'the case'),
		mode: origin(s3Presigned ? 'your presigned SigV2 URL' : 'SigV4 signs in the Authorization header')
	};
	if (v2Date) origins.datetime = origin(flavor === 's3' ? "your SigV2 request's date header" : 'your Timestamp parameter');
	const converted: Case = {
		...c,
		requestText: formatHttpRequest(next),
		region,
		service,
		datetime,
		mode: s3Presigned ? 'query' : 'header',
		expiresIn,
		...(token !== undefined ? { sessionToken: token } : {}),
		provided: {},
		server: {},
		sigv2Fields: [],
		overrides: {},
		origins
	};
	const changes = changesFor(flavor, s3Presigned, { request, url, datetime, region, service, token, v2Date });
	if (inferred.algorithm === 'sigv2')
		changes.push({
			sigv2: `${inferred.host} signs with SigV2 only`,
			sigv4: `the registry knows no SigV4 endpoint for ${inferred.signingName}; keep SigV2 for it`
		});
	return { case: converted, flavor, changes };
}

interface Facts {
	request: HttpRequest;
	url: ReturnType<typeof parseWireUrl>;
	datetime: string;
	region: string;
	service: string;
	token: string | undefined;
	v2Date: string | undefined;
}

function changesFor(flavor: 's3' | 'query', presigned: boolean, f: Facts): Sigv2Change[] {
	const date = f.datetime.slice(0, 8);
	const scope = `${date}/${f.region}/${f.service}/aws4_request`;
	const changes: Sigv2Change[] = [];
	if (flavor === 's3' && !presigned) {
		changes.push({
			sigv2: 'Authorization: AWS AccessKeyId:Signature',
			sigv4: `Authorization: AWS4-HMAC-SHA256 Credential=AccessKeyId/${scope}, SignedHeaders=…, Signature=…`
		});
	} else if (presigned) {
		changes.push({
			sigv2: 'AWSAccessKeyId, Expires (a time), Signature in the query',
			sigv4:
				'X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires (seconds from X-Amz-Date, at most 604800), X-Amz-SignedHeaders, X-Amz-Signature'
		});
	} else {
		changes.push({
			sigv2: 'AWSAccessKeyId, SignatureVersion=2, SignatureMethod, Timestamp, Signature parameters',
			sigv4: `no signing parameters: an Authorization: AWS4-HMAC-SHA256 header with Credential=AccessKeyId/${scope}`
		});
	}
	changes.push({
		sigv2:
			flavor === 's3'
				? 'HMAC-SHA1 of the string to sign, keyed with the secret'
				: 'HmacSHA256 (or HmacSHA1) of the string to sign, keyed with the secret',
		sigv4: `HMAC-SHA256, keyed with a signing key derived from "AWS4" + secret, ${date}, ${f.region}, ${f.service} and "aws4_request"; hex, not base64`
	});
	changes.push({
		sigv2: f.v2Date ? `${flavor === 's3' ? 'Date' : 'Timestamp'}: ${f.v2Date}` : 'Date or Timestamp',
		sigv4: `X-Amz-Date: ${f.datetime} (ISO 8601 basic, UTC), and ${date} in the credential scope`
	});
	changes.push({
		sigv2: 'no region, no service name',
		sigv4: `the credential scope names region ${f.region} and service ${f.service}: a wrong one is "SignatureDoesNotMatch" or "the region is wrong"`
	});
	if (flavor === 's3') {
		const bucket = bucketOfHost(f.url.hostname);
		changes.push({
			sigv2: `CanonicalizedResource ${bucket ? `/${bucket}` : ''}${f.url.path || '/'} (bucket, key, sub-resources)`,
			sigv4: `canonical URI ${f.url.path || '/'} and the whole canonical query (every parameter, sorted and encoded); the bucket is in the signed Host header`
		});
		changes.push({
			sigv2: 'Content-MD5, Content-Type and the x-amz-* headers',
			sigv4: 'every header named in SignedHeaders (host and x-amz-date at least), lowercased, sorted, one per line'
		});
		if (!presigned)
			changes.push({
				sigv2: 'the body is not signed (only Content-MD5 if sent)',
				sigv4: 'x-amz-content-sha256: the hex SHA-256 of the body, sent and signed'
			});
	} else {
		changes.push({
			sigv2: 'string to sign: method, host, path, sorted query',
			sigv4: 'canonical request: method, path, sorted query, signed headers, payload hash; its SHA-256 goes in the string to sign'
		});
	}
	if (f.token !== undefined)
		changes.push({
			sigv2: flavor === 's3' ? 'x-amz-security-token header' : 'SecurityToken parameter',
			sigv4: presigned ? 'X-Amz-Security-Token parameter, signed' : 'X-Amz-Security-Token header, signed'
		});
	return changes;
}
