import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'java');

/** A Java 11+ program, JDK only; the Apex export has the same methods, called in the same order. */
export function javaSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `\t\t{ ${s(k)}, ${s(v)} },`).join('\n');
	const payload =
		spec.payloadHash !== undefined
			? `String payloadHash = ${s(spec.payloadHash)}; // ${spec.payloadHashWhy}`
			: 'String payloadHash = sha256Hex(utf8(BODY));';
	const header = `List<String[]> headers = new ArrayList<>(Arrays.asList(HEADERS));
		headers.add(new String[] { "X-Amz-Date", AMZ_DATE });${spec.contentSha256Header ? '\n\t\theaders.add(new String[] { "X-Amz-Content-Sha256", payloadHash });' : ''}
		if (!sessionToken.isEmpty() && SIGN_SESSION_TOKEN) headers.add(new String[] { "X-Amz-Security-Token", sessionToken });
		String[] canonical = canonicalHeaders(headers);
		String canonicalRequest = String.join("\\n", METHOD, canonicalPath(PATH), canonicalQuery(QUERY, new ArrayList<>()), canonical[0], canonical[1], payloadHash);
		String stringToSign = String.join("\\n", "AWS4-HMAC-SHA256", AMZ_DATE, scope, sha256Hex(utf8(canonicalRequest)));
		String signature = hex(hmacSha256(signingKey(secretAccessKey, date), stringToSign));
		String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + canonical[1] + ", Signature=" + signature;
		// Send HEADERS, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization.
		show(canonicalRequest, stringToSign, signature, "authorization", authorization);`;
	const query = `String[] canonical = canonicalHeaders(Arrays.asList(HEADERS));
		List<String[]> auth = new ArrayList<>();
		auth.add(new String[] { "X-Amz-Algorithm", "AWS4-HMAC-SHA256" });
		auth.add(new String[] { "X-Amz-Credential", accessKeyId + "/" + scope });
		auth.add(new String[] { "X-Amz-Date", AMZ_DATE });
		auth.add(new String[] { "X-Amz-SignedHeaders", canonical[1] });
		auth.add(new String[] { "X-Amz-Expires", String.valueOf(EXPIRES) });
		if (!sessionToken.isEmpty()) auth.add(new String[] { "X-Amz-Security-Token", sessionToken });
		List<String[]> signedAuth = SIGN_SESSION_TOKEN || sessionToken.isEmpty() ? auth : auth.subList(0, auth.size() - 1);
		String canonicalRequest = String.join("\\n", METHOD, canonicalPath(PATH), canonicalQuery(QUERY, signedAuth), canonical[0], canonical[1], payloadHash);
		String stringToSign = String.join("\\n", "AWS4-HMAC-SHA256", AMZ_DATE, scope, sha256Hex(utf8(canonicalRequest)));
		String signature = hex(hmacSha256(signingKey(secretAccessKey, date), stringToSign));
		StringBuilder url = new StringBuilder(ENDPOINT + PATH + "?" + QUERY);
		if (!QUERY.isEmpty() && !QUERY.endsWith("&")) url.append('&');
		for (String[] param : auth) url.append(param[0]).append('=').append(uriEncode(utf8(param[1]), false)).append('&');
		url.append("X-Amz-Signature=").append(signature);
		show(canonicalRequest, stringToSign, signature, "presigned url", url.toString());`;

	return `// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
// the string to sign and the signature, to hold against your own signer's. JDK only (Java 11+).
// The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
// Run: java SignRequest.java
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.*;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class SignRequest {
	static final String METHOD = ${s(spec.method)};
	static final String ENDPOINT = ${s(spec.endpoint)};
	static final String PATH = ${s(spec.path)}; // as sent on the wire, not decoded
	static final String QUERY = ${s(spec.query)}; // as sent after "?"
	// ${n.headers}
	static final String[][] HEADERS = {
${headers}
	};
	static final String BODY = ${s(spec.body)};
	static final String REGION = ${s(spec.region)};
	static final String SERVICE = ${s(spec.service)};
	static final String AMZ_DATE = ${s(spec.datetime)}; // ${n.date}
	// ${n.path}
	static final boolean URI_ESCAPE_PATH = ${spec.uriEscapePath};
	static final boolean NORMALIZE_PATH = ${spec.normalizePath};
	static final boolean SIGN_SESSION_TOKEN = ${spec.signSessionToken};${spec.mode === 'query' ? `\n\tstatic final int EXPIRES = ${spec.expiresIn};` : ''}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX, uppercase hex. Not URLEncoder: it writes a space as "+". */
	static String uriEncode(byte[] bytes, boolean keepSlash) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) {
			char c = (char) (b & 0xff);
			boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0;
			if (unreserved || (keepSlash && c == '/')) out.append(c);
			else out.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
		}
		return out.toString();
	}

	/** As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space. */
	static byte[] percentDecode(String text, boolean plusIsSpace) {
		byte[] bytes = utf8(text);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < bytes.length; i++) {
			int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
			int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
			if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
				out.write(hi * 16 + lo);
				i += 2;
			} else out.write(plusIsSpace && bytes[i] == '+' ? ' ' : bytes[i]);
		}
		return out.toByteArray();
	}

	static String canonicalPath(String path) {
		if (path.isEmpty()) path = "/";
		if (NORMALIZE_PATH) {
			List<String> segments = new ArrayList<>();
			for (String segment : path.split("/", -1)) {
				if (segment.equals("..")) {
					if (!segments.isEmpty()) segments.remove(segments.size() - 1);
				} else if (!segment.isEmpty() && !segment.equals(".")) segments.add(segment);
			}
			path = "/" + String.join("/", segments) + (!segments.isEmpty() && path.endsWith("/") ? "/" : "");
		}
		// Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
		if (URI_ESCAPE_PATH) return uriEncode(utf8(path), true);
		// S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
		List<String> encoded = new ArrayList<>();
		for (String segment : path.split("/", -1)) encoded.add(uriEncode(percentDecode(segment, false), false));
		return String.join("/", encoded);
	}

	static String canonicalQuery(String query, List<String[]> extra) {
		List<String[]> pairs = new ArrayList<>();
		for (String param : query.split("&", -1)) {
			if (param.isEmpty()) continue;
			int eq = param.indexOf('=');
			String key = eq < 0 ? param : param.substring(0, eq);
			String value = eq < 0 ? "" : param.substring(eq + 1);
			pairs.add(new String[] { uriEncode(percentDecode(key, true), false), uriEncode(percentDecode(value, true), false) });
		}
		for (String[] param : extra) pairs.add(new String[] { param[0], uriEncode(utf8(param[1]), false) });
		// By key, then value, in byte order (String.compareTo on ASCII): never a locale's Collator.
		pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
		StringJoiner out = new StringJoiner("&");
		for (String[] pair : pairs) out.add(pair[0] + "=" + pair[1]);
		return out.toString();
	}

	/** The header lines (each ending in a newline) and the signed header names. */
	static String[] canonicalHeaders(List<String[]> headers) {
		TreeMap<String, List<String>> merged = new TreeMap<>(); // sorted by name, byte order
		for (String[] header : headers) {
			// Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
			String value = header[1].replaceAll("[ \\\\t\\\\r\\\\n]+", " ").replaceAll("^ | $", "");
			merged.computeIfAbsent(header[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
		}
		StringBuilder block = new StringBuilder();
		for (Map.Entry<String, List<String>> e : merged.entrySet()) block.append(e.getKey()).append(':').append(String.join(",", e.getValue())).append('\\n');
		return new String[] { block.toString(), String.join(";", merged.keySet()) };
	}

	static String hex(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) out.append(String.format(Locale.ROOT, "%02x", b & 0xff)); // lowercase hex, never base64
		return out.toString();
	}

	static String sha256Hex(byte[] data) throws Exception {
		return hex(MessageDigest.getInstance("SHA-256").digest(data));
	}

	static byte[] hmacSha256(byte[] key, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(utf8(text));
	}

	/** Each HMAC's raw 32 bytes key the next one: never their hex text. */
	static byte[] signingKey(String secretAccessKey, String date) throws Exception {
		byte[] key = utf8("AWS4" + secretAccessKey);
		for (String part : new String[] { date, REGION, SERVICE, "aws4_request" }) key = hmacSha256(key, part);
		return key;
	}

	static void show(String canonicalRequest, String stringToSign, String signature, String label, String value) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		String[][] parts = { { "canonical request", canonicalRequest }, { "string to sign", stringToSign }, { "signature", signature }, { label, value } };
		for (String[] part : parts) out.print("----- " + part[0] + " -----\\n" + part[1] + "\\n");
		out.flush();
	}

	static void sign(String accessKeyId, String secretAccessKey, String sessionToken) throws Exception {
		String date = AMZ_DATE.substring(0, 8);
		String scope = date + "/" + REGION + "/" + SERVICE + "/aws4_request";
		${payload}
		${spec.mode === 'header' ? header : query}
	}

	public static void main(String[] args) throws Exception {
		String sessionToken = System.getenv("AWS_SESSION_TOKEN");
		sign(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"), sessionToken == null ? "" : sessionToken);
	}
}
`;
}
