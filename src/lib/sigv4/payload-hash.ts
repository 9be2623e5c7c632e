import { EMPTY_SHA256, UNSIGNED_PAYLOAD } from './constants.ts';
import { sha256Hex } from './crypto.ts';

/** What a payload hash line may hold: lowercase hex SHA-256, UNSIGNED-PAYLOAD or a STREAMING-… marker. */
export function payloadHashProblem(value: string): string | undefined {
	if (/^[0-9a-f]{64}$/.test(value) || value === UNSIGNED_PAYLOAD || /^STREAMING-[A-Z0-9-]+$/.test(value)) return undefined;
	if (/^[0-9A-Fa-f]{64}$/.test(value)) return 'is hex in uppercase; SigV4 uses lowercase hex';
	if (/^[A-Za-z0-9+/]{43}=$/.test(value)) return 'looks like base64; SigV4 uses the hex SHA-256 (64 lowercase hex digits)';
	return 'is not 64 lowercase hex digits, UNSIGNED-PAYLOAD or STREAMING-…';
}

export function hashBody(body: string | Uint8Array | undefined): Promise<string> {
	if (body === undefined || body.length === 0) return Promise.resolve(EMPTY_SHA256);
	return sha256Hex(body);
}
