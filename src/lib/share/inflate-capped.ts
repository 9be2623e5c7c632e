import { COMPRESSION_FORMAT, concat } from './deflate.ts';

/**
 * Input goes in slices this small because deflate expands at most about 1,032 times: a slice
 * unpacks to well under a megabyte, whatever a decompressor does with it before its output is
 * read and counted.
 */
const INPUT_SLICE = 256;

/**
 * Unpacks zlib data, stopping as soon as the output passes maxBytes, so a compression bomb (a
 * few kilobytes that unpack to gigabytes) costs no more than the cap. 'damaged' covers data that
 * ends too early, fails its checksum or is not zlib at all: all look the same to the user.
 */
export async function inflateCapped(
	bytes: Uint8Array<ArrayBuffer>,
	maxBytes: number
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { error: 'too-large' | 'damaged' }> {
	let stream: DecompressionStream;
	try {
		stream = new DecompressionStream(COMPRESSION_FORMAT);
	} catch {
		return { error: 'damaged' };
	}
	const writer = stream.writable.getWriter();
	const reader = stream.readable.getReader();
	const feeding = (async () => {
		for (let i = 0; i < bytes.length; i += INPUT_SLICE) await writer.write(bytes.subarray(i, i + INPUT_SLICE));
		await writer.close();
	})();
	// A failed write also errors the readable side, where it is reported; this only keeps the
	// rejection from going unhandled.
	feeding.catch(() => {});

	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (let r = await reader.read(); !r.done; r = await reader.read()) {
			total += r.value.byteLength;
			if (total > maxBytes) {
				await reader.cancel().catch(() => {});
				await writer.abort().catch(() => {});
				return { error: 'too-large' };
			}
			chunks.push(r.value);
		}
		await feeding;
	} catch {
		return { error: 'damaged' };
	}
	return { bytes: concat(chunks) };
}
