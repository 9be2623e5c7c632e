import { fromHex, toHex } from '../sigv4/index.ts';

/** Base64 (standard alphabet, padded) of the bytes a hex string stands for. */
export function hexToBase64(hex: string): string {
	let binary = '';
	for (const b of fromHex(hex)) binary += String.fromCharCode(b);
	return btoa(binary);
}

/** Hex of base64 text (standard or URL alphabet, padding optional), or undefined when it is not base64. */
export function base64ToHex(text: string): string | undefined {
	if (!/^[A-Za-z0-9+/_-]+=*$/.test(text)) return undefined;
	try {
		const binary = atob(
			text
				.replace(/-/g, '+')
				.replace(/_/g, '/')
				.replace(/=+$/, '')
				.padEnd(Math.ceil(text.length / 4) * 4, '=')
		);
		return toHex(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
	} catch {
		return undefined;
	}
}

/** The same digest written as lowercase hex, uppercase hex or base64: how a user may have written it. */
export function digestForm(text: string, hex: string): 'hex' | 'upper' | 'base64' | undefined {
	if (text === hex) return 'hex';
	if (text.toLowerCase() === hex) return 'upper';
	if (base64ToHex(text) === hex) return 'base64';
	return undefined;
}
