import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'apex');

/**
 * An Apex class with the Java export's methods, called in the same order (a test compares them).
 * Apex has no environment: the keys come from a protected custom setting, never from the code.
 */
export function apexSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `\t\tnew List<String>{ ${s(k)}, ${s(v)} }`).join(',\n');
	const payload =
		spec.payloadHash !== undefined
			? `String payloadHash = ${s(spec.payloadHash)}; // ${spec.payloadHashWhy}`
			: 'String payloadHash = sha256Hex(utf8(BODY));';
	const header = `List<List<String>> headers = HEADERS.clone();
		headers.add(new List<String>{ 'X-Amz-Date', AMZ_DATE });${spec.contentSha256Header ? `\n\t\theaders.add(new List<String>{ 'X-Amz-Content-Sha256', payloadHash });` : ''}
		if (String.isNotEmpty(sessionToken) && SIGN_SESSION_TOKEN) headers.add(new List<String>{ 'X-Amz-Security-Token', sessionToken });
		List<String> canonical = canonicalHeaders(headers);
		String canonicalRequest = String.join(new List<String>{ METHOD, canonicalPath(PATH), canonicalQuery(QUERY, new List<List<String>>()), canonical[0], canonical[1], payloadHash }, '\\n');
		String stringToSign = String.join(new List<String>{ 'AWS4-HMAC-SHA256', AMZ_DATE, scope, sha256Hex(utf8(canonicalRequest)) }, '\\n');
		String signature = hex(hmacSha256(signingKey(secretAccessKey, date), stringToSign));
		String authorization = 'AWS4-HMAC-SHA256 Credential=' + accessKeyId + '/' + scope + ', SignedHeaders=' + canonical[1] + ', Signature=' + signature;
		// Send HEADERS, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization with HttpRequest.setHeader.
		show(canonicalRequest, stringToSign, signature, 'authorization', authorization);`;
	const query = `List<String> canonical = canonicalHeaders(HEADERS);
		List<List<String>> auth = new List<List<String>>();
		auth.add(new List<String>{ 'X-Amz-Algorithm', 'AWS4-HMAC-SHA256' });
		auth.add(new List<String>{ 'X-Amz-Credential', accessKeyId + '/' + scope });
		auth.add(new List<String>{ 'X-Amz-Date', AMZ_DATE });
		auth.add(new List<String>{ 'X-Amz-SignedHeaders', canonical[1] });
		auth.add(new List<String>{ 'X-Amz-Expires', String.valueOf(EXPIRES) });
		if (String.isNotEmpty(sessionToken)) auth.add(new List<String>{ 'X-Amz-Security-Token', sessionToken });
		List<List<String>> signedAuth = auth.clone();
		if (!SIGN_SESSION_TOKEN && String.isNotEmpty(sessionToken)) signedAuth.remove(signedAuth.size() - 1);
		String canonicalRequest = String.join(new List<String>{ METHOD, canonicalPath(PATH), canonicalQuery(QUERY, signedAuth), canonical[0], canonical[1], payloadHash }, '\\n');
		String stringToSign = String.join(new List<String>{ 'AWS4-HMAC-SHA256', AMZ_DATE, scope, sha256Hex(utf8(canonicalRequest)) }, '\\n');
		String signature = hex(hmacSha256(signingKey(secretAccessKey, date), stringToSign));
		String url = ENDPOINT + PATH + '?' + QUERY;
		if (String.isNotEmpty(QUERY) && !QUERY.endsWith('&')) url += '&';
		for (List<String> param : auth) url += param[0] + '=' + uriEncode(utf8(param[1]), false) + '&';
		url += 'X-Amz-Signature=' + signature;
		show(canonicalRequest, stringToSign, signature, 'presigned url', url);`;

	return `// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) and logs the canonical request,
// the string to sign and the signature, to hold against your own signer's. Plain Apex.
// The keys are never in code: keep them in a protected custom setting (here AWS_Credentials__c with
// Access_Key_Id__c, Secret_Access_Key__c, Session_Token__c) or a Named Credential.
// Run (Execute Anonymous): SignRequest.main();
// Apex strings hold text only: a URL escape of bytes that are not UTF-8 (such as %FF) cannot be re-encoded as is.
public class SignRequest {
	static final String METHOD = ${s(spec.method)};
	static final String ENDPOINT = ${s(spec.endpoint)};
	static final String PATH = ${s(spec.path)}; // as sent on the wire, not decoded
	static final String QUERY = ${s(spec.query)}; // as sent after "?"
	// ${n.headers}
	static final List<List<String>> HEADERS = new List<List<String>>{
${headers}
	};
	static final String BODY = ${s(spec.body)};
	static final String REGION = ${s(spec.region)};
	static final String SERVICE = ${s(spec.service)};
	static final String AMZ_DATE = ${s(spec.datetime)}; // ${n.date}
	// ${n.path}
	static final Boolean URI_ESCAPE_PATH = ${spec.uriEscapePath};
	static final Boolean NORMALIZE_PATH = ${spec.normalizePath};
	static final Boolean SIGN_SESSION_TOKEN = ${spec.signSessionToken};${spec.mode === 'query' ? `\n\tstatic final Integer EXPIRES = ${spec.expiresIn};` : ''}

	static Blob utf8(String text) {
		return Blob.valueOf(text);
	}

	// SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX, uppercase hex. EncodingUtil.urlEncode
	// is form encoding: it writes a space as "+", keeps "*" and encodes "~", so those are put right.
	static String uriEncode(Blob bytes, Boolean keepSlash) {
		String out = EncodingUtil.urlEncode(bytes.toString(), 'UTF-8').replace('+', '%20').replace('*', '%2A').replace('%7E', '~');
		return keepSlash ? out.replace('%2F', '/') : out;
	}

	// As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space.
	static Blob percentDecode(String text, Boolean plusIsSpace) {
		String escaped = text.replaceAll('%(?![0-9A-Fa-f]{2})', '%25');
		return utf8(EncodingUtil.urlDecode(plusIsSpace ? escaped : escaped.replace('+', '%2B'), 'UTF-8'));
	}

	static String canonicalPath(String path) {
		if (String.isEmpty(path)) path = '/';
		if (NORMALIZE_PATH) {
			List<String> segments = new List<String>();
			for (String segment : path.split('/', -1)) {
				if (segment.equals('..')) {
					if (!segments.isEmpty()) segments.remove(segments.size() - 1);
				} else if (String.isNotEmpty(segment) && !segment.equals('.')) segments.add(segment);
			}
			path = '/' + String.join(segments, '/') + (!segments.isEmpty() && path.endsWith('/') ? '/' : '');
		}
		// Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
		if (URI_ESCAPE_PATH) return uriEncode(utf8(path), true);
		// S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
		List<String> encoded = new List<String>();
		for (String segment : path.split('/', -1)) encoded.add(uriEncode(percentDecode(segment, false), false));
		return String.join(encoded, '/');
	}

	static String canonicalQuery(String query, List<List<String>> extra) {
		List<String> pairs = new List<String>();
		for (String param : query.split('&', -1)) {
			if (String.isEmpty(param)) continue;
			Integer eq = param.indexOf('=');
			String key = eq < 0 ? param : param.substring(0, eq);
			String value = eq < 0 ? '' : param.substring(eq + 1);
			pairs.add(uriEncode(percentDecode(key, true), false) + '\\u0001' + uriEncode(percentDecode(value, true), false));
		}
		for (List<String> param : extra) pairs.add(param[0] + '\\u0001' + uriEncode(utf8(param[1]), false));
		// By key, then value, in byte order: "\\u0001" sorts below every character of an encoded key.
		// List.sort compares case-sensitively (== on Apex strings would not).
		pairs.sort();
		return String.join(pairs, '&').replace('\\u0001', '=');
	}

	// The header lines (each ending in a newline) and the signed header names.
	static List<String> canonicalHeaders(List<List<String>> headers) {
		Map<String, List<String>> merged = new Map<String, List<String>>();
		for (List<String> header : headers) {
			// Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
			String value = header[1].replaceAll('[ \\\\t\\\\r\\\\n]+', ' ').replaceAll('^ | $', '');
			String name = header[0].toLowerCase();
			if (!merged.containsKey(name)) merged.put(name, new List<String>());
			merged.get(name).add(value);
		}
		List<String> names = new List<String>(merged.keySet());
		names.sort();
		String block = '';
		for (String name : names) block += name + ':' + String.join(merged.get(name), ',') + '\\n';
		return new List<String>{ block, String.join(names, ';') };
	}

	static String hex(Blob bytes) {
		return EncodingUtil.convertToHex(bytes); // lowercase hex, never base64
	}

	static String sha256Hex(Blob data) {
		return hex(Crypto.generateDigest('SHA-256', data));
	}

	static Blob hmacSha256(Blob key, String text) {
		return Crypto.generateMac('hmacSHA256', utf8(text), key);
	}

	// Each HMAC's raw 32 bytes key the next one: never their hex text.
	static Blob signingKey(String secretAccessKey, String date) {
		Blob key = utf8('AWS4' + secretAccessKey);
		for (String part : new List<String>{ date, REGION, SERVICE, 'aws4_request' }) key = hmacSha256(key, part);
		return key;
	}

	static void show(String canonicalRequest, String stringToSign, String signature, String label, String value) {
		List<List<String>> parts = new List<List<String>>{
			new List<String>{ 'canonical request', canonicalRequest },
			new List<String>{ 'string to sign', stringToSign },
			new List<String>{ 'signature', signature },
			new List<String>{ label, value }
		};
		for (List<String> part : parts) System.debug(LoggingLevel.INFO, '----- ' + part[0] + ' -----\\n' + part[1]);
	}

	public static void sign(String accessKeyId, String secretAccessKey, String sessionToken) {
		String date = AMZ_DATE.substring(0, 8);
		String scope = date + '/' + REGION + '/' + SERVICE + '/aws4_request';
		${payload}
		${spec.mode === 'header' ? header : query}
	}

	public static void main() {
		AWS_Credentials__c keys = AWS_Credentials__c.getOrgDefaults();
		sign(keys.Access_Key_Id__c, keys.Secret_Access_Key__c, keys.Session_Token__c == null ? '' : keys.Session_Token__c);
	}
}
`;
}
