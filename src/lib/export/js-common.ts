import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'js');

/** The request and its rules as constants, the same in both JavaScript programs. */
export function jsConstants(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `\t[${s(k)}, ${s(v)}],`).join('\n');
	return `const METHOD = ${s(spec.method)};
const ENDPOINT = ${s(spec.endpoint)};
const PATH = ${s(spec.path)}; // as sent on the wire, not decoded
const QUERY = ${s(spec.query)}; // as sent after "?"
// ${n.headers}
const HEADERS = [
${headers}
];
const BODY = ${s(spec.body)};
const REGION = ${s(spec.region)};
const SERVICE = ${s(spec.service)};
const AMZ_DATE = ${s(spec.datetime)}; // ${n.date}
// ${n.path}
const URI_ESCAPE_PATH = ${spec.uriEscapePath};
const NORMALIZE_PATH = ${spec.normalizePath};
const SIGN_SESSION_TOKEN = ${spec.signSessionToken};${spec.mode === 'query' ? `\nconst EXPIRES = ${spec.expiresIn};` : ''}`;
}

/** The canonical request's helpers: plain JavaScript, no crypto. */
export const JS_CANONICAL = `const utf8 = (text) => new TextEncoder().encode(text);

/** SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX, uppercase hex. Not encodeURIComponent: it keeps !'()*. */
function uriEncode(bytes, keepSlash = false) {
	let out = '';
	for (const b of bytes) {
		const c = String.fromCharCode(b);
		out += /[A-Za-z0-9\\-_.~]/.test(c) || (keepSlash && c === '/') ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

/** As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space. */
function percentDecode(text, plusIsSpace) {
	const bytes = utf8(text);
	const out = [];
	for (let i = 0; i < bytes.length; i++) {
		const hex = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0);
		if (bytes[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			out.push(parseInt(hex, 16));
			i += 2;
		} else out.push(plusIsSpace && bytes[i] === 0x2b ? 0x20 : bytes[i]);
	}
	return Uint8Array.from(out);
}

function canonicalPath(path) {
	path ||= '/';
	if (NORMALIZE_PATH) {
		const segments = [];
		for (const segment of path.split('/')) {
			if (segment === '..') segments.pop();
			else if (segment !== '' && segment !== '.') segments.push(segment);
		}
		path = '/' + segments.join('/') + (segments.length > 0 && path.endsWith('/') ? '/' : '');
	}
	// Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
	if (URI_ESCAPE_PATH) return uriEncode(utf8(path), true);
	// S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
	return path
		.split('/')
		.map((segment) => uriEncode(percentDecode(segment, false)))
		.join('/');
}

/** Byte order of ASCII text: never localeCompare. */
const byteOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function canonicalQuery(query, extra) {
	const pairs = [];
	for (const param of query.split('&')) {
		if (param === '') continue;
		const eq = param.indexOf('=');
		const [key, value] = eq < 0 ? [param, ''] : [param.slice(0, eq), param.slice(eq + 1)];
		pairs.push([uriEncode(percentDecode(key, true)), uriEncode(percentDecode(value, true))]);
	}
	for (const [key, value] of extra) pairs.push([key, uriEncode(utf8(value))]);
	pairs.sort((a, b) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]));
	return pairs.map(([key, value]) => \`\${key}=\${value}\`).join('&');
}

function canonicalHeaders(headers) {
	const merged = new Map();
	for (const [name, value] of headers) {
		// Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
		const v = value.replace(/[ \\t\\r\\n]+/g, ' ').replace(/^ | $/g, '');
		const lower = name.toLowerCase();
		merged.set(lower, [...(merged.get(lower) ?? []), v]);
	}
	const names = [...merged.keys()].sort(byteOrder);
	return [names.map((name) => \`\${name}:\${merged.get(name).join(',')}\\n\`).join(''), names.join(';')];
}`;

/** The two ways to finish: the Authorization header, or the presigned URL. `aw` is "await " for WebCrypto. */
export function jsSigning(spec: SignerSpec, aw: string): string {
	const payload =
		spec.payloadHash !== undefined
			? `const payloadHash = ${s(spec.payloadHash)}; // ${spec.payloadHashWhy}`
			: `const payloadHash = ${aw}sha256Hex(utf8(BODY));`;
	const sign = `const stringToSign = ['AWS4-HMAC-SHA256', AMZ_DATE, scope, ${aw}sha256Hex(utf8(canonicalRequest))].join('\\n');
	const signature = toHex(${aw}hmac(${aw}signingKey(secretAccessKey, date), stringToSign));`;
	if (spec.mode === 'header') {
		return `${payload}
	const headers = [...HEADERS, ['X-Amz-Date', AMZ_DATE]];${spec.contentSha256Header ? `\n\theaders.push(['X-Amz-Content-Sha256', payloadHash]);` : ''}
	if (sessionToken && SIGN_SESSION_TOKEN) headers.push(['X-Amz-Security-Token', sessionToken]);
	const [headerBlock, signedHeaders] = canonicalHeaders(headers);
	const canonicalRequest = [METHOD, canonicalPath(PATH), canonicalQuery(QUERY, []), headerBlock, signedHeaders, payloadHash].join('\\n');
	${sign}
	const authorization = \`AWS4-HMAC-SHA256 Credential=\${accessKeyId}/\${scope}, SignedHeaders=\${signedHeaders}, Signature=\${signature}\`;
	// Send HEADERS, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization.
	return { canonicalRequest, stringToSign, signature, authorization };`;
	}
	return `${payload}
	const [headerBlock, signedHeaders] = canonicalHeaders(HEADERS);
	const auth = [
		['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
		['X-Amz-Credential', \`\${accessKeyId}/\${scope}\`],
		['X-Amz-Date', AMZ_DATE],
		['X-Amz-SignedHeaders', signedHeaders],
		['X-Amz-Expires', String(EXPIRES)]
	];
	if (sessionToken) auth.push(['X-Amz-Security-Token', sessionToken]);
	const signedAuth = SIGN_SESSION_TOKEN || !sessionToken ? auth : auth.slice(0, -1);
	const canonicalRequest = [METHOD, canonicalPath(PATH), canonicalQuery(QUERY, signedAuth), headerBlock, signedHeaders, payloadHash].join('\\n');
	${sign}
	const params = auth.map(([key, value]) => \`\${key}=\${uriEncode(utf8(value))}\`).join('&');
	const query = QUERY === '' || QUERY.endsWith('&') ? QUERY : QUERY + '&';
	const url = \`\${ENDPOINT}\${PATH}?\${query}\${params}&X-Amz-Signature=\${signature}\`;
	return { canonicalRequest, stringToSign, signature, url };`;
}

/** Prints the stages under the titles every exported program uses. */
export function jsShow(spec: SignerSpec): string {
	const last = spec.mode === 'header' ? `['authorization', out.authorization]` : `['presigned url', out.url]`;
	return `function show(out) {
	const parts = [['canonical request', out.canonicalRequest], ['string to sign', out.stringToSign], ['signature', out.signature], ${last}];
	for (const [title, text] of parts) console.log(\`----- \${title} -----\\n\${text}\`);
}`;
}
