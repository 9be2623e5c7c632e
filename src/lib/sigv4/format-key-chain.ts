import { KEY_PREFIX, TERMINATOR } from './constants.ts';
import type { KeyChain } from './types.ts';

/** The signing-key pane: one HMAC per line with its input and its hex output. */
export function keyChainText(chain: KeyChain): string {
	return [
		`HMAC("${KEY_PREFIX}" + secret, "${chain.date}") → kDate = ${chain.kDate}`,
		`HMAC(kDate, "${chain.region}") → kRegion = ${chain.kRegion}`,
		`HMAC(kRegion, "${chain.service}") → kService = ${chain.kService}`,
		`HMAC(kService, "${TERMINATOR}") → kSigning = ${chain.kSigning}`
	].join('\n');
}

/** The signing key an edited pane stands for: the last 64 hex digits in it, or an explanation. */
export function signingKeyFromText(text: string): { kSigning?: string; error?: string } {
	const all = text.match(/\b[0-9a-fA-F]{64}\b/g);
	if (!all) return { error: 'The signing key pane has no 64-hex-digit key; the last one in the pane is used as kSigning.' };
	return { kSigning: all[all.length - 1]!.toLowerCase() };
}
