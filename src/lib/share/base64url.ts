/** Base64url without padding (RFC 4648 §5): the alphabet needs no escaping anywhere in a URL. */
export function bytesToBase64Url(bytes: Uint8Array): string {
	let binary = '';
	// In slices: String.fromCharCode takes one argument per byte, and arguments are limited.
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The bytes of base64url text, or the position of the first character that cannot be base64url.
 * Padding is allowed but not needed. A dangling last character (too few bits for a byte) is
 * dropped rather than refused: it only happens when text was cut, and the decompression that
 * follows reports a cut with a better message.
 */
export function base64UrlToBytes(text: string): { bytes: Uint8Array<ArrayBuffer> } | { badAt: number } {
	const body = text.replace(/=+$/, '');
	const bad = body.search(/[^A-Za-z0-9_-]/);
	if (bad !== -1) return { badAt: bad };
	const whole = body.length % 4 === 1 ? body.slice(0, -1) : body;
	const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return { bytes };
}
