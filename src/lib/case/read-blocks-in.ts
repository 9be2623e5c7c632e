import { SHORT_READ, type BlobLike, type BlockReader } from '../sigv4/index.ts';

/** To blob-read-worker.ts: the Blob and how many blocks may be read ahead, then one more for each block taken. */
export type BlobReadRequest = { blob: Blob; blockSize: number; blocks: number } | { more: true };
/** From it: a block (transferred) with its offset, or why the file could not be read. */
export type BlobReadReply = { at: number; bytes: ArrayBuffer } | { error: string; name: string };

/** The part of a Worker used here, so tests can stand in for one. */
export interface ReaderWorker {
	postMessage(message: BlobReadRequest): void;
	onmessage: ((event: MessageEvent<BlobReadReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

/** The reading worker could not run (not loaded, offline before first use, refused by a policy): read here instead. */
export class ReaderWorkerFailed extends Error {
	override name = 'ReaderWorkerFailed';
}

/**
 * A Blob's blocks in order, read by `worker` (blob-read-worker.ts): `ahead` more are read while the
 * caller works on one, as with `readBlocks`, but on another thread.
 */
export async function* readBlocksIn(
	worker: ReaderWorker,
	blob: BlobLike,
	blockSize: number,
	signal?: AbortSignal,
	ahead = 4
): AsyncGenerator<{ offset: number; bytes: Uint8Array }> {
	const arrived = new Map<number, ArrayBuffer>();
	let failed: Error | undefined;
	let wake: (() => void) | undefined;
	const woken = () => {
		const w = wake;
		wake = undefined;
		w?.();
	};
	worker.onmessage = (event) => {
		const reply = event.data;
		if ('error' in reply) failed ??= Object.assign(new Error(reply.error), { name: reply.name });
		else arrived.set(reply.at, reply.bytes);
		woken();
	};
	worker.onerror = (event) => {
		event.preventDefault();
		failed ??= new ReaderWorkerFailed(event.message || 'the reading worker did not start');
		woken();
	};
	worker.postMessage({ blob: blob as Blob, blockSize, blocks: ahead + 1 });
	for (let offset = 0; offset < blob.size; offset += blockSize) {
		while (!arrived.has(offset)) {
			if (failed) throw failed;
			await new Promise<void>((resolve) => (wake = resolve));
			signal?.throwIfAborted();
		}
		const bytes = new Uint8Array(arrived.get(offset)!);
		arrived.delete(offset);
		if (bytes.length !== Math.min(blockSize, blob.size - offset)) throw new Error(SHORT_READ);
		worker.postMessage({ more: true });
		yield { offset, bytes };
	}
}

/**
 * Runs `work` with its blocks read in a worker of this worker's own (blob-read-worker.ts): a Blob read
 * copies the bytes on the thread that asked, and waits while that thread hashes, so reading elsewhere
 * leaves this thread to hash and sign (scripts/bench-chunked.mjs). Where that worker cannot run,
 * `work` gets no reader and reads on this thread.
 */
export async function withReaderWorker<T>(work: (read?: BlockReader) => Promise<T>, ahead = 4): Promise<T> {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./blob-read-worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return work();
	}
	try {
		return await work((blob, size, signal) => readBlocksIn(worker, blob, size, signal, ahead));
	} catch (e) {
		if (!(e instanceof ReaderWorkerFailed)) throw e;
		return work();
	} finally {
		worker.terminate();
	}
}
