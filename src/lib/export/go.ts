import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'go');

/** A Go program (1.18+), standard library only. */
export function goSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `\t{${s(k)}, ${s(v)}},`).join('\n');
	const payload =
		spec.payloadHash !== undefined
			? `payloadHash := ${s(spec.payloadHash)} // ${spec.payloadHashWhy}`
			: 'payloadHash := sha256Hex([]byte(requestBody))';
	const header = `headers := append([][2]string{}, requestHeaders...)
	headers = append(headers, [2]string{"X-Amz-Date", amzDate})${spec.contentSha256Header ? '\n\theaders = append(headers, [2]string{"X-Amz-Content-Sha256", payloadHash})' : ''}
	if sessionToken != "" && signSessionToken {
		headers = append(headers, [2]string{"X-Amz-Security-Token", sessionToken})
	}
	headerBlock, signedHeaders := canonicalHeaders(headers)
	canonicalRequest := strings.Join([]string{requestMethod, canonicalPath(requestPath), canonicalQuery(requestQuery, nil), headerBlock, signedHeaders, payloadHash}, "\\n")
	stringToSign := strings.Join([]string{"AWS4-HMAC-SHA256", amzDate, scope, sha256Hex([]byte(canonicalRequest))}, "\\n")
	signature := hex.EncodeToString(hmacSHA256(signingKey(secretAccessKey, date), stringToSign))
	authorization := "AWS4-HMAC-SHA256 Credential=" + accessKeyID + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature
	// Send requestHeaders, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization.
	show(canonicalRequest, stringToSign, signature, "authorization", authorization)`;
	const query = `headerBlock, signedHeaders := canonicalHeaders(requestHeaders)
	auth := [][2]string{
		{"X-Amz-Algorithm", "AWS4-HMAC-SHA256"},
		{"X-Amz-Credential", accessKeyID + "/" + scope},
		{"X-Amz-Date", amzDate},
		{"X-Amz-SignedHeaders", signedHeaders},
		{"X-Amz-Expires", fmt.Sprint(expires)},
	}
	if sessionToken != "" {
		auth = append(auth, [2]string{"X-Amz-Security-Token", sessionToken})
	}
	signedAuth := auth
	if sessionToken != "" && !signSessionToken {
		signedAuth = auth[:len(auth)-1]
	}
	canonicalRequest := strings.Join([]string{requestMethod, canonicalPath(requestPath), canonicalQuery(requestQuery, signedAuth), headerBlock, signedHeaders, payloadHash}, "\\n")
	stringToSign := strings.Join([]string{"AWS4-HMAC-SHA256", amzDate, scope, sha256Hex([]byte(canonicalRequest))}, "\\n")
	signature := hex.EncodeToString(hmacSHA256(signingKey(secretAccessKey, date), stringToSign))
	url := endpoint + requestPath + "?" + requestQuery
	if requestQuery != "" && !strings.HasSuffix(requestQuery, "&") {
		url += "&"
	}
	for _, param := range auth {
		url += param[0] + "=" + uriEncode([]byte(param[1]), false) + "&"
	}
	url += "X-Amz-Signature=" + signature
	show(canonicalRequest, stringToSign, signature, "presigned url", url)`;

	return `// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
// the string to sign and the signature, to hold against your own signer's. Standard library only.
// The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
// Run: go run sign.go
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

const (
	requestMethod = ${s(spec.method)}
	endpoint      = ${s(spec.endpoint)}
	requestPath   = ${s(spec.path)} // as sent on the wire, not decoded
	requestQuery  = ${s(spec.query)} // as sent after "?"
	requestBody   = ${s(spec.body)}
	region        = ${s(spec.region)}
	service       = ${s(spec.service)}
	amzDate       = ${s(spec.datetime)} // ${n.date}
	// ${n.path}
	uriEscapePath    = ${spec.uriEscapePath}
	normalizePath    = ${spec.normalizePath}
	signSessionToken = ${spec.signSessionToken}${spec.mode === 'query' ? `\n\texpires          = ${spec.expiresIn}` : ''}
)

// ${n.headers}
var requestHeaders = [][2]string{
${headers}
}

// uriEncode is SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX, uppercase hex.
// Not url.QueryEscape: it writes a space as "+".
func uriEncode(data []byte, keepSlash bool) string {
	var out strings.Builder
	for _, b := range data {
		if b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || strings.IndexByte("-_.~", b) >= 0 || keepSlash && b == '/' {
			out.WriteByte(b)
		} else {
			fmt.Fprintf(&out, "%%%02X", b)
		}
	}
	return out.String()
}

// percentDecode reads the URL as the server does: "%" without two hex digits stays "%"; in a query "+" is a space.
func percentDecode(text string, plusIsSpace bool) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+2 < len(text) {
			if b, err := hex.DecodeString(text[i+1 : i+3]); err == nil {
				out = append(out, b[0])
				i += 2
				continue
			}
		}
		if plusIsSpace && text[i] == '+' {
			out = append(out, ' ')
		} else {
			out = append(out, text[i])
		}
	}
	return out
}

func canonicalPath(path string) string {
	if path == "" {
		path = "/"
	}
	if normalizePath {
		segments := []string{}
		for _, segment := range strings.Split(path, "/") {
			switch segment {
			case "", ".":
			case "..":
				if len(segments) > 0 {
					segments = segments[:len(segments)-1]
				}
			default:
				segments = append(segments, segment)
			}
		}
		trailing := ""
		if len(segments) > 0 && strings.HasSuffix(path, "/") {
			trailing = "/"
		}
		path = "/" + strings.Join(segments, "/") + trailing
	}
	if uriEscapePath {
		// Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
		return uriEncode([]byte(path), true)
	}
	// S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
	segments := strings.Split(path, "/")
	for i, segment := range segments {
		segments[i] = uriEncode(percentDecode(segment, false), false)
	}
	return strings.Join(segments, "/")
}

func canonicalQuery(query string, extra [][2]string) string {
	pairs := [][2]string{}
	for _, param := range strings.Split(query, "&") {
		if param == "" {
			continue
		}
		key, value, _ := strings.Cut(param, "=")
		pairs = append(pairs, [2]string{uriEncode(percentDecode(key, true), false), uriEncode(percentDecode(value, true), false)})
	}
	for _, param := range extra {
		pairs = append(pairs, [2]string{param[0], uriEncode([]byte(param[1]), false)})
	}
	// By key, then value; Go compares strings byte by byte.
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	parts := make([]string, len(pairs))
	for i, pair := range pairs {
		parts[i] = pair[0] + "=" + pair[1]
	}
	return strings.Join(parts, "&")
}

var whiteSpace = regexp.MustCompile(\`[ \\t\\r\\n]+\`)

// canonicalHeaders returns the header lines (each ending in a newline) and the signed header names.
func canonicalHeaders(headers [][2]string) (string, string) {
	merged := map[string][]string{}
	names := []string{}
	for _, header := range headers {
		name := strings.ToLower(header[0])
		if _, seen := merged[name]; !seen {
			names = append(names, name)
		}
		// Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
		merged[name] = append(merged[name], strings.Trim(whiteSpace.ReplaceAllString(header[1], " "), " "))
	}
	sort.Strings(names)
	var block strings.Builder
	for _, name := range names {
		block.WriteString(name + ":" + strings.Join(merged[name], ",") + "\\n")
	}
	return block.String(), strings.Join(names, ";")
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) // lowercase hex, never base64
}

func hmacSHA256(key []byte, text string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(text))
	return mac.Sum(nil)
}

// signingKey: each HMAC's raw 32 bytes key the next one, never their hex text.
func signingKey(secretAccessKey, date string) []byte {
	key := []byte("AWS4" + secretAccessKey)
	for _, part := range []string{date, region, service, "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	return key
}

func show(canonicalRequest, stringToSign, signature, label, value string) {
	for _, part := range [][2]string{{"canonical request", canonicalRequest}, {"string to sign", stringToSign}, {"signature", signature}, {label, value}} {
		fmt.Printf("----- %s -----\\n%s\\n", part[0], part[1])
	}
}

func main() {
	accessKeyID := os.Getenv("AWS_ACCESS_KEY_ID")
	secretAccessKey := os.Getenv("AWS_SECRET_ACCESS_KEY")
	sessionToken := os.Getenv("AWS_SESSION_TOKEN")
	date := amzDate[:8]
	scope := date + "/" + region + "/" + service + "/aws4_request"
	${payload}
	${spec.mode === 'header' ? header : query}
}
`;
}
