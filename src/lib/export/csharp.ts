import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'csharp');

/** A C# program for .NET or Mono, base class library only. */
export function csharpSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `\t\tnew[] { ${s(k)}, ${s(v)} },`).join('\n');
	const payload =
		spec.payloadHash !== undefined
			? `string payloadHash = ${s(spec.payloadHash)}; // ${spec.payloadHashWhy}`
			: 'string payloadHash = Sha256Hex(Utf8(Body));';
	const header = `var headers = new List<string[]>(Headers) { new[] { "X-Amz-Date", AmzDate } };${spec.contentSha256Header ? '\n\t\theaders.Add(new[] { "X-Amz-Content-Sha256", payloadHash });' : ''}
		if (sessionToken != "" && SignSessionToken) headers.Add(new[] { "X-Amz-Security-Token", sessionToken });
		string[] canonical = CanonicalHeaders(headers);
		string canonicalRequest = string.Join("\\n", Method, CanonicalPath(RequestPath), CanonicalQuery(Query, new List<string[]>()), canonical[0], canonical[1], payloadHash);
		string stringToSign = string.Join("\\n", "AWS4-HMAC-SHA256", AmzDate, scope, Sha256Hex(Utf8(canonicalRequest)));
		string signature = Hex(HmacSha256(SigningKey(secretAccessKey, date), stringToSign));
		string authorization = "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + canonical[1] + ", Signature=" + signature;
		// Send Headers, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization.
		Show(canonicalRequest, stringToSign, signature, "authorization", authorization);`;
	const query = `string[] canonical = CanonicalHeaders(new List<string[]>(Headers));
		var auth = new List<string[]>
		{
			new[] { "X-Amz-Algorithm", "AWS4-HMAC-SHA256" },
			new[] { "X-Amz-Credential", accessKeyId + "/" + scope },
			new[] { "X-Amz-Date", AmzDate },
			new[] { "X-Amz-SignedHeaders", canonical[1] },
			new[] { "X-Amz-Expires", Expires.ToString(CultureInfo.InvariantCulture) },
		};
		if (sessionToken != "") auth.Add(new[] { "X-Amz-Security-Token", sessionToken });
		var signedAuth = SignSessionToken || sessionToken == "" ? auth : auth.GetRange(0, auth.Count - 1);
		string canonicalRequest = string.Join("\\n", Method, CanonicalPath(RequestPath), CanonicalQuery(Query, signedAuth), canonical[0], canonical[1], payloadHash);
		string stringToSign = string.Join("\\n", "AWS4-HMAC-SHA256", AmzDate, scope, Sha256Hex(Utf8(canonicalRequest)));
		string signature = Hex(HmacSha256(SigningKey(secretAccessKey, date), stringToSign));
		var url = new StringBuilder(Endpoint + RequestPath + "?" + Query);
		if (Query != "" && !Query.EndsWith("&", StringComparison.Ordinal)) url.Append('&');
		foreach (var param in auth) url.Append(param[0]).Append('=').Append(UriEncode(Utf8(param[1]), false)).Append('&');
		url.Append("X-Amz-Signature=").Append(signature);
		Show(canonicalRequest, stringToSign, signature, "presigned url", url.ToString());`;

	return `// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
// the string to sign and the signature, to hold against your own signer's. Base class library only.
// The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
// Run: mcs SignRequest.cs && mono SignRequest.exe (Mono), or as Program.cs of a console project: dotnet run
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

public static class SignRequest
{
	const string Method = ${s(spec.method)};
	const string Endpoint = ${s(spec.endpoint)};
	const string RequestPath = ${s(spec.path)}; // as sent on the wire, not decoded
	const string Query = ${s(spec.query)}; // as sent after "?"
	// ${n.headers}
	static readonly string[][] Headers =
	{
${headers}
	};
	const string Body = ${s(spec.body)};
	const string Region = ${s(spec.region)};
	const string Service = ${s(spec.service)};
	const string AmzDate = ${s(spec.datetime)}; // ${n.date}
	// ${n.path}
	static readonly bool UriEscapePath = ${spec.uriEscapePath};
	static readonly bool NormalizePath = ${spec.normalizePath};
	static readonly bool SignSessionToken = ${spec.signSessionToken};${spec.mode === 'query' ? `\n\tconst int Expires = ${spec.expiresIn};` : ''}

	static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

	// SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX, uppercase hex.
	// Not HttpUtility.UrlEncode: it writes a space as "+" and lowercase hex.
	static string UriEncode(byte[] bytes, bool keepSlash)
	{
		var encoded = new StringBuilder();
		foreach (byte b in bytes)
		{
			char c = (char)b;
			bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".IndexOf(c) >= 0;
			if (unreserved || (keepSlash && c == '/')) encoded.Append(c);
			else encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
		}
		return encoded.ToString();
	}

	// As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space.
	static byte[] PercentDecode(string text, bool plusIsSpace)
	{
		byte[] bytes = Utf8(text);
		var decoded = new List<byte>();
		for (int i = 0; i < bytes.Length; i++)
		{
			if (bytes[i] == '%' && i + 2 < bytes.Length && Uri.IsHexDigit((char)bytes[i + 1]) && Uri.IsHexDigit((char)bytes[i + 2]))
			{
				decoded.Add(Convert.ToByte(Encoding.ASCII.GetString(bytes, i + 1, 2), 16));
				i += 2;
			}
			else decoded.Add(plusIsSpace && bytes[i] == '+' ? (byte)' ' : bytes[i]);
		}
		return decoded.ToArray();
	}

	static string CanonicalPath(string path)
	{
		if (path == "") path = "/";
		if (NormalizePath)
		{
			var segments = new List<string>();
			foreach (string segment in path.Split('/'))
			{
				if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
				else if (segment != "" && segment != ".") segments.Add(segment);
			}
			path = "/" + string.Join("/", segments) + (segments.Count > 0 && path.EndsWith("/", StringComparison.Ordinal) ? "/" : "");
		}
		// Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
		if (UriEscapePath) return UriEncode(Utf8(path), true);
		// S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
		var encoded = new List<string>();
		foreach (string segment in path.Split('/')) encoded.Add(UriEncode(PercentDecode(segment, false), false));
		return string.Join("/", encoded);
	}

	static string CanonicalQuery(string query, List<string[]> extra)
	{
		var pairs = new List<string[]>();
		foreach (string param in query.Split('&'))
		{
			if (param == "") continue;
			int eq = param.IndexOf('=');
			string key = eq < 0 ? param : param.Substring(0, eq);
			string value = eq < 0 ? "" : param.Substring(eq + 1);
			pairs.Add(new[] { UriEncode(PercentDecode(key, true), false), UriEncode(PercentDecode(value, true), false) });
		}
		foreach (string[] param in extra) pairs.Add(new[] { param[0], UriEncode(Utf8(param[1]), false) });
		// By key, then value, in byte order: CompareOrdinal, never the culture-aware string.Compare or OrderBy.
		pairs.Sort((a, b) => string.CompareOrdinal(a[0], b[0]) != 0 ? string.CompareOrdinal(a[0], b[0]) : string.CompareOrdinal(a[1], b[1]));
		var parts = new List<string>();
		foreach (string[] pair in pairs) parts.Add(pair[0] + "=" + pair[1]);
		return string.Join("&", parts);
	}

	// The header lines (each ending in a newline) and the signed header names.
	static string[] CanonicalHeaders(List<string[]> headers)
	{
		var merged = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
		foreach (string[] header in headers)
		{
			// ToLowerInvariant: ToLower() under a Turkish culture turns "I" into a dotless "ı".
			string name = header[0].ToLowerInvariant();
			if (!merged.ContainsKey(name)) merged[name] = new List<string>();
			// Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
			merged[name].Add(Regex.Replace(header[1], "[ \\t\\r\\n]+", " ").Trim(' '));
		}
		var block = new StringBuilder();
		foreach (var entry in merged) block.Append(entry.Key).Append(':').Append(string.Join(",", entry.Value)).Append('\\n');
		return new[] { block.ToString(), string.Join(";", merged.Keys) };
	}

	// Lowercase hex, never base64 (and BitConverter.ToString would give "AB-CD").
	static string Hex(byte[] bytes)
	{
		var hex = new StringBuilder();
		foreach (byte b in bytes) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
		return hex.ToString();
	}

	static string Sha256Hex(byte[] data)
	{
		using (var sha = SHA256.Create()) return Hex(sha.ComputeHash(data));
	}

	static byte[] HmacSha256(byte[] key, string text)
	{
		using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(Utf8(text));
	}

	// Each HMAC's raw 32 bytes key the next one: never their hex text.
	static byte[] SigningKey(string secretAccessKey, string date)
	{
		byte[] key = Utf8("AWS4" + secretAccessKey);
		foreach (string part in new[] { date, Region, Service, "aws4_request" }) key = HmacSha256(key, part);
		return key;
	}

	static void Show(string canonicalRequest, string stringToSign, string signature, string label, string value)
	{
		// UTF-8 whatever the console's code page.
		var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
		string[][] parts = { new[] { "canonical request", canonicalRequest }, new[] { "string to sign", stringToSign }, new[] { "signature", signature }, new[] { label, value } };
		foreach (string[] part in parts) stdout.Write("----- " + part[0] + " -----\\n" + part[1] + "\\n");
		stdout.Flush();
	}

	static void Main()
	{
		string accessKeyId = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
		string secretAccessKey = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
		string sessionToken = Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") ?? "";
		string date = AmzDate.Substring(0, 8);
		string scope = date + "/" + Region + "/" + Service + "/aws4_request";
		${payload}
		${spec.mode === 'header' ? header : query}
	}
}
`;
}
