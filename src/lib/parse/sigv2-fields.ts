import type { FormField } from './types.ts';

const ALWAYS = new Set(['awsaccesskeyid', 'signatureversion', 'signaturemethod']);
const WITH_KEY = new Set(['signature', 'expires', 'timestamp']);

/**
 * The Signature Version 2 fields among query, body or form parameters. "Signature", "Expires"
 * and "Timestamp" are ordinary words, so they count only next to AWSAccessKeyId or SignatureVersion.
 */
export function sigv2FieldsOf(fields: FormField[]): FormField[] {
	const names = new Set(fields.map(([n]) => n.toLowerCase()));
	const keyed = names.has('awsaccesskeyid') || names.has('signatureversion');
	return fields.filter(([n]) => ALWAYS.has(n.toLowerCase()) || (keyed && WITH_KEY.has(n.toLowerCase())));
}
