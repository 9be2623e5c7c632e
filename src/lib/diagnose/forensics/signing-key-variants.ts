import { hmac, toHex, utf8Bytes } from '../../sigv4/index.ts';
import type { FindingCode } from '../../findings/index.ts';

/** A wrong way to derive the signing key (or to sign with it), as hand-written signers get it wrong. */
export interface KeyVariant {
	code: FindingCode;
	/** What the signer did, for the message. */
	label: string;
	fix: string;
	/** Hex of the key this variant signs with. */
	kSigning: string;
	sign(stringToSign: string): Promise<string>;
}

const TERMINATOR = 'aws4_request';

type Step = (key: Uint8Array, data: string) => Promise<Uint8Array>;
const plain: Step = (key, data) => hmac(key, data);
const swapped: Step = (key, data) => hmac(utf8Bytes(data), key);
const hexKey: Step = async (key, data) => hmac(utf8Bytes(toHex(key)), data);

async function chain(first: Uint8Array, steps: Step[], parts: string[]): Promise<Uint8Array> {
	let key = first;
	for (let i = 0; i < parts.length; i++) key = await steps[i]!(key, parts[i]!);
	return key;
}

/**
 * The signing-key mistakes a few HMACs can reproduce: no "AWS4" prefix, HMAC key and data swapped,
 * hex strings as intermediate keys, the aws4_request step skipped, white space around the secret.
 * Forensics searches far more; these are the ones diagnose checks against a signature or key the
 * user gave.
 */
export async function signingKeyVariants(secret: string, date: string, region: string, service: string): Promise<KeyVariant[]> {
	const parts = [date, region, service, TERMINATOR];
	const prefixed = utf8Bytes('AWS4' + secret);
	const variants: KeyVariant[] = [];
	const add = (code: FindingCode, label: string, fix: string, key: Uint8Array, final: Step = plain) =>
		variants.push({ code, label, fix, kSigning: toHex(key), sign: async (sts) => toHex(await final(key, sts)) });

	const rawChainFix =
		'kDate = HMAC("AWS4" + secret, date), then kRegion, kService, kSigning, each HMAC(previous key, part): raw 32-byte keys, hex only at the end.';
	add(
		'signing-key-missing-aws4-prefix',
		'derived the key from the secret without the "AWS4" prefix',
		'Start the chain with HMAC("AWS4" + secret, date).',
		await chain(utf8Bytes(secret), [plain, plain, plain, plain], parts)
	);
	const swappedKey = await chain(prefixed, [swapped, swapped, swapped, swapped], parts);
	add(
		'hmac-key-data-swapped',
		'swapped HMAC key and data in every step',
		'Call HMAC(key, data): the previous key is the key, the scope part the data.',
		swappedKey,
		swapped
	);
	add(
		'hmac-key-data-swapped',
		'swapped HMAC key and data in the key derivation',
		'Call HMAC(key, data): the previous key is the key, the scope part the data.',
		swappedKey
	);
	const kDate = await hmac(prefixed, date);
	const hexChain = await chain(kDate, [hexKey, hexKey, hexKey], parts.slice(1));
	add('hex-intermediate-keys', 'used the hex text of each intermediate key as the next key', rawChainFix, hexChain, hexKey);
	const correct = await chain(prefixed, [plain, plain, plain, plain], parts);
	add('hex-intermediate-keys', 'used the hex text of the signing key as the HMAC key', rawChainFix, correct, hexKey);
	add(
		'signing-key-step-skipped',
		'skipped the aws4_request step: signed with kService',
		'Finish the chain with kSigning = HMAC(kService, "aws4_request").',
		await chain(prefixed, [plain, plain, plain], parts.slice(0, 3))
	);
	const spaced = new Set([secret.trim(), secret + '\n', secret + ' ', secret + '\r\n'].filter((s) => s !== secret && s !== ''));
	for (const s of spaced) {
		add(
			'secret-key-whitespace',
			s === secret.trim()
				? 'used the secret without the white space around it here'
				: `used the secret with ${JSON.stringify(s.slice(secret.length))} after it`,
			'Trim the secret access key (a line break from a file or an environment variable is part of the key otherwise).',
			await chain(utf8Bytes('AWS4' + s), [plain, plain, plain, plain], parts)
		);
	}
	return variants;
}
