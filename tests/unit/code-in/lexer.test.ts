// The token stream: comments are dropped and string literals are kept whole, so a rule never
// fires on a comment or on text inside a string, and a quote in a regex or a verbatim string
// does not swallow the code after it.
import { describe, expect, it } from 'vitest';
import { detectLanguage, lintSignerCode } from '../../../src/lib/code-in/index.ts';
import { tokenize } from '../../../src/lib/code-in/lexer.ts';

const codes = (text: string, language: Parameters<typeof lintSignerCode>[1]) =>
	lintSignerCode(text, language).map((f) => `${f.code}@${f.line}`);

describe('the signer-code lexer', () => {
	it('gives no finding for code in comments (line, block, Python #, Ruby =begin)', () => {
		expect(codes('// String v = URLEncoder.encode(value, "UTF-8");\n/* x.toUpperCase() on the signature */', 'java')).toEqual([]);
		expect(codes("# amz_date = t.strftime('%Y%m%dT%I%M%SZ')\nx = 1", 'python')).toEqual([]);
		expect(codes('=begin\nq = CGI.escape(value)\n=end\nx = 1', 'ruby')).toEqual([]);
	});

	it('gives no finding for a call written inside a string', () => {
		expect(codes('String help = "do not call URLEncoder.encode(value) here";', 'java')).toEqual([]);
	});

	it('reads past a regex holding a quote and a C# verbatim string holding ""', () => {
		const js =
			"const q = encodeURIComponent(v).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());\nconst s = crypto.createHmac('sha256', k).update(sts).digest('hex').toUpperCase();";
		expect(codes(js, 'javascript')).toEqual(['hex-uppercase@2']);
		const cs = 'var note = @"say ""X2"" here";\nvar v = HttpUtility.UrlEncode(value);';
		expect(codes(cs, 'csharp')).toContain('query-plus-for-space@2');
	});

	it('sees the code inside template-literal and f-string interpolations', () => {
		expect(codes('const q = `${encodeURIComponent(k)}=${v}`;', 'javascript')).toEqual(['path-not-encoded@1']);
		expect(codes('import urllib\nq = f"{urllib.parse.quote_plus(v)}"', 'python')).toEqual(['query-plus-for-space@2']);
	});

	it('keeps 1-based lines and columns and ends an unterminated string at the line break', () => {
		const tokens = tokenize("x = 'open\ny = URLEncoder.encode(v)", 'java');
		const call = tokens.find((t) => t.t === 'URLEncoder')!;
		expect([call.line, call.col]).toEqual([2, 5]);
		expect(tokens.find((t) => t.k === 'str')!.v).toBe('open');
	});

	it('detects each language from a few lines, and prose as none', () => {
		expect(
			detectLanguage("Blob mac = Crypto.generateMac('hmacSHA256', Blob.valueOf(d), key);\nString s = EncodingUtil.convertToHex(mac);")
		).toBe('apex');
		expect(detectLanguage('using System;\nvar h = new HMACSHA256(key);')).toBe('csharp');
		expect(detectLanguage('import javax.crypto.Mac;\nMac mac = Mac.getInstance("HmacSHA256");')).toBe('java');
		expect(detectLanguage("const crypto = require('crypto');\nconst h = crypto.createHmac('sha256', k);")).toBe('javascript');
		expect(detectLanguage('import hmac\ndef sign(key, msg):\n    return hmac.new(key, msg, hashlib.sha256).digest()')).toBe('python');
		expect(detectLanguage("<?php\n$k = hash_hmac('sha256', $d, $s, true);")).toBe('php');
		expect(detectLanguage('package main\nfunc sign(key []byte) { h := hmac.New(sha256.New, key) }')).toBe('go');
		expect(detectLanguage("require 'openssl'\ndef sign(key, msg)\n  OpenSSL::HMAC.digest('sha256', key, msg)\nend")).toBe('ruby');
		expect(detectLanguage('I get SignatureDoesNotMatch (403) when I upload. What am I doing wrong?')).toBeUndefined();
	});
});
