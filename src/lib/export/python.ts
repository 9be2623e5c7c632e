import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'python');

/** A Python 3 program, standard library only. */
export function pythonSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `    (${s(k)}, ${s(v)}),`).join('\n');
	const payload =
		spec.payloadHash !== undefined
			? `payload_hash = ${s(spec.payloadHash)}  # ${spec.payloadHashWhy}`
			: 'payload_hash = sha256_hex(BODY.encode())';
	const header = `    headers = list(HEADERS)
    headers.append(("X-Amz-Date", AMZ_DATE))${spec.contentSha256Header ? '\n    headers.append(("X-Amz-Content-Sha256", payload_hash))' : ''}
    if token and SIGN_SESSION_TOKEN:
        headers.append(("X-Amz-Security-Token", token))
    header_block, signed_headers = canonical_headers(headers)
    canonical_request = "\\n".join([METHOD, canonical_path(PATH), canonical_query(QUERY, []), header_block, signed_headers, payload_hash])
    string_to_sign = "\\n".join(["AWS4-HMAC-SHA256", AMZ_DATE, scope, sha256_hex(canonical_request.encode())])
    signature = hmac.new(signing_key(secret_key, date), string_to_sign.encode(), hashlib.sha256).hexdigest()
    authorization = f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, SignedHeaders={signed_headers}, Signature={signature}"
    show(canonical_request, string_to_sign, signature, "authorization", authorization)
    # Send: HEADERS, X-Amz-Date: AMZ_DATE${spec.contentSha256Header ? ', X-Amz-Content-Sha256: payload_hash' : ''}, X-Amz-Security-Token: token (if any), Authorization.`;
	const query = `    header_block, signed_headers = canonical_headers(HEADERS)
    auth = [
        ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
        ("X-Amz-Credential", f"{access_key}/{scope}"),
        ("X-Amz-Date", AMZ_DATE),
        ("X-Amz-SignedHeaders", signed_headers),
        ("X-Amz-Expires", str(EXPIRES)),
    ]
    if token:
        auth.append(("X-Amz-Security-Token", token))
    signed_auth = auth if SIGN_SESSION_TOKEN or not token else auth[:-1]
    canonical_request = "\\n".join([METHOD, canonical_path(PATH), canonical_query(QUERY, signed_auth), header_block, signed_headers, payload_hash])
    string_to_sign = "\\n".join(["AWS4-HMAC-SHA256", AMZ_DATE, scope, sha256_hex(canonical_request.encode())])
    signature = hmac.new(signing_key(secret_key, date), string_to_sign.encode(), hashlib.sha256).hexdigest()
    params = "&".join(f"{k}={uri_encode(v.encode())}" for k, v in auth)
    query = QUERY if QUERY == "" or QUERY.endswith("&") else QUERY + "&"
    url = f"{ENDPOINT}{PATH}?{query}{params}&X-Amz-Signature={signature}"
    show(canonical_request, string_to_sign, signature, "presigned url", url)`;

	return `#!/usr/bin/env python3
# ${n.title}
# Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
# the string to sign and the signature, to hold against your own signer's. Standard library only.
# The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
# Run: python3 sign.py
import hashlib
import hmac
import os
import re
import sys
import urllib.parse

METHOD = ${s(spec.method)}
ENDPOINT = ${s(spec.endpoint)}
PATH = ${s(spec.path)}  # as sent on the wire, not decoded
QUERY = ${s(spec.query)}  # as sent after "?"
# ${n.headers}
HEADERS = [
${headers}
]
BODY = ${s(spec.body)}
REGION = ${s(spec.region)}
SERVICE = ${s(spec.service)}
AMZ_DATE = ${s(spec.datetime)}  # ${n.date}
# ${n.path}
URI_ESCAPE_PATH = ${spec.uriEscapePath ? 'True' : 'False'}
NORMALIZE_PATH = ${spec.normalizePath ? 'True' : 'False'}
SIGN_SESSION_TOKEN = ${spec.signSessionToken ? 'True' : 'False'}${spec.mode === 'query' ? `\nEXPIRES = ${spec.expiresIn}` : ''}

UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def uri_encode(data: bytes, keep_slash: bool = False) -> str:
    # SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ becomes %XX, uppercase hex.
    # Not quote_plus: a space is %20, never "+".
    return "".join(chr(b) if b in UNRESERVED or (keep_slash and b == 0x2F) else "%%%02X" % b for b in data)


def percent_decode(text: str, plus_is_space: bool) -> bytes:
    # As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space.
    data = text.encode()
    return urllib.parse.unquote_to_bytes(data.replace(b"+", b" ") if plus_is_space else data)


def canonical_path(path: str) -> str:
    path = path or "/"
    if NORMALIZE_PATH:
        segments = []
        for segment in path.split("/"):
            if segment == "..":
                if segments:
                    segments.pop()
            elif segment not in ("", "."):
                segments.append(segment)
        path = "/" + "/".join(segments) + ("/" if segments and path.endswith("/") else "")
    if URI_ESCAPE_PATH:
        # Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
        return uri_encode(path.encode(), keep_slash=True)
    # S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
    return "/".join(uri_encode(percent_decode(segment, False)) for segment in path.split("/"))


def canonical_query(query: str, extra: list) -> str:
    pairs = []
    for param in query.split("&"):
        if param:
            key, _, value = param.partition("=")
            pairs.append((uri_encode(percent_decode(key, True)), uri_encode(percent_decode(value, True))))
    pairs += [(key, uri_encode(value.encode())) for key, value in extra]
    # Sorted by key, then value, in byte order (the encoded text is ASCII): not by locale.
    return "&".join(f"{key}={value}" for key, value in sorted(pairs))


def canonical_headers(headers: list) -> tuple:
    merged = {}
    for name, value in headers:
        # Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
        merged.setdefault(name.lower(), []).append(re.sub(r"[ \\t\\r\\n]+", " ", value).strip(" "))
    names = sorted(merged)
    return "".join(f"{name}:{','.join(merged[name])}\\n" for name in names), ";".join(names)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()  # lowercase hex, never base64


def signing_key(secret_key: str, date: str) -> bytes:
    # Each HMAC's raw 32 bytes key the next one: never their hex text.
    key = ("AWS4" + secret_key).encode()
    for part in (date, REGION, SERVICE, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def show(canonical_request: str, string_to_sign: str, signature: str, label: str, value: str) -> None:
    out = sys.stdout.buffer
    for title, text in (("canonical request", canonical_request), ("string to sign", string_to_sign), ("signature", signature), (label, value)):
        out.write(f"----- {title} -----\\n{text}\\n".encode())


def main() -> None:
    access_key = os.environ["AWS_ACCESS_KEY_ID"]
    secret_key = os.environ["AWS_SECRET_ACCESS_KEY"]
    token = os.environ.get("AWS_SESSION_TOKEN", "")
    date = AMZ_DATE[:8]
    scope = f"{date}/{REGION}/{SERVICE}/aws4_request"
    ${payload}
${spec.mode === 'header' ? header : query}


if __name__ == "__main__":
    main()
`;
}
