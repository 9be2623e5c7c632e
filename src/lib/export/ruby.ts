import { literal } from './literals.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

const s = (text: string) => literal(text, 'ruby');

/** A Ruby script, standard library (openssl) only. */
export function rubySigner(spec: SignerSpec): string {
	const n = notes(spec);
	const headers = spec.headers.map(([k, v]) => `  [${s(k)}, ${s(v)}]`).join(',\n');
	const payload =
		spec.payloadHash !== undefined
			? `payload_hash = ${s(spec.payloadHash)} # ${spec.payloadHashWhy}`
			: 'payload_hash = OpenSSL::Digest::SHA256.hexdigest(BODY)';
	const header = `headers = HEADERS + [['X-Amz-Date', AMZ_DATE]]${spec.contentSha256Header ? `\nheaders << ['X-Amz-Content-Sha256', payload_hash]` : ''}
headers << ['X-Amz-Security-Token', session_token] if !session_token.empty? && SIGN_SESSION_TOKEN
header_block, signed_headers = canonical_headers(headers)
canonical_request = [METHOD, canonical_path(PATH), canonical_query(QUERY, []), header_block, signed_headers, payload_hash].join("\\n")
string_to_sign = ['AWS4-HMAC-SHA256', AMZ_DATE, scope, OpenSSL::Digest::SHA256.hexdigest(canonical_request)].join("\\n")
signature = OpenSSL::HMAC.hexdigest('SHA256', signing_key(secret_access_key, date), string_to_sign)
authorization = "AWS4-HMAC-SHA256 Credential=#{access_key_id}/#{scope}, SignedHeaders=#{signed_headers}, Signature=#{signature}"
# Send HEADERS, X-Amz-Date${spec.contentSha256Header ? ', X-Amz-Content-Sha256' : ''}, X-Amz-Security-Token (if any) and Authorization.
show(canonical_request, string_to_sign, signature, 'authorization', authorization)`;
	const query = `header_block, signed_headers = canonical_headers(HEADERS)
auth = [
  ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
  ['X-Amz-Credential', "#{access_key_id}/#{scope}"],
  ['X-Amz-Date', AMZ_DATE],
  ['X-Amz-SignedHeaders', signed_headers],
  ['X-Amz-Expires', EXPIRES.to_s]
]
auth << ['X-Amz-Security-Token', session_token] unless session_token.empty?
signed_auth = SIGN_SESSION_TOKEN || session_token.empty? ? auth : auth[0...-1]
canonical_request = [METHOD, canonical_path(PATH), canonical_query(QUERY, signed_auth), header_block, signed_headers, payload_hash].join("\\n")
string_to_sign = ['AWS4-HMAC-SHA256', AMZ_DATE, scope, OpenSSL::Digest::SHA256.hexdigest(canonical_request)].join("\\n")
signature = OpenSSL::HMAC.hexdigest('SHA256', signing_key(secret_access_key, date), string_to_sign)
query = QUERY.empty? || QUERY.end_with?('&') ? QUERY : "#{QUERY}&"
params = auth.map { |key, value| "#{key}=#{uri_encode(value)}" }.join('&')
show(canonical_request, string_to_sign, signature, 'presigned url', "#{ENDPOINT}#{PATH}?#{query}#{params}&X-Amz-Signature=#{signature}")`;

	return `#!/usr/bin/env ruby
# frozen_string_literal: true

# ${n.title}
# Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
# the string to sign and the signature, to hold against your own signer's. Standard library only.
# The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
# Run: ruby sign.rb
require 'openssl'

METHOD = ${s(spec.method)}
ENDPOINT = ${s(spec.endpoint)}
PATH = ${s(spec.path)} # as sent on the wire, not decoded
QUERY = ${s(spec.query)} # as sent after "?"
# ${n.headers}
HEADERS = [
${headers}
].freeze
BODY = ${s(spec.body)}
REGION = ${s(spec.region)}
SERVICE = ${s(spec.service)}
AMZ_DATE = ${s(spec.datetime)} # ${n.date}
# ${n.path}
URI_ESCAPE_PATH = ${spec.uriEscapePath}
NORMALIZE_PATH = ${spec.normalizePath}
SIGN_SESSION_TOKEN = ${spec.signSessionToken}${spec.mode === 'query' ? `\nEXPIRES = ${spec.expiresIn}` : ''}

# SigV4's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX, uppercase hex.
# Not CGI.escape or URI.encode_www_form_component: they write a space as "+".
def uri_encode(text, keep_slash = false)
  text.b.gsub(keep_slash ? %r{[^A-Za-z0-9\\-_.~/]} : /[^A-Za-z0-9\\-_.~]/) { |c| format('%%%02X', c.ord) }
end

# As the server reads the URL: "%" without two hex digits stays "%"; in a query "+" is a space.
def percent_decode(text, plus_is_space)
  text = text.tr('+', ' ') if plus_is_space
  text.b.gsub(/%[0-9A-Fa-f]{2}/) { |escape| escape[1, 2].hex.chr }
end

def canonical_path(path)
  path = '/' if path.empty?
  if NORMALIZE_PATH
    segments = []
    path.split('/', -1).each do |segment|
      if segment == '..'
        segments.pop
      elsif segment != '' && segment != '.'
        segments << segment
      end
    end
    path = "/#{segments.join('/')}#{!segments.empty? && path.end_with?('/') ? '/' : ''}"
  end
  # Encoded as sent, so an existing "%20" becomes "%2520" (double encoding).
  return uri_encode(path, true) if URI_ESCAPE_PATH

  # S3 signs the object key: each segment decoded, then encoded once ("+" is a plus).
  path.split('/', -1).map { |segment| uri_encode(percent_decode(segment, false)) }.join('/')
end

def canonical_query(query, extra)
  pairs = query.split('&').reject(&:empty?).map do |param|
    key, value = param.split('=', 2)
    [uri_encode(percent_decode(key, true)), uri_encode(percent_decode(value || '', true))]
  end
  pairs += extra.map { |key, value| [key, uri_encode(value)] }
  # By key, then value: String#<=> compares bytes, whatever the locale.
  pairs.sort.map { |key, value| "#{key}=#{value}" }.join('&')
end

# The header lines (each ending in a newline) and the signed header names.
def canonical_headers(headers)
  merged = Hash.new { |hash, name| hash[name] = [] }
  headers.each do |name, value|
    # Trimmed, runs of white space (folded lines too) made one space; a repeated name joined with ",".
    merged[name.downcase] << value.gsub(/[ \\t\\r\\n]+/, ' ').delete_prefix(' ').delete_suffix(' ')
  end
  names = merged.keys.sort
  [names.map { |name| "#{name}:#{merged[name].join(',')}\\n" }.join, names.join(';')]
end

# Each HMAC's raw 32 bytes key the next one: never their hex text.
def signing_key(secret_access_key, date)
  [date, REGION, SERVICE, 'aws4_request'].reduce("AWS4#{secret_access_key}") do |key, part|
    OpenSSL::HMAC.digest('SHA256', key, part)
  end
end

def show(canonical_request, string_to_sign, signature, label, value)
  { 'canonical request' => canonical_request, 'string to sign' => string_to_sign, 'signature' => signature, label => value }.each do |title, text|
    $stdout.write("----- #{title} -----\\n#{text}\\n")
  end
end

access_key_id = ENV.fetch('AWS_ACCESS_KEY_ID')
secret_access_key = ENV.fetch('AWS_SECRET_ACCESS_KEY')
session_token = ENV.fetch('AWS_SESSION_TOKEN', '')
date = AMZ_DATE[0, 8]
scope = "#{date}/#{REGION}/#{SERVICE}/aws4_request"
${payload}
${spec.mode === 'header' ? header : query}
`;
}
