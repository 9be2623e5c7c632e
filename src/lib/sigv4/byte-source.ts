import { utf8Bytes } from './encoding.ts';

/** What a Blob or File offers: its size and a slice read on demand, so a 5 GB body is never held whole. */
export interface BlobLike {
	readonly size: number;
	slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

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

/** The source in blocks of `blockSize` bytes (the last shorter), each read while the caller works on the one before. */
export async function* readBlocks(
	source: Uint8Array | BlobLike,
	blockSize: number,
	signal?: AbortSignal
): AsyncGenerator<{ offset: number; bytes: Uint8Array }> {
	const total = sourceSize(source);
	let offset = 0;
	let next = total > 0 ? readRange(source, 0, Math.min(blockSize, total)) : undefined;
	next?.catch(() => undefined);
	while (next) {
		const bytes = await next;
		signal?.throwIfAborted();
		const start = offset;
		offset += bytes.length;
		if (bytes.length === 0) throw new Error('The body source returned no bytes before its end.');
		next = offset < total ? readRange(source, offset, Math.min(offset + blockSize, total)) : undefined;
		// A caller that stops early never awaits the read ahead: its failure must not go unhandled.
		next?.catch(() => undefined);
		yield { offset: start, bytes };
	}
}
