import type { PublicKeyV4a } from './signing-key-v4a.ts';

/** The SigV4a key pane: the public key only; the private key is valid in every region, for ever, and is never shown. */
export function publicKeyText(publicKey: PublicKeyV4a): string {
	return [
		'SigV4a: one ECDSA P-256 key pair derived from the access key ID and the secret (the private key is not shown).',
		`public key x: ${publicKey.x}`,
		`public key y: ${publicKey.y}`
	].join('\n');
}
