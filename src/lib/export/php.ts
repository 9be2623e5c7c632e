import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'php');

/** A PHP 8 script, no extensions beyond the bundled hash and pcre. */
export function phpSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `    [${s(k)}, ${s(v)}],`).join('\n');
	const payload =
		spec.payloadHash !== undefined
			? `$payloadHash = ${s(spec.payloadHash)}; // ${spec.payloadHashWhy}`
			: `$payloadHash = hash('sha256', BODY);`;
	const header = `$headers = HEADERS;
$headers[] = ['X-Amz-Date', AMZ_DATE];${spec.contentSha256Header ? `\n$headers[] = ['X-Amz-Content-Sha256', $payloadHash];` : ''}
if ($sessionToken !== '' && SIGN_SESSION_TOKEN) {
    $headers[] = ['X-Amz-Security-Token', $sessionToken];
}
[$headerBlock, $signedHeaders] = canonicalHeaders($headers);
$canonicalRequest = implode("\\n", [METHOD, canonicalPath(PATH), canonicalQuery(QUERY, []), $headerBlock, $signedHeaders, $payloadHash]);
$stringToSign = implode("\\n", ['AWS4-HMAC-SHA256', AMZ_DATE, $scope, hash('sha256', $canonicalRequest)]);
$signature = hash_hmac('sha256', $stringToSign, signingKey($secretAccessKey, $date));
$authorization = "AWS4-HMAC-SHA256 Credential=$accessKeyId/$scope, SignedHeaders=$signedHeaders, Signature=$signature";
// Send HEADERS, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization.
show($canonicalRequest, $stringToSign, $signature, 'authorization', $authorization);`;
	const query = `[$headerBlock, $signedHeaders] = canonicalHeaders(HEADERS);
$auth = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', "$accessKeyId/$scope"],
    ['X-Amz-Date', AMZ_DATE],
    ['X-Amz-SignedHeaders', $signedHeaders],
    ['X-Amz-Expires', (string) EXPIRES],
];
if ($sessionToken !== '') {
    $auth[] = ['X-Amz-Security-Token', $sessionToken];
}
$signedAuth = SIGN_SESSION_TOKEN || $sessionToken === '' ? $auth : array_slice($auth, 0, -1);
$canonicalRequest = implode("\\n", [METHOD, canonicalPath(PATH), canonicalQuery(QUERY, $signedAuth), $headerBlock, $signedHeaders, $payloadHash]);
$stringToSign = implode("\\n", ['AWS4-HMAC-SHA256', AMZ_DATE, $scope, hash('sha256', $canonicalRequest)]);
$signature = hash_hmac('sha256', $stringToSign, signingKey($secretAccessKey, $date));
$query = QUERY === '' || str_ends_with(QUERY, '&') ? QUERY : QUERY . '&';
$params = implode('&', array_map(fn ($p) => $p[0] . '=' . uriEncode($p[1]), $auth));
show($canonicalRequest, $stringToSign, $signature, 'presigned url', ENDPOINT . PATH . "?$query$params&X-Amz-Signature=$signature");`;

	return `<?php
// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
// the string to sign and the signature, to hold against your own signer's. Plain PHP 8.
// The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
// Run: php sign.php

const METHOD = ${s(spec.method)};
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
const SIGN_SESSION_TOKEN = ${spec.signSessionToken};${spec.mode === 'query' ? `\nconst EXPIRES = ${spec.expiresIn};` : ''}

// SigV4's UriEncode: rawurlencode (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay, uppercase hex).
// Not urlencode: it writes a space as "+".
function uriEncode(string $bytes, bool $keepSlash = false): string
{
    $encoded = rawurlencode($bytes);
    return $keepSlash ? str_replace('%2F', '/', $encoded) : $encoded;
}

// As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space.
function percentDecode(string $text, bool $plusIsSpace): string
{
    return $plusIsSpace ? urldecode($text) : rawurldecode($text);
}

function canonicalPath(string $path): string
{
    if ($path === '') {
        $path = '/';
    }
    if (NORMALIZE_PATH) {
        $segments = [];
        foreach (explode('/', $path) as $segment) {
            if ($segment === '..') {
                array_pop($segments);
            } elseif ($segment !== '' && $segment !== '.') {
                $segments[] = $segment;
            }
        }
        $path = '/' . implode('/', $segments) . ($segments && str_ends_with($path, '/') ? '/' : '');
    }
    if (URI_ESCAPE_PATH) {
        return uriEncode($path, true); // encoded as sent, so "%20" becomes "%2520" (double encoding)
    }
    // S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
    return implode('/', array_map(fn ($segment) => uriEncode(percentDecode($segment, false)), explode('/', $path)));
}

function canonicalQuery(string $query, array $extra): string
{
    $pairs = [];
    foreach (explode('&', $query) as $param) {
        if ($param === '') {
            continue;
        }
        [$key, $value] = array_pad(explode('=', $param, 2), 2, '');
        $pairs[] = [uriEncode(percentDecode($key, true)), uriEncode(percentDecode($value, true))];
    }
    foreach ($extra as [$key, $value]) {
        $pairs[] = [$key, uriEncode($value)];
    }
    // By key, then value, in byte order: strcmp, not sort()'s numeric-aware comparison or a locale.
    usort($pairs, fn ($a, $b) => strcmp($a[0], $b[0]) ?: strcmp($a[1], $b[1]));
    return implode('&', array_map(fn ($pair) => $pair[0] . '=' . $pair[1], $pairs));
}

// The header lines (each ending in a newline) and the signed header names.
function canonicalHeaders(array $headers): array
{
    $merged = [];
    foreach ($headers as [$name, $value]) {
        // Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
        $merged[strtolower($name)][] = trim(preg_replace('/[ \\t\\r\\n]+/', ' ', $value), ' ');
    }
    ksort($merged, SORT_STRING); // byte order, also for a name such as "123"
    $block = '';
    foreach ($merged as $name => $values) {
        $block .= $name . ':' . implode(',', $values) . "\\n";
    }
    return [$block, implode(';', array_map('strval', array_keys($merged)))];
}

// Each HMAC's raw 32 bytes (binary: true) key the next one: never their hex text.
function signingKey(string $secretAccessKey, string $date): string
{
    $key = 'AWS4' . $secretAccessKey;
    foreach ([$date, REGION, SERVICE, 'aws4_request'] as $part) {
        $key = hash_hmac('sha256', $part, $key, true);
    }
    return $key;
}

function show(string $canonicalRequest, string $stringToSign, string $signature, string $label, string $value): void
{
    $parts = ['canonical request' => $canonicalRequest, 'string to sign' => $stringToSign, 'signature' => $signature, $label => $value];
    foreach ($parts as $title => $text) {
        echo "----- $title -----\\n$text\\n";
    }
}

$accessKeyId = getenv('AWS_ACCESS_KEY_ID');
$secretAccessKey = getenv('AWS_SECRET_ACCESS_KEY');
$sessionToken = getenv('AWS_SESSION_TOKEN') ?: '';
$date = substr(AMZ_DATE, 0, 8);
$scope = "$date/" . REGION . '/' . SERVICE . '/aws4_request';
${payload}
${spec.mode === 'header' ? header : query}
`;
}
