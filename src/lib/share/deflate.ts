/**
 * zlib ('deflate'): raw deflate plus a 2-byte header and an Adler-32 checksum of the data, 8
 * characters more than 'deflate-raw' in a link and 16 fewer than 'gzip'. The checksum is what
 * tells a cut or altered link from a good one, instead of opening a different case.
 * CompressionStream has it in every browser the page supports and in Node 18+.
 */
export const COMPRESSION_FORMAT: CompressionFormat = 'deflate';

export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new CompressionStream(COMPRESSION_FORMAT);
	const writer = stream.writable.getWriter();
	// Not awaited before reading: the stream only takes more input once its output is read.
	const writing = writer.write(bytes).then(() => writer.close());
	writing.catch(() => {});
	const chunks: Uint8Array[] = [];
	const reader = stream.readable.getReader();
	for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
	await writing;
	return concat(chunks);
}

export function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}
