/**
 * The key pane's name under SigV4a: it shows the ECDSA key pair's public half, never the private
 * key SigV4a signs with, so it is not called the signing key alone.
 */
export const KEY_PANE_LABEL_V4A = 'Signing key (ECDSA P-256): public key shown';
