import {
	AMZ_DATE_HEADER,
	CONTENT_SHA256_HEADER,
	DEFAULT_EXPIRES,
	SESSION_TOKEN_HEADER,
	UNSIGNED_PAYLOAD,
	headersToSign,
	prepareRequest,
	type AuthMode,
	type Header,
	type HttpRequest,
	tokenAfterSigning,
	type SigningParams
} from '../sigv4/index.ts';

/**
 * What an exported program holds: the request as sent and the rules the core resolved for it.
 * The program does every step of SigV4 itself from these; only the choices (which headers, which
 * payload hash, which path rules) are made here, once, by the core that the page shows.
 */
export interface SignerSpec {
	mode: AuthMode;
	method: string;
	/** scheme://host[:port], as the URL to send begins. */
	endpoint: string;
	/** As sent on the wire, not decoded ('' when the URL has none). */
	path: string;
	/** As sent after '?', less a pasted signature's own parameters; '' when none. */
	query: string;
	/** The request's headers to sign, as sent (Host included); header mode adds X-Amz-Date and the rest itself. */
	headers: Header[];
	/** Sent, not signed: named in a comment only. */
	unsignedHeaders: string[];
	/** A fixed payload hash (UNSIGNED-PAYLOAD, STREAMING-…, or the request's own x-amz-content-sha256), or undefined: hash the body. */
	payloadHash?: string;
	/** Why the payload hash is fixed, for the program's comment. */
	payloadHashWhy?: string;
	body: string;
	region: string;
	service: string;
	datetime: string;
	uriEscapePath: boolean;
	normalizePath: boolean;
	/** Header mode: add and sign x-amz-content-sha256. */
	contentSha256Header: boolean;
	/** false: a session token is sent but not signed (a few services expect it so). */
	signSessionToken: boolean;
	/** Query mode: X-Amz-Expires. */
	expiresIn: number;
	/** A display line for the program's first comment, e.g. "GET https://host/key". */
	title: string;
}

/** The headers the signer sets itself in header mode: a pasted request's own are replaced. */
function setBySigner(name: string, contentSha256Header: boolean): boolean {
	return name === AMZ_DATE_HEADER || name === SESSION_TOKEN_HEADER || (name === CONTENT_SHA256_HEADER && contentSha256Header);
}

/** The spec of the program that signs `req` as the core does; throws the core's SigningError on inputs it cannot sign. */
export function signerSpec(req: HttpRequest, params: SigningParams, mode: AuthMode): SignerSpec {
	const ctx = prepareRequest(req, params, mode);
	const url = req.url.trim().replace(/#[\s\S]*$/, '');
	const droppedQuery = ctx.dropped.some((d) => d.startsWith('query '));
	const port = ctx.url.port === undefined ? '' : `:${ctx.url.port}`;
	const endpoint = droppedQuery ? `${ctx.url.scheme}://${ctx.url.hostname}${port}` : url.slice(0, url.length - urlTail(url).length);
	const query = droppedQuery ? ctx.query.map((p) => p.raw).join('&') : (ctx.url.query ?? '');

	const own = ctx.headers.filter(([n]) => mode === 'query' || !setBySigner(n.toLowerCase(), ctx.contentSha256Header));
	const signed = headersToSign(own, params);
	// White space around a value is never signed (the canonical value is trimmed): left out of the program.
	const headers: Header[] = own
		.filter(([n]) => signed.has(n.toLowerCase()))
		.map(([n, v]) => [n, v.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')]);
	const present = new Set(headers.map(([n]) => n.toLowerCase()));
	const extra = mode === 'header' ? [AMZ_DATE_HEADER, SESSION_TOKEN_HEADER, CONTENT_SHA256_HEADER] : [];
	// A name the user listed that the request lacks is signed with an empty value, as a server would see it.
	for (const name of signed) if (!present.has(name) && !extra.includes(name)) headers.push([name, '']);
	const unsignedHeaders = own.filter(([n]) => !signed.has(n.toLowerCase())).map(([n]) => n);

	const explicit = params.signedHeaders?.map((n) => n.trim().toLowerCase());
	const tokenSigned = !tokenAfterSigning(params, mode) && (!explicit || explicit.includes(SESSION_TOKEN_HEADER));
	const spec: SignerSpec = {
		mode,
		method: ctx.method,
		endpoint,
		path: ctx.url.path,
		query,
		headers,
		unsignedHeaders,
		body: typeof req.body === 'string' ? req.body : req.body ? new TextDecoder().decode(req.body) : '',
		region: params.region,
		service: params.service,
		datetime: params.datetime,
		uriEscapePath: ctx.uriEscapePath,
		normalizePath: ctx.normalizePath,
		contentSha256Header: mode === 'header' && ctx.contentSha256Header,
		signSessionToken: tokenSigned,
		expiresIn: params.expiresIn ?? DEFAULT_EXPIRES,
		title: `${ctx.method} ${url.length > 100 ? `${url.slice(0, 97)}...` : url}`
	};
	if (params.payloadHash !== undefined) {
		spec.payloadHash = params.payloadHash;
		spec.payloadHashWhy = params.payloadHash === UNSIGNED_PAYLOAD ? 'the case signs UNSIGNED-PAYLOAD' : 'the payload hash the case gives';
	} else if (mode === 'header' && ctx.contentSha256 !== undefined) {
		spec.payloadHash = ctx.contentSha256;
		spec.payloadHashWhy = `the request's own ${CONTENT_SHA256_HEADER}: the server signs what it says`;
	} else if (mode === 'query' && ctx.presignUnsignedPayload) {
		spec.payloadHash = UNSIGNED_PAYLOAD;
		spec.payloadHashWhy = 'S3 presigned URLs sign UNSIGNED-PAYLOAD: the body is not known when the URL is made';
	}
	return spec;
}

/** The path, query and fragment of an absolute URL: what follows scheme://authority. */
function urlTail(url: string): string {
	const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(url);
	return m ? url.slice(m[0].length) : url;
}

/** The comments every program carries, in the same words. */
export function notes(spec: SignerSpec) {
	const unsigned = spec.unsignedHeaders.length ? ` Sent but not signed: ${[...new Set(spec.unsignedHeaders)].join(', ')}.` : '';
	const added =
		spec.mode === 'header'
			? `X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''} and the session token are added below.`
			: 'A presigned URL signs no header of its own.';
	return {
		title: spec.title.replace(/[\r\n]/g, ' '),
		modeName: spec.mode === 'header' ? 'an Authorization header' : 'a presigned URL',
		headers: `The headers to sign, as sent. ${added}${unsigned}`,
		date: 'your signing time; to send the request now, use the current UTC time in this form',
		path: spec.uriEscapePath
			? 'This service signs the path as sent, encoded once more ("%20" becomes "%2520")' +
				(spec.normalizePath ? ', after removing "." and ".." segments.' : '; "." and ".." are kept.')
			: 'S3 signs the object key: each segment decoded, then encoded once; "//", "." and ".." are kept.' +
				(spec.normalizePath ? ' (Here normalized as well, as the case asks.)' : '')
	};
}
