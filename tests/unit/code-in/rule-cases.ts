import type { FindingCode } from '../../../src/lib/findings/index.ts';
import type { SourceLanguage } from '../../../src/lib/code-in/index.ts';

/** One mistake in a few lines of one language, the line it is named at, and the corrected lines that must not name it. */
export interface RuleCase {
	code: FindingCode;
	name: string;
	language: SourceLanguage;
	wrong: string;
	line: number;
	right: string;
}

export const RULE_CASES: RuleCase[] = [
	{
		code: 'timestamp-12-hour-clock',
		name: "Java 'hh'",
		language: 'java',
		wrong: "SimpleDateFormat f = new SimpleDateFormat(\"yyyyMMdd'T'hhmmss'Z'\");",
		line: 1,
		right: "SimpleDateFormat f = new SimpleDateFormat(\"yyyyMMdd'T'HHmmss'Z'\");"
	},
	{
		code: 'timestamp-12-hour-clock',
		name: 'Python %I',
		language: 'python',
		wrong: "import datetime\namz_date = t.strftime('%Y%m%dT%I%M%SZ')",
		line: 2,
		right: "import datetime\namz_date = t.strftime('%Y%m%dT%H%M%SZ')"
	},
	{
		code: 'timestamp-12-hour-clock',
		name: 'PHP h in date()',
		language: 'php',
		wrong: "<?php\n$amzDate = gmdate('Ymd\\This\\Z');",
		line: 2,
		right: "<?php\n$amzDate = gmdate('Ymd\\THis\\Z');"
	},
	{
		code: 'timestamp-12-hour-clock',
		name: 'Go 03 in the layout',
		language: 'go',
		wrong: 'amzDate := t.Format("20060102T030405Z")',
		line: 1,
		right: 'amzDate := t.Format("20060102T150405Z")'
	},
	{
		code: 'timestamp-malformed',
		name: "C# 'mm' as the month",
		language: 'csharp',
		wrong: 'var dateStamp = DateTime.UtcNow.ToString("yyyymmdd");',
		line: 1,
		right: 'var dateStamp = DateTime.UtcNow.ToString("yyyyMMdd");'
	},
	{
		code: 'signing-key-missing-aws4-prefix',
		name: 'Python key chain keyed with the bare secret',
		language: 'python',
		wrong: "import hmac, hashlib\nk_date = hmac.new(secret_key.encode('utf-8'), date_stamp.encode('utf-8'), hashlib.sha256).digest()",
		line: 2,
		right:
			"import hmac, hashlib\nk_date = hmac.new(('AWS4' + secret_key).encode('utf-8'), date_stamp.encode('utf-8'), hashlib.sha256).digest()"
	},
	{
		code: 'hmac-key-data-swapped',
		name: 'Node helper sign(key, msg) called (date, key)',
		language: 'javascript',
		wrong:
			"const crypto = require('crypto');\nfunction sign(key, msg) { return crypto.createHmac('sha256', key).update(msg).digest(); }\nconst kDate = sign(dateStamp, 'AWS4' + secret);",
		line: 3,
		right:
			"const crypto = require('crypto');\nfunction sign(key, msg) { return crypto.createHmac('sha256', key).update(msg).digest(); }\nconst kDate = sign('AWS4' + secret, dateStamp);"
	},
	{
		code: 'hex-intermediate-keys',
		name: 'Python hexdigest() keys',
		language: 'python',
		wrong:
			"import hmac, hashlib\ndef sign(key, msg):\n    return hmac.new(key, msg.encode('utf-8'), hashlib.sha256).hexdigest()\nk_date = sign(('AWS4' + key).encode('utf-8'), date_stamp)\nk_region = sign(k_date, region)",
		line: 5,
		right:
			"import hmac, hashlib\ndef sign(key, msg):\n    return hmac.new(key, msg.encode('utf-8'), hashlib.sha256).digest()\nk_date = sign(('AWS4' + key).encode('utf-8'), date_stamp)\nk_region = sign(k_date, region)"
	},
	{
		code: 'hex-intermediate-keys',
		name: 'Apex convertToHex between keys',
		language: 'apex',
		wrong:
			"Blob kDate = Crypto.generateMac('hmacSHA256', Blob.valueOf(dateStamp), Blob.valueOf('AWS4' + secret));\nBlob kRegion = Crypto.generateMac('hmacSHA256', Blob.valueOf(region), Blob.valueOf(EncodingUtil.convertToHex(kDate)));",
		line: 2,
		right:
			"Blob kDate = Crypto.generateMac('hmacSHA256', Blob.valueOf(dateStamp), Blob.valueOf('AWS4' + secret));\nBlob kRegion = Crypto.generateMac('hmacSHA256', Blob.valueOf(region), kDate);"
	},
	{
		code: 'post-policy-json-signed',
		name: 'Ruby signs the policy JSON',
		language: 'ruby',
		wrong:
			"require 'openssl'\npolicy = { expiration: exp, conditions: conds }.to_json\nsignature = OpenSSL::HMAC.hexdigest('sha256', signing_key, policy)",
		line: 3,
		right:
			"require 'openssl'\npolicy = Base64.strict_encode64({ expiration: exp, conditions: conds }.to_json)\nsignature = OpenSSL::HMAC.hexdigest('sha256', signing_key, policy)"
	},
	{
		code: 'signature-base64',
		name: 'C# Convert.ToBase64String of the HMAC',
		language: 'csharp',
		wrong:
			'var hmac = new HMACSHA256(signingKey);\nvar signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));',
		line: 2,
		right:
			'var hmac = new HMACSHA256(signingKey);\nvar signature = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();'
	},
	{
		code: 'hash-base64-not-hex',
		name: 'Node digest("base64") of the canonical request',
		language: 'javascript',
		wrong:
			"const crypto = require('crypto');\nconst hashedCanonicalRequest = crypto.createHash('sha256').update(canonicalRequest).digest('base64');",
		line: 2,
		right:
			"const crypto = require('crypto');\nconst hashedCanonicalRequest = crypto.createHash('sha256').update(canonicalRequest).digest('hex');"
	},
	{
		code: 'payload-hash-base64',
		name: 'Python b64encode of the body hash',
		language: 'python',
		wrong: 'import base64, hashlib\npayload_hash = base64.b64encode(hashlib.sha256(body).digest())',
		line: 2,
		right: 'import base64, hashlib\npayload_hash = hashlib.sha256(body).hexdigest()'
	},
	{
		code: 'hex-uppercase',
		name: 'JS toUpperCase on the hex signature',
		language: 'javascript',
		wrong:
			"const crypto = require('crypto');\nconst signature = crypto.createHmac('sha256', kSigning).update(stringToSign).digest('hex').toUpperCase();",
		line: 2,
		right: "const crypto = require('crypto');\nconst signature = crypto.createHmac('sha256', kSigning).update(stringToSign).digest('hex');"
	},
	{
		code: 'hex-uppercase',
		name: "C# 'X2'",
		language: 'csharp',
		wrong: 'foreach (var b in hash) sb.Append(b.ToString("X2"));',
		line: 1,
		right: 'foreach (var b in hash) sb.Append(b.ToString("x2"));'
	},
	{
		code: 'hex-uppercase',
		name: 'C# BitConverter.ToString',
		language: 'csharp',
		wrong: 'var hex = BitConverter.ToString(hash).Replace("-", "");',
		line: 1,
		right: 'var hex = BitConverter.ToString(hash).Replace("-", "").ToLowerInvariant();'
	},
	{
		code: 'payload-hash-uppercase',
		name: 'PHP strtoupper of the payload hash',
		language: 'php',
		wrong: "<?php\n$payloadHash = strtoupper(hash('sha256', $body));",
		line: 2,
		right: "<?php\n$payloadHash = hash('sha256', $body);"
	},
	{
		code: 'query-plus-for-space',
		name: 'Java URLEncoder without repair',
		language: 'java',
		wrong: 'String v = URLEncoder.encode(value, "UTF-8");',
		line: 1,
		right: 'String v = URLEncoder.encode(value, "UTF-8").replace("+", "%20").replace("*", "%2A").replace("%7E", "~");'
	},
	{
		code: 'query-plus-for-space',
		name: 'C# HttpUtility.UrlEncode',
		language: 'csharp',
		wrong: 'var v = HttpUtility.UrlEncode(value);',
		line: 1,
		right: 'var v = Uri.EscapeDataString(value);'
	},
	{
		code: 'query-plus-for-space',
		name: 'Python quote_plus',
		language: 'python',
		wrong: 'from urllib.parse import quote_plus\nq = quote_plus(value)',
		line: 2,
		right: "from urllib.parse import quote\nq = quote(value, safe='-_.~')"
	},
	{
		code: 'query-plus-for-space',
		name: 'PHP urlencode',
		language: 'php',
		wrong: '<?php\n$q = urlencode($value);',
		line: 2,
		right: '<?php\n$q = rawurlencode($value);'
	},
	{
		code: 'query-plus-for-space',
		name: 'Ruby CGI.escape',
		language: 'ruby',
		wrong: "require 'cgi'\nq = CGI.escape(value)",
		line: 2,
		right: "require 'cgi'\nq = CGI.escape(value).gsub('+', '%20')"
	},
	{
		code: 'query-plus-for-space',
		name: 'Go url.QueryEscape',
		language: 'go',
		wrong: 'v := url.QueryEscape(value)',
		line: 1,
		right: 'v := strings.ReplaceAll(url.QueryEscape(value), "+", "%20")'
	},
	{
		code: 'unreserved-encoded',
		name: "Apex urlEncode repaired for '+' only",
		language: 'apex',
		wrong: "String v = EncodingUtil.urlEncode(value, 'UTF-8').replace('+', '%20');",
		line: 1,
		right: "String v = EncodingUtil.urlEncode(value, 'UTF-8').replace('+', '%20').replace('*', '%2A').replace('%7E', '~');"
	},
	{
		code: 'path-not-encoded',
		name: "encodeURIComponent leaves !'()* raw",
		language: 'javascript',
		wrong: 'const q = encodeURIComponent(value);',
		line: 1,
		right: "const q = encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());"
	},
	{
		code: 'percent-hex-lowercase',
		name: "Python '%%%02x'",
		language: 'python',
		wrong: "def enc(b):\n    return ''.join('%%%02x' % c for c in b)",
		line: 2,
		right: "def enc(b):\n    return ''.join('%%%02X' % c for c in b)"
	},
	{
		code: 'percent-hex-lowercase',
		name: 'C# HttpUtility.UrlEncode',
		language: 'csharp',
		wrong: 'var v = HttpUtility.UrlEncode(value).Replace("+", "%20");',
		line: 1,
		right: 'var v = Uri.EscapeDataString(value);'
	},
	{
		code: 'slash-encoded-in-s3-key',
		name: 'encodeURIComponent on an S3 key',
		language: 'javascript',
		wrong: "const host = 'bucket.s3.amazonaws.com';\nconst path = '/' + encodeURIComponent(key);",
		line: 2,
		right: "const host = 'bucket.s3.amazonaws.com';\nconst path = '/' + key.split('/').map(encodeURIComponent).join('/');"
	},
	{
		code: 'header-name-not-lowercase',
		name: 'canonical header literal with capitals',
		language: 'python',
		wrong: "canonical_headers = 'Host:' + host + '\\n' + 'x-amz-date:' + amz_date + '\\n'",
		line: 1,
		right: "canonical_headers = 'host:' + host + '\\n' + 'x-amz-date:' + amz_date + '\\n'"
	},
	{
		code: 'header-name-not-lowercase',
		name: 'signed headers with capitals',
		language: 'java',
		wrong: 'String signedHeaders = "Host;X-Amz-Date";',
		line: 1,
		right: 'String signedHeaders = "host;x-amz-date";'
	},
	{
		code: 'header-value-not-trimmed',
		name: 'header values written as given',
		language: 'javascript',
		wrong:
			"const keys = Object.keys(headers).sort();\nfor (const k of keys) {\n  canonical += k.toLowerCase() + ':' + headers[k] + '\\n';\n}",
		line: 3,
		right:
			"const keys = Object.keys(headers).sort();\nfor (const k of keys) {\n  canonical += k.toLowerCase() + ':' + headers[k].trim() + '\\n';\n}"
	},
	{
		code: 'headers-not-sorted',
		name: 'JS localeCompare',
		language: 'javascript',
		wrong: 'const names = Object.keys(headers).sort((a, b) => a.localeCompare(b));',
		line: 1,
		right: 'const names = Object.keys(headers).sort();'
	},
	{
		code: 'headers-not-sorted',
		name: 'C# SortedDictionary without an ordinal comparer',
		language: 'csharp',
		wrong: 'var headers = new SortedDictionary<string, string>();',
		line: 1,
		right: 'var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);'
	},
	{
		code: 'query-not-sorted',
		name: 'C# OrderBy on query keys',
		language: 'csharp',
		wrong: 'var query = parameters.OrderBy(p => p.Key);',
		line: 1,
		right: 'var query = parameters.OrderBy(p => p.Key, StringComparer.Ordinal);'
	},
	{
		code: 'query-not-sorted',
		name: "Java canonical query taken from the URL's getQuery()",
		language: 'java',
		wrong:
			'String canonicalQueryString = request.getUrl().getQuery();\nString canonicalRequest = method + "\\n" + path + "\\n" + canonicalQueryString;',
		line: 1,
		right:
			'List<String> pairs = Arrays.asList(request.getUrl().getQuery().split("&"));\nCollections.sort(pairs);\nString canonicalQueryString = String.join("&", pairs);'
	},
	{
		code: 'headers-not-sorted',
		name: 'JS names sorted before they are lowercased',
		language: 'javascript',
		wrong:
			"const keys = Object.keys(headers);\nkeys.sort();\nfor (let i = 0; i < keys.length; i++) {\n  canonical += keys[i].toLowerCase() + ':' + headers[keys[i]] + '\\n';\n}",
		line: 2,
		right:
			"const keys = [];\nfor (const name in headers) keys.push(name.toLowerCase());\nkeys.sort();\nfor (let i = 0; i < keys.length; i++) {\n  canonical += keys[i].toLowerCase() + ':' + lower[keys[i]] + '\\n';\n}"
	},
	{
		code: 'clock-skew',
		name: 'PHP date() with a literal Z: local time labelled UTC',
		language: 'php',
		wrong: "<?php\n$amzdate = date('Ymd\\THis\\Z');",
		line: 2,
		right: "<?php\n$amzdate = gmdate('Ymd\\THis\\Z');"
	},
	{
		code: 'hex-intermediate-keys',
		name: 'Apps Script HMAC keyed with kDate written out as hex',
		language: 'javascript',
		wrong:
			'var key = "969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d";\nvar kRegion = Utilities.computeHmacSha256Signature("us-east-1", key);',
		line: 2,
		right:
			'var kDate = Utilities.computeHmacSha256Signature("20120215", "AWS4" + secret);\nvar kRegion = Utilities.computeHmacSha256Signature(Utilities.newBlob("us-east-1").getBytes(), kDate);'
	},
	{
		code: 'host-port-mismatch',
		name: 'default port signed in the host',
		language: 'javascript',
		wrong: "const host = 'sqs.us-east-1.amazonaws.com:443';",
		line: 1,
		right: "const host = 'sqs.us-east-1.amazonaws.com';"
	},
	{
		code: 'sigv2-fields-in-sigv4',
		name: 'PHP form with AWSAccessKeyId beside x-amz-credential',
		language: 'php',
		wrong: "<?php\n$fields = ['x-amz-credential' => $credential, 'AWSAccessKeyId' => $accessKey];",
		line: 2,
		right: "<?php\n$fields = ['x-amz-credential' => $credential, 'x-amz-algorithm' => 'AWS4-HMAC-SHA256'];"
	},
	{
		code: 'session-token-missing',
		name: 'a session token never sent',
		language: 'python',
		wrong: "import os\nsession_token = os.environ['AWS_SESSION_TOKEN']\nalgorithm = 'AWS4-HMAC-SHA256'",
		line: 2,
		right:
			"import os\nsession_token = os.environ['AWS_SESSION_TOKEN']\nalgorithm = 'AWS4-HMAC-SHA256'\nheaders['x-amz-security-token'] = session_token"
	},
	{
		code: 'session-token-added-after-signing',
		name: 'token appended to a presigned URL after the signature',
		language: 'python',
		wrong:
			"import hmac, hashlib\nquery = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=' + cred\nsignature = hmac.new(signing_key, string_to_sign.encode('utf-8'), hashlib.sha256).hexdigest()\nurl = base + '?' + query + '&X-Amz-Signature=' + signature\nurl += '&X-Amz-Security-Token=' + token",
		line: 5,
		right:
			"import hmac, hashlib\nquery = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=' + cred + '&X-Amz-Security-Token=' + token\nsignature = hmac.new(signing_key, string_to_sign.encode('utf-8'), hashlib.sha256).hexdigest()\nurl = base + '?' + query + '&X-Amz-Signature=' + signature"
	}
];
