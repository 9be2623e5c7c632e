import { findingAt, type CodeFinding } from './code-finding.ts';
import { hmacUses } from './hmac.ts';
import type { Source } from './source.ts';
import { hasString, idsMatch } from './words.ts';

// "Signature=" at the start of a literal is also SigV4's Authorization header part; only "&Signature=" is SigV2's.
const V2_FIELD =
	/^(AWSAccessKeyId|SignatureMethod|SignatureVersion|Signature)$|(?:^|[&?])(AWSAccessKeyId|SignatureMethod|SignatureVersion)=|[&?](Signature)=/;
const TOKEN_NAME = /session_?token|security_?token|AWS_SESSION_TOKEN/i;

/** SigV2 fields in SigV4 code, and the session token: left out, or added after the signature is made. */
export function fieldRules(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	const ts = src.tokens;
	const v4 = hasString(ts, /AWS4-HMAC-SHA256|aws4_request|x-amz-credential|x-amz-algorithm/i);
	const lines = new Set<number>();
	if (v4)
		for (const t of ts) {
			const m = t.k === 'str' ? V2_FIELD.exec(t.v) : null;
			if (!m || lines.has(t.line)) continue;
			lines.add(t.line);
			const field = m[1] ?? m[2] ?? m[3];
			out.push(
				findingAt(
					t,
					'sigv2-fields-in-sigv4',
					'error',
					`"${field}" is a Signature Version 2 field, but this code signs with SigV4. The server reads the request as SigV2 or rejects the mix.`,
					field === 'Signature'
						? 'Send the SigV4 signature as X-Amz-Signature (form or query) or in the Authorization header; remove the SigV2 field.'
						: 'Remove the SigV2 fields (AWSAccessKeyId, SignatureMethod, SignatureVersion, Signature); SigV4 carries them in X-Amz-Credential, X-Amz-Algorithm and X-Amz-Signature.'
				)
			);
		}
	const mentions = ts.filter((t) => (t.k === 'id' && TOKEN_NAME.test(t.t)) || (t.k === 'str' && /^AWS_SESSION_TOKEN$/.test(t.v)));
	const sent = ts.filter((t) => t.k === 'str' && /x-amz-security-token/i.test(t.v));
	if (v4 && mentions.length && !sent.length)
		out.push(
			findingAt(
				mentions[0]!,
				'session-token-missing',
				'warning',
				'The code has a session token but never sends it as X-Amz-Security-Token, so temporary credentials are refused.',
				'Send the token as the X-Amz-Security-Token header (and sign it), or as that query parameter of a presigned URL, before signing.'
			)
		);
	const presign = hasString(ts, /X-Amz-Signature|X-Amz-Credential/i) && !idsMatch(ts, /iot/i) && !hasString(ts, /iot/i);
	const signs = hmacUses(src).uses.filter((u) => u.data && idsMatch(ts.slice(u.data.from, u.data.to), /string_?to_?sign|^sts$/i));
	if (presign && sent.length && signs.length && sent.every((s) => s.line > Math.max(...signs.map((u) => u.at.line))))
		out.push(
			findingAt(
				sent[0]!,
				'session-token-added-after-signing',
				'error',
				'X-Amz-Security-Token is added to the presigned URL after the signature is computed, so it is not in the canonical query the server signs.',
				'Add X-Amz-Security-Token to the query parameters before building the canonical request (IoT WebSockets are the exception).'
			)
		);
	return out;
}
