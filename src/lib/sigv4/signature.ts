import { sha256Hex } from './crypto.ts';
import { signingKeyFor, signWithKey } from './signing-key.ts';
import { stringToSignFromHash } from './string-to-sign.ts';
import type { KeyChain, SigningParams } from './types.ts';

export interface SignatureStages {
	canonicalRequestHash: string;
	stringToSign: string;
	keyChain: KeyChain;
	signature: string;
}

/** Everything after the canonical request: its hash, the string to sign, the key chain, the signature. */
export async function signatureStages(
	canonicalRequest: string,
	params: SigningParams,
	date: string,
	scope: string
): Promise<SignatureStages> {
	const [canonicalRequestHash, key] = await Promise.all([
		sha256Hex(canonicalRequest),
		signingKeyFor(params.credentials.secretAccessKey, date, params.region, params.service)
	]);
	const stringToSign = stringToSignFromHash(canonicalRequestHash, params.datetime, scope);
	return { canonicalRequestHash, stringToSign, keyChain: key.chain, signature: await signWithKey(key.key, stringToSign) };
}
