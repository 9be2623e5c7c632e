import { findingAt, type CodeFinding } from './code-finding.ts';
import type { Token } from './lexer.ts';
import { hmacUses } from './hmac.ts';
import { bare, callsNamed, chainAfter, expand, pathTo, receiverOf, type Call, type Range, type Source } from './source.ts';
import { BASE64_OUT, HEX_OUT, HMAC_NAMES, idsMatch, LOWER, UPPER } from './words.ts';

const SKIP_BASE64 = /policy|md5|checksum|crc|sha1|password|user|basic|cert|pem|iv|nonce|json|image|file|body64/i;

/** Base64 where SigV4 wants hex, and uppercase hex: the payload hash, the canonical-request hash and the signature. */
export function outputRules(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	const { helperNames } = hmacUses(src);
	const ts = src.tokens;
	const statement = (i: number) => ts.slice(src.statementOf[i]!.from, src.statementOf[i]!.to);
	const isHmac = (tokens: Token[]) => tokens.some((t) => t.k === 'id' && (HMAC_NAMES.test(bare(t.t)) || helperNames.has(bare(t.t))));
	for (const c of callsNamed(src, /./)) {
		const name = ts[c.name]!;
		const n = bare(name.t);
		const path = pathTo(src, c.name);
		const argVals = c.args.flatMap((a) => ts.slice(a.from, a.to).map((t) => t.v));
		const method = ts[c.name - 1]?.t === '.';
		const target: Range =
			method && !/^(EncodingUtil|Convert|base64|Base64|CryptoJS)/.test(path)
				? receiverOf(src, c.name - 1)
				: (c.args[0] ?? { from: c.open, to: c.open });
		const isBase64 =
			BASE64_OUT.test(n) ||
			((n === 'digest' || n === 'toString') && argVals.some((v) => v === 'base64' || /Base64$/.test(v))) ||
			(n === 'EncodeToString' && /base64/.test(path)) ||
			(n === 'encodeToString' && /Base64|Encoder/.test(path)) ||
			(n === 'stringify' && /enc\.Base64/.test(path));
		if (isBase64) {
			const context = [...statement(c.name), ...expand(src, target)];
			if (idsMatch(context, SKIP_BASE64) || context.some((t) => t.k === 'str' && SKIP_BASE64.test(t.v))) continue;
			const code =
				isHmac(context) || idsMatch(context, /signature|^sig$/i)
					? 'signature-base64'
					: idsMatch(context, /canonical/i)
						? 'hash-base64-not-hex'
						: idsMatch(context, /payload|body|content/i) && idsMatch(context, /sha|hash|digest/i)
							? 'payload-hash-base64'
							: undefined;
			if (code) out.push(base64Finding(name, code));
			continue;
		}
		const upper = uppercaseHex(src, c, n, path, target, statement(c.name));
		if (upper) {
			const payload = idsMatch(statement(c.name), /payload|body|content/i) && !idsMatch(statement(c.name), /signature|canonical/i);
			out.push(
				findingAt(
					name,
					payload ? 'payload-hash-uppercase' : 'hex-uppercase',
					'error',
					`${upper} gives uppercase hex. SigV4 compares hashes and signatures as lowercase hex text.`,
					'Use lowercase hex ("x2", "%02x", toLowerCase()/lower() on the hex) for the payload hash, the canonical-request hash and the signature.'
				)
			);
		}
	}
	for (const t of ts) {
		if (t.k !== 'str') continue;
		const st = statement(ts.indexOf(t));
		const percent = st.some((x) => x.k === 'str' && /^%/.test(x.v) && x !== t);
		// lowercase ? "x2" : "X2": the caller chooses, and a signer passes lowercase.
		const choosesLower = st.some((x) => x.k === 'str' && /^x2?$/.test(x.v));
		if (
			/^(X2|X)$|\{\d*:X2\}|:X2\}/.test(t.v) &&
			!percent &&
			!choosesLower &&
			!/%/.test(t.v) &&
			idsMatch(st, /^(ToString|Format|AppendFormat|Join)$/)
		)
			out.push(
				findingAt(
					t,
					'hex-uppercase',
					'error',
					`The format "${t.v}" writes uppercase hex. SigV4 hashes and signatures are lowercase hex.`,
					'Format each byte with "x2" (lowercase).'
				)
			);
		else if (/(^|[^%])%0?2?X/.test(t.v) && !/%%%0?2?X/.test(t.v) && !percent)
			out.push(
				findingAt(
					t,
					'hex-uppercase',
					'error',
					`The format "${t.v}" writes uppercase hex. SigV4 hashes and signatures are lowercase hex.`,
					'Format each byte with "%02x" (lowercase).'
				)
			);
	}
	return out;
}

function base64Finding(at: Token, code: 'signature-base64' | 'hash-base64-not-hex' | 'payload-hash-base64'): CodeFinding {
	const what = {
		'signature-base64': 'the signature',
		'hash-base64-not-hex': 'the canonical-request hash',
		'payload-hash-base64': 'the payload hash'
	}[code];
	return findingAt(
		at,
		code,
		'error',
		`This base64-encodes ${what}. SigV4 writes it as lowercase hex (base64 is SigV2's, and the checksum headers').`,
		`Hex-encode ${what} (convertToHex, hexdigest, digest('hex'), hex.EncodeToString, bin2hex) instead of base64.`
	);
}

/** Why call `c` yields uppercase hex, or undefined when it does not (or its result is lowered again). */
function uppercaseHex(src: Source, c: Call, n: string, path: string, target: Range, statement: Token[]): string | undefined {
	const lowered = chainAfter(src, c.close).some((m) => LOWER.test(src.tokens[m.name]!.t)) || idsMatch(statement, LOWER);
	if (lowered) return undefined;
	if (n === 'ToString' && /BitConverter\.ToString$/.test(path)) return 'BitConverter.ToString';
	if (n === 'ToHexString' && /Convert\.ToHexString$/.test(path)) return 'Convert.ToHexString';
	if (n === 'printHexBinary') return 'DatatypeConverter.printHexBinary';
	if (!UPPER.test(n)) return undefined;
	if (statement.some((t) => t.k === 'str' && t.v.includes('%'))) return undefined;
	const tgt = src.tokens.slice(target.from, target.to);
	const hexish = tgt.some((t) => t.k === 'id' && (HEX_OUT.test(t.t) || /hex|signature|digest|hash|^sig$/i.test(bare(t.t))));
	return hexish ? `${n}()` : undefined;
}
