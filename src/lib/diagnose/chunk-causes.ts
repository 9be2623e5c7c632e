import {
	ALGORITHM,
	EMPTY_SHA256,
	canonicalTrailers,
	chunkStringToSign,
	sha256Hex,
	signatureFor,
	trailerStringToSign,
	utf8Bytes,
	type Header
} from '../sigv4/index.ts';
import type { FindingCode } from '../findings/index.ts';

/** What a chunk's signing needs: the key, the time and scope, and the chain so far. */
export interface ChainInputs {
	kSigning: string;
	datetime: string;
	scope: string;
	seed: string;
}

/** A mistake that reproduces the signature the user's signer wrote. */
export interface ChunkCause {
	code: FindingCode;
	what: string;
}

const CRLF = utf8Bytes('\r\n');

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

/**
 * Why chunk `index`'s given signature is not the correct one: tries the mistakes signers make
 * (chaining to the seed or a stale signature, the string to sign missing its empty-hash line or
 * algorithm, hashing the framing with the data) and returns the one that reproduces it exactly.
 */
export async function chunkCause(
	inputs: ChainInputs,
	given: string,
	previous: string,
	data: Uint8Array,
	stale: string[]
): Promise<ChunkCause | undefined> {
	const { kSigning, datetime, scope, seed } = inputs;
	const hash = await sha256Hex(data);
	const tries: [FindingCode, string, () => Promise<string>][] = [];
	for (const [other, name] of [
		[seed, "the seed request's signature"],
		...stale.map((s) => [s, "an earlier chunk's signature"]),
		['', 'an empty previous signature']
	]) {
		if (other === previous) continue;
		tries.push([
			'chunk-previous-signature-wrong',
			`chained to ${name} instead of the chunk before it`,
			async () => chunkStringToSign(datetime, scope, other!, hash)
		]);
	}
	const stringToSignFaults: [string, () => string][] = [
		["without the line of the empty string's hash", () => `AWS4-HMAC-SHA256-PAYLOAD\n${datetime}\n${scope}\n${previous}\n${hash}`],
		[
			`with ${ALGORITHM} as its first line instead of AWS4-HMAC-SHA256-PAYLOAD`,
			() => chunkStringToSign(datetime, scope, previous, hash).replace(/^[^\n]*/, ALGORITHM)
		],
		['with the line breaks as CRLF', () => chunkStringToSign(datetime, scope, previous, hash).replace(/\n/g, '\r\n')]
	];
	for (const [what, make] of stringToSignFaults) tries.push(['chunk-string-to-sign-wrong', what, async () => make()]);
	tries.push([
		'chunk-string-to-sign-wrong',
		'over the hash of the data with its closing CRLF',
		async () => chunkStringToSign(datetime, scope, previous, await sha256Hex(concat(data, CRLF)))
	]);
	tries.push([
		'chunk-string-to-sign-wrong',
		'over the hash of an empty chunk',
		async () => chunkStringToSign(datetime, scope, previous, EMPTY_SHA256)
	]);
	for (const [code, what, make] of tries) {
		if ((await signatureFor(await make(), kSigning)) === given) return { code, what };
	}
	return undefined;
}

/** Why the trailer signature is wrong, when a known mistake reproduces it. */
export async function trailerCause(inputs: ChainInputs, given: string, previous: string, trailers: Header[]): Promise<string | undefined> {
	const { kSigning, datetime, scope, seed } = inputs;
	const canonical = canonicalTrailers(trailers);
	const tries: [string, string, string][] = [
		["chained to the seed signature instead of the final chunk's", seed, canonical],
		['over the trailers without their final line break', previous, canonical.replace(/\n$/, '')],
		['over the trailers with CRLF line breaks, as sent', previous, canonical.replace(/\n/g, '\r\n')]
	];
	for (const [what, prev, text] of tries) {
		if ((await signatureFor(trailerStringToSign(datetime, scope, prev, await sha256Hex(text)), kSigning)) === given) return what;
	}
	return undefined;
}
