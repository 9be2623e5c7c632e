import { findingAt, type CodeFinding } from './code-finding.ts';
import { hmacUses, valueKind } from './hmac.ts';
import { bare, expand, type Range, type Source } from './source.ts';
import { BASE64_OUT, dataLike, idsMatch, isAws4Prefix, keyLike, SECRETISH, WRAPPERS } from './words.ts';

/** The signing-key chain and what is signed: the AWS4 prefix, key/data order, hex keys, the POST policy. */
export function keyRules(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	const { uses, hexHelpers } = hmacUses(src);
	const slice = (r: { from: number; to: number }) => src.tokens.slice(r.from, r.to);
	for (const u of uses) {
		if (u.key && secretItself(src, u.key) && !expand(src, u.key).some(isAws4Prefix))
			out.push(
				findingAt(
					u.at,
					'signing-key-missing-aws4-prefix',
					'error',
					'This HMAC is keyed with the secret itself. SigV4 keys the first HMAC (over the date) with "AWS4" followed by the secret.',
					'Derive kDate = HMAC("AWS4" + secret, date), then kRegion, kService and kSigning from it.'
				)
			);
		if (u.key && u.data && dataLike(slice(u.key)) && keyLike(slice(u.data)))
			out.push(
				findingAt(
					u.at,
					'hmac-key-data-swapped',
					'error',
					'The key and the data of this HMAC are the wrong way round: the date, region, service or string to sign is used as the key.',
					'Pass the previous key (or "AWS4" + secret) as the HMAC key and the date, region, service, "aws4_request" or string to sign as the data.'
				)
			);
		if (u.key && valueKind(src, u.key, hexHelpers) === 'hex')
			out.push(
				findingAt(
					u.at,
					'hex-intermediate-keys',
					'error',
					'The key of this HMAC is hex text. Each key of the SigV4 chain is the raw 32-byte HMAC of the step before; only the final signature is hex.',
					'Keep kDate, kRegion, kService and kSigning as bytes (digest(), not hexdigest(); raw output) and hex-encode only the signature.'
				)
			);
		if (u.data) {
			const data = slice(u.data);
			const named = idsMatch(data, /policy/i) && !idsMatch(data, /base64|b64|encoded|enc$|Base64/i);
			if (
				named &&
				!expand(src, u.data).some((t) => t.k === 'id' && BASE64_OUT.test(t.t)) &&
				valueKind(src, u.data, hexHelpers) !== 'base64'
			)
				out.push(
					findingAt(
						u.at,
						'post-policy-json-signed',
						'error',
						'The POST policy is signed as JSON. S3 signs the base64 text of the policy, the same text sent in the "policy" field.',
						'Base64-encode the policy JSON once, send that text as "policy" and sign exactly that text.'
					)
				);
		}
	}
	return out;
}

/** True when the key is the secret itself, at most turned into bytes (not passed through a key-derivation function). */
function secretItself(src: Source, r: Range): boolean {
	const ts = src.tokens.slice(r.from, r.to);
	if (!idsMatch(ts, SECRETISH)) return false;
	return ts.every((t, n) => t.k !== 'id' || ts[n + 1]?.t !== '(' || WRAPPERS.test(bare(t.t)));
}
