/**
 * Module Web Worker: reads a Blob's blocks for the hash worker and transfers each one. A Blob read
 * copies its bytes into memory on the thread that asked for it; done here, the hash worker's thread
 * is left for hashing alone, and the reads go on while it hashes (scripts/bench-chunked.mjs).
 * Started by hash-worker.ts, ended with it. The protocol is in read-blocks-in.ts.
 */
import type { BlobReadReply, BlobReadRequest } from './read-blocks-in.ts';

interface WorkerScope {
	onmessage: ((event: MessageEvent<BlobReadRequest>) => void) | null;
	postMessage(message: BlobReadReply, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let blob: Blob | undefined;
let blockSize = 0;
let asked = 0;
// Blocks the hashing side may still take: memory stays at that many blocks, whatever the file's size.
let credit = 0;

scope.onmessage = (event) => {
	const message = event.data;
	if ('blob' in message) {
		({ blob, blockSize } = message);
		credit = message.blocks;
	} else credit += 1;
	for (; blob && credit > 0 && asked < blob.size; credit--) {
		const at = asked;
		asked = Math.min(asked + blockSize, blob.size);
		blob
			.slice(at, asked)
			.arrayBuffer()
			.then(
				(bytes) => scope.postMessage({ at, bytes }, [bytes]),
				(e: unknown) =>
					scope.postMessage({ error: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' })
			);
	}
};
