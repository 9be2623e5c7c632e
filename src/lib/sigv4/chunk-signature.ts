import { CHUNK_ALGORITHM, EMPTY_SHA256, TRAILER_ALGORITHM } from './constants.ts';
import { canonicalHeaderValue } from './canonical-headers.ts';
import type { Header } from './types.ts';

/** One chunk's string to sign: it chains to the previous signature (the seed's, for the first chunk). */
export function chunkStringToSign(datetime: string, scope: string, previousSignature: string, chunkHash: string): string {
	return `${CHUNK_ALGORITHM}\n${datetime}\n${scope}\n${previousSignature}\n${EMPTY_SHA256}\n${chunkHash}`;
}

/** The trailer's string to sign: it chains to the final (empty) chunk's signature. */
export function trailerStringToSign(datetime: string, scope: string, previousSignature: string, trailersHash: string): string {
	return `${TRAILER_ALGORITHM}\n${datetime}\n${scope}\n${previousSignature}\n${trailersHash}`;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** `name:value\n` per trailer, names lowercased and sorted, values trimmed as header values are (the final `\n` included). */
export function canonicalTrailers(trailers: readonly Header[]): string {
	return trailers
		.map(([name, value]) => [name.trim().toLowerCase(), canonicalHeaderValue(value)] as const)
		.sort((a, b) => compare(a[0], b[0]))
		.map(([name, value]) => `${name}:${value}\n`)
		.join('');
}
