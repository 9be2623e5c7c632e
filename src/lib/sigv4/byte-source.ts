import { utf8Bytes } from './encoding.ts';

/** What a Blob or File offers: its size and a slice read on demand, so a 5 GB body is never held whole. */
export interface BlobLike {
	readonly size: number;
	slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A body read back shorter than its size: a file changed on disk after it was chosen. */
export const SHORT_READ = 'The body returned fewer bytes than its size: the file changed while it was read. Choose it again.';

/** A Blob's blocks in order: `readBlocks` reads them on this thread; a worker may pass one that reads on another. */
export type BlockReader = (
	source: BlobLike,
	blockSize: number,
	signal?: AbortSignal
) => AsyncIterable<{ offset: number; bytes: Uint8Array }>;

/** A body: text (sent as UTF-8), bytes, or a Blob-like source read piece by piece. */
export type ByteSource = string | Uint8Array | BlobLike;

export function isBlobLike(source: unknown): source is BlobLike {
	return (
		typeof source === 'object' &&
		source !== null &&
		!(source instanceof Uint8Array) &&
		typeof (source as BlobLike).size === 'number' &&
		typeof (source as BlobLike).slice === 'function'
	);
}

/** Bytes and Blob-likes as they are; text as its UTF-8 bytes. */
export function asReadable(source: ByteSource | undefined): Uint8Array | BlobLike {
	if (source === undefined) return new Uint8Array(0);
	return typeof source === 'string' ? utf8Bytes(source) : source;
}

export function sourceSize(source: Uint8Array | BlobLike): number {
	return source instanceof Uint8Array ? source.length : source.size;
}

/** Bytes [start, end) of the source: a view for bytes, one read for a Blob-like. */
export async function readRange(source: Uint8Array | BlobLike, start: number, end: number): Promise<Uint8Array> {
	if (source instanceof Uint8Array) return source.subarray(start, end);
	return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

/**
 * The source in blocks of `blockSize` bytes (the last shorter). `ahead` blocks are read while the
 * caller works on one: a Blob's reads run beside the hashing, and several reads under way are
 * faster than one (scripts/bench-chunked.mjs); memory stays at `ahead + 1` blocks.
 */
export async function* readBlocks(
	source: Uint8Array | BlobLike,
	blockSize: number,
	signal?: AbortSignal,
	ahead = 4
): AsyncGenerator<{ offset: number; bytes: Uint8Array }> {
	const total = sourceSize(source);
	const reads: { size: number; bytes: Promise<Uint8Array> }[] = [];
	let asked = 0;
	const fill = (count: number) => {
		while (reads.length < count && asked < total) {
			const end = Math.min(asked + blockSize, total);
			const bytes = readRange(source, asked, end);
			// A caller that stops early never awaits the reads ahead: their failure must not go unhandled.
			bytes.catch(() => undefined);
			reads.push({ size: end - asked, bytes });
			asked = end;
		}
	};
	for (let offset = 0; ;) {
		fill(ahead + 1);
		const next = reads.shift();
		if (!next) return;
		const bytes = await next.bytes;
		signal?.throwIfAborted();
		if (bytes.length !== next.size) throw new Error(SHORT_READ);
		fill(ahead);
		yield { offset, bytes };
		offset += next.size;
	}
}
