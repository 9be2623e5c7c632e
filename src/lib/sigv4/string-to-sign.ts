import { sha256Hex } from './crypto.ts';
import { ALGORITHM } from './constants.ts';

export function stringToSignFromHash(canonicalRequestHash: string, datetime: string, scope: string): string {
	return `${ALGORITHM}\n${datetime}\n${scope}\n${canonicalRequestHash}`;
}

/** AWS4-HMAC-SHA256, the request time, the credential scope and the hex hash of the canonical request. */
export async function stringToSignFor(canonicalRequest: string, datetime: string, scope: string): Promise<string> {
	return stringToSignFromHash(await sha256Hex(canonicalRequest), datetime, scope);
}
