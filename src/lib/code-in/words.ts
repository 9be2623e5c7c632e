import type { Token } from './lexer.ts';
import { bare } from './source.ts';

// Names and calls the rules recognise, across the eight languages.

/** Calls whose result is hex text. */
export const HEX_OUT =
	/^(hexdigest|convertToHex|encodeHexString|encodeHex|bin2hex|toHex|ToHexString|ToHexStringLower|printHexBinary|hex|hexlify|HexEncode|toHexString|bytesToHex|byteArrayToHex|ByteToHex|toHexStr)$/;
/** Calls that turn hex text back into bytes. */
export const HEX_IN = /^(fromhex|unhexlify|hex2bin|convertFromHex|DecodeString|decodeHex|parseHexBinary|FromHexString|hexToBytes|pack)$/;
/** Calls whose result is base64 text. */
export const BASE64_OUT =
	/^(base64Encode|ToBase64String|b64encode|standard_b64encode|base64_encode|encode64|strict_encode64|btoa|encodeBase64|encodeBase64String|printBase64Binary)$/;
/** Calls that only change how the same value is held (text ↔ bytes): the kind is their argument's or receiver's. */
export const WRAPPERS =
	/^(valueOf|encode|getBytes|GetBytes|bytes|ToCharArray|toCharArray|from|byte|utf8|toUtf8Bytes|encodeUtf8|String|str|string|Parse|force_encoding|b)$/;
/** HMAC primitives and helpers commonly named so. */
export const HMAC_NAMES = /^(generateMac|hmac\w*|Hmac\w*|HMAC\w*|createHmac|hash_hmac|doFinal|sign|Sign)$/;

export const LOWER = /^(toLowerCase|ToLower|ToLowerInvariant|lower|downcase|strtolower|ToLowerCase|toLower)$/;
export const UPPER = /^(toUpperCase|ToUpper|ToUpperInvariant|upper|upcase|strtoupper|toUpper)$/;
export const TRIM = /^(trim|Trim|strip|TrimSpace|trimAll|squish|replaceAll|normalizeSpace|sub|gsub|preg_replace|Replace|replace)$/;
export const SORT =
	/^(sort|sorted|Sort|OrderBy|OrderByDescending|ksort|uksort|usort|sort_by|sortBy|TreeMap|SortedDictionary|SortedList|SortedMap|SortedDict|Strings|SortFunc|SortStableFunc|Slice|SliceStable|asort|natsort|sortKeys|localeCompare|sorted_keys|sortedKeys)$/;
export const LOOPS = /^(for|foreach|each|each_pair|map|forEach|range|collect|while|reduce|entries|join)$/;

export const SECRETISH = /secret/i;
export const KEYISH = /^k[A-Z_]|^k(date|region|service|signing|secret)|key|secret|signing/i;
export const DATAISH = /date|region|service|string_?to_?sign|^sts$|policy|^msg$|^message$|scope|today|ymd/i;

export const isAws4Prefix = (t: Token) => t.k === 'str' && /^AWS4(?![-_](HMAC|ECDSA))/.test(t.v);
export const idsMatch = (tokens: Token[], re: RegExp) => tokens.some((t) => t.k === 'id' && re.test(bare(t.t)));
export const hasString = (tokens: Token[], re: RegExp) => tokens.some((t) => t.k === 'str' && re.test(t.v));

/** True when some name in `tokens` says "key" (kDate, signingKey, "AWS4" + secret). */
export const keyLike = (tokens: Token[]) => tokens.some(isAws4Prefix) || idsMatch(tokens, KEYISH);
/** True when some name in `tokens` says "data" (dateStamp, region, "aws4_request", stringToSign) and none says "key". */
export const dataLike = (tokens: Token[]) =>
	!keyLike(tokens) &&
	(hasString(tokens, DATA_LITERAL) || tokens.some((t) => t.k === 'id' && DATAISH.test(bare(t.t)) && !KEYISH.test(bare(t.t))));
/** Literal scope parts: "aws4_request", a date (20110909) or a region (us-east-1). */
const DATA_LITERAL = /^(aws4_request|\d{8}|[a-z]{2}(-gov)?-[a-z]+-\d)$/;
