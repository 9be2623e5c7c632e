// Reading a file in a worker of the hashing worker's own (blob-read-worker.ts, driven by readBlocksIn):
// the blocks come back whole and in order, memory stays at a few blocks, read errors keep their name,
// and where that worker cannot run the same work reads on its own thread.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256OfBlob } from '../../src/lib/case/hash-blob.ts';
import { signChunkedUpload } from '../../src/lib/sigv4/index.ts';
import {
	readBlocksIn,
	ReaderWorkerFailed,
	withReaderWorker,
	type BlobReadReply,
	type BlobReadRequest,
	type ReaderWorker
} from '../../src/lib/case/read-blocks-in.ts';

const BYTES = randomBytes(5 * 65536 + 1234);
const SHA = createHash('sha256').update(BYTES).digest('hex');

/** The real blob-read-worker.ts, run on this thread behind a Worker-shaped object: what it posts goes to `onmessage`, shuffled when asked. */
async function readerWorker(opts: { shuffle?: boolean } = {}) {
	vi.resetModules();
	const posted: { at: number; bytes: ArrayBuffer }[] = [];
	const stats = { granted: 0, taken: 0, mostOutstanding: 0 };
	const reader: ReaderWorker = { onmessage: null, onerror: null, postMessage: () => undefined };
	const scope = globalThis as unknown as { onmessage: ((e: { data: BlobReadRequest }) => void) | null };
	vi.stubGlobal('onmessage', null);
	let held: BlobReadReply[] = [];
	const deliver = (reply: BlobReadReply) => reader.onmessage?.({ data: reply } as MessageEvent<BlobReadReply>);
	vi.stubGlobal('postMessage', (reply: BlobReadReply) => {
		if ('at' in reply) {
			posted.push(reply);
			stats.mostOutstanding = Math.max(stats.mostOutstanding, posted.length - stats.taken);
		}
		if (!opts.shuffle) return void queueMicrotask(() => deliver(reply));
		// Two replies at a time, the later first: the reader must put them back in order.
		held.push(reply);
		if (held.length === 2) {
			const [a, b] = held;
			held = [];
			queueMicrotask(() => (deliver(b!), deliver(a!)));
		} else setTimeout(() => held.length && (deliver(held[0]!), (held = [])), 5);
	});
	await import('../../src/lib/case/blob-read-worker.ts');
	const onmessage = scope.onmessage!;
	reader.postMessage = (message) => {
		if ('more' in message) stats.taken++;
		else stats.granted = message.blocks;
		onmessage({ data: message });
	};
	return { reader, stats };
}

afterEach(() => vi.unstubAllGlobals());

describe('readBlocksIn with blob-read-worker.ts', () => {
	it('gives every block in order, as the file holds them, with at most `ahead + 1` read and not yet taken', async () => {
		const { reader, stats } = await readerWorker({ shuffle: true });
		const seen: number[] = [];
		const hash = await sha256OfBlob(new Blob([BYTES]), {
			blockSize: 65536,
			read: (blob, size, signal) => readBlocksIn(reader, blob, size, signal, 2),
			onProgress: (done) => seen.push(done)
		});
		expect(hash).toBe(SHA);
		expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => n * 65536).concat(BYTES.length));
		expect(stats.granted).toBe(3);
		expect(stats.taken).toBe(6);
		expect(stats.mostOutstanding).toBeLessThanOrEqual(3);
	});

	it("passes on a read's failure with its name, and a worker that did not start as ReaderWorkerFailed", async () => {
		const failing: ReaderWorker = {
			onmessage: null,
			onerror: null,
			postMessage(message) {
				if ('blob' in message)
					queueMicrotask(() =>
						this.onmessage?.({ data: { error: 'The file could not be read.', name: 'NotReadableError' } } as MessageEvent<BlobReadReply>)
					);
			}
		};
		const read = readBlocksIn(failing, new Blob([BYTES]), 65536);
		await expect(read.next()).rejects.toMatchObject({ name: 'NotReadableError', message: 'The file could not be read.' });

		const dead: ReaderWorker = {
			onmessage: null,
			onerror: null,
			postMessage() {
				queueMicrotask(() => this.onerror?.(Object.assign(new Event('error'), { message: '' }) as ErrorEvent));
			}
		};
		await expect(readBlocksIn(dead, new Blob([BYTES]), 65536).next()).rejects.toBeInstanceOf(ReaderWorkerFailed);
	});

	it('refuses a block shorter than asked: the file changed while it was read', async () => {
		const short: ReaderWorker = {
			onmessage: null,
			onerror: null,
			postMessage(message) {
				if ('blob' in message)
					queueMicrotask(() => this.onmessage?.({ data: { at: 0, bytes: new ArrayBuffer(10) } } as MessageEvent<BlobReadReply>));
			}
		};
		await expect(readBlocksIn(short, new Blob([BYTES]), 65536).next()).rejects.toThrow(/changed while it was read/);
	});
});

describe('aws-chunked signing with its blocks read in that worker', () => {
	it("gives AWS's streaming example's signatures, with every block taken through the reader", async () => {
		const { reader, stats } = await readerWorker({ shuffle: true });
		const request = {
			method: 'PUT',
			url: 'https://s3.amazonaws.com/examplebucket/chunkObject.txt',
			headers: [['x-amz-storage-class', 'REDUCED_REDUNDANCY']] as [string, string][]
		};
		const trace = await signChunkedUpload(request, {
			credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
			region: 'us-east-1',
			service: 's3',
			datetime: '20130524T000000Z',
			chunkSize: 65536,
			variant: 'signed',
			source: new Blob([new Uint8Array(66560).fill(0x61)]),
			readBlocks: (source, size, signal) => readBlocksIn(reader, source, size, signal, 2)
		});
		expect(trace.signature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9');
		expect(trace.chunks.map((c) => c.signature!.slice(0, 8))).toEqual(['ad80c730', '0055627c', 'b6c6ea8a']);
		expect(stats.taken).toBeGreaterThan(0);
	});
});

describe('withReaderWorker', () => {
	it('gives the work no reader where there are no workers (it reads on its own thread)', async () => {
		vi.stubGlobal('Worker', undefined);
		const reads: unknown[] = [];
		expect(await withReaderWorker(async (read) => (reads.push(read), sha256OfBlob(new Blob([BYTES]), { read })))).toBe(SHA);
		expect(reads).toEqual([undefined]);
	});

	it('starts the work again on its own thread when the reading worker fails to start, and ends that worker', async () => {
		const ended: string[] = [];
		class DeadWorker {
			onmessage = null;
			onerror: ((e: ErrorEvent) => void) | null = null;
			constructor(readonly url: URL) {}
			postMessage() {
				queueMicrotask(() => this.onerror?.(Object.assign(new Event('error'), { message: 'offline' }) as ErrorEvent));
			}
			terminate() {
				ended.push(String(this.url));
			}
		}
		vi.stubGlobal('Worker', DeadWorker);
		const reads: unknown[] = [];
		const hash = await withReaderWorker(async (read) => (reads.push(read), sha256OfBlob(new Blob([BYTES]), { read })));
		expect(hash).toBe(SHA);
		expect(reads).toHaveLength(2);
		expect(typeof reads[0]).toBe('function');
		expect(reads[1]).toBeUndefined();
		expect(ended).toEqual([expect.stringMatching(/blob-read-worker\.ts$/)]);
	});
});
