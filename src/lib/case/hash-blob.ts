import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, type BlobLike } from '../sigv4/index.ts';

/** The largest file the page takes as a body: S3's limit for one PUT. */
export const MAX_BODY_FILE_BYTES = 5 * 1024 ** 3;
/** Read and hashed at once: large enough that reads are cheap, small enough that two in flight stay a few MB. */
export const HASH_BLOCK_BYTES = 4 << 20;

export interface HashOptions {
	onProgress?: (bytesDone: number, total: number) => void;
	signal?: AbortSignal;
	blockSize?: number;
}

/** Why a file cannot be the body, or undefined when the page takes it. */
export function bodyFileProblem(size: number): string | undefined {
	if (size <= MAX_BODY_FILE_BYTES) return undefined;
	return `The file is ${(size / 1024 ** 3).toFixed(2)} GB; a single PUT takes up to 5 GB (5,368,709,120 bytes). Larger objects go up in a multipart upload, each part signed on its own.`;
}

/**
 * The hex SHA-256 of a Blob or File, read in blocks with Blob.slice (the next block is read while
 * this one is hashed), so memory stays at two blocks whatever the file's size.
 */
export async function sha256OfBlob(blob: BlobLike, opts: HashOptions = {}): Promise<string> {
	const block = opts.blockSize ?? HASH_BLOCK_BYTES;
	const total = blob.size;
	const hash = sha256.create();
	const read = (start: number) => blob.slice(start, Math.min(start + block, total)).arrayBuffer();
	let next = total > 0 ? read(0) : undefined;
	for (let offset = 0; next;) {
		const bytes = new Uint8Array(await next);
		opts.signal?.throwIfAborted();
		if (bytes.length === 0) throw new Error('the file ended before its size');
		offset += bytes.length;
		next = offset < total ? read(offset) : undefined;
		// A cancelled hash never awaits the read ahead: its failure must not go unhandled.
		next?.catch(() => undefined);
		hash.update(bytes);
		opts.onProgress?.(offset, total);
	}
	return toHex(hash.digest());
}
