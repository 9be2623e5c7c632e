import { sha256 } from '@noble/hashes/sha2.js';
import { createSHA256 } from 'hash-wasm';
import { readBlocks, toHex, type BlobLike, type BlockReader } from '../sigv4/index.ts';

export { bodyFileProblem, MAX_BODY_FILE_BYTES } from './body-file-problem.ts';

/** Read and hashed at once: a Blob read costs per call, so large blocks read fastest (scripts/bench-chunked.mjs). */
export const HASH_BLOCK_BYTES = 8 << 20;
/** Blocks read ahead while one is hashed: reads go on beside the hashing, several at once read faster than one, and memory stays at five blocks. */
export const READ_AHEAD = 4;

export interface HashOptions {
	onProgress?: (bytesDone: number, total: number) => void;
	signal?: AbortSignal;
	blockSize?: number;
	/** Where the blocks are read: here by default. */
	read?: BlockReader;
}

/** A SHA-256 fed in pieces. */
export interface Sha256Stream {
	/** hash-wasm's WebAssembly, or noble's JavaScript where WebAssembly may not compile. */
	engine: 'wasm' | 'js';
	update(bytes: Uint8Array): void;
	hex(): string;
}

/**
 * hash-wasm's SHA-256 (WebAssembly, a few times noble's speed on large files); noble's where the
 * page's policy or the runtime refuses to compile WebAssembly, so a file is hashed either way.
 */
export async function sha256Stream(): Promise<Sha256Stream> {
	try {
		const wasm = await createSHA256();
		wasm.init();
		return { engine: 'wasm', update: (bytes) => void wasm.update(bytes), hex: () => wasm.digest('hex') };
	} catch {
		const js = sha256.create();
		return { engine: 'js', update: (bytes) => void js.update(bytes), hex: () => toHex(js.digest()) };
	}
}

/**
 * The hex SHA-256 of a Blob or File, read in blocks (the next ones are read while one is hashed), so
 * memory stays at a few blocks whatever the file's size.
 */
export async function sha256OfBlob(blob: BlobLike, opts: HashOptions = {}): Promise<string> {
	const hash = await sha256Stream();
	const read = opts.read ?? ((b, size, signal) => readBlocks(b, size, signal, READ_AHEAD));
	for await (const { offset, bytes } of read(blob, opts.blockSize ?? HASH_BLOCK_BYTES, opts.signal)) {
		hash.update(bytes);
		opts.onProgress?.(offset + bytes.length, blob.size);
	}
	return hash.hex();
}
