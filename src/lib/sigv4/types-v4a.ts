import type { ALGORITHM_V4A } from './v4a-constants.ts';
import type { PublicKeyV4a } from './signing-key-v4a.ts';
import type { SigningParams, SigningTrace } from './types.ts';

/** SigV4 params plus the regions the signature is valid in; `region` is not part of a SigV4a scope. */
export interface SigningParamsV4a extends Omit<SigningParams, 'region'> {
	regionSet: string[];
	/** Ignored: SigV4a signs the region set instead. */
	region?: string;
}

/**
 * A SigV4 trace, less the HMAC key chain (SigV4a has one key pair for every region and date): the
 * public key instead, and the ECDSA signature both as sent (DER, `signature`) and as WebCrypto gives
 * it (raw r‖s). It never holds the private key.
 */
export interface SigningTraceV4a extends Omit<SigningTrace, 'algorithm' | 'keyChain'> {
	algorithm: typeof ALGORITHM_V4A;
	regionSet: string[];
	publicKey: PublicKeyV4a;
	/** Hex DER, as in the Authorization header or X-Amz-Signature (the same as `signature`). */
	signatureDer: string;
	/** Hex r‖s, 128 digits. */
	signatureRaw: string;
}
