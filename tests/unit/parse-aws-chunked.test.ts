// The aws-chunked body reader: AWS's framing (hex size;chunk-signature=… CRLF data CRLF …, the final
// 0 chunk, trailers, x-amz-trailer-signature), pastes that lost their CRs, and errors with a line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAwsChunkedBody } from '../../src/lib/parse/index.ts';

const SIG = (c: string) => c.repeat(64);

describe('parseAwsChunkedBody', () => {
	it('reads signed chunks, the final chunk, trailers and the trailer signature', () => {
		const body = `5;chunk-signature=${SIG('a')}\r\nhello\r\n3;chunk-signature=${SIG('b')}\r\n\r\nx\r\n0;chunk-signature=${SIG('c')}\r\nx-amz-checksum-crc32:NhCmhg==\r\nx-amz-trailer-signature:${SIG('d')}\r\n\r\n`;
		const p = parseAwsChunkedBody(body);
		expect(p.errors).toEqual([]);
		expect(p.chunks.map((c) => [c.size, c.signature, new TextDecoder().decode(c.data), c.line])).toEqual([
			[5, SIG('a'), 'hello', 1],
			[3, SIG('b'), '\r\nx', 3],
			[0, SIG('c'), '', 6]
		]);
		expect(p.hasFinalChunk).toBe(true);
		expect(p.decodedLength).toBe(8);
		expect(p.trailers).toEqual([['x-amz-checksum-crc32', 'NhCmhg==']]);
		expect(p.trailerLines[0]!.line).toBe(7);
		expect(p.trailerSignature).toBe(SIG('d'));
		expect(p.trailerSignatureLine).toBe(8);
	});

	it('reads unsigned chunks and a paste whose line breaks lost their CR', () => {
		const p = parseAwsChunkedBody('5\nhello\n0\nx-amz-checksum-crc32:NhCmhg==\n\n');
		expect(p.errors).toEqual([]);
		expect(p.chunks.map((c) => [c.size, c.signature])).toEqual([
			[5, undefined],
			[0, undefined]
		]);
		expect(p.trailers).toEqual([['x-amz-checksum-crc32', 'NhCmhg==']]);
	});

	it('measures a wrong size against the next chunk header', () => {
		const p = parseAwsChunkedBody(`4;chunk-signature=${SIG('a')}\r\nhello\r\n0;chunk-signature=${SIG('c')}\r\n\r\n`);
		expect(p.errors).toEqual([]);
		expect(p.chunks[0]).toMatchObject({ size: 4, actualSize: 5 });
		expect(p.hasFinalChunk).toBe(true);
	});

	it('a body that stops after data has no final chunk', () => {
		const p = parseAwsChunkedBody(`5;chunk-signature=${SIG('a')}\r\nhello\r\n`);
		expect(p.errors).toEqual([]);
		expect(p.hasFinalChunk).toBe(false);
	});

	it('errors name the line and what to write', () => {
		const notHex = parseAwsChunkedBody(`5;chunk-signature=${SIG('a')}\r\nhello\r\nzz;chunk-signature=x\r\n`);
		expect(notHex.errors).toEqual([expect.objectContaining({ line: 3, column: 1 })]);
		expect(notHex.errors[0]!.message).toContain('Chunk 2');
		const short = parseAwsChunkedBody('\r\n'.slice(2) + 'ff\r\nabc');
		expect(short.errors[0]).toMatchObject({ line: 1 });
		expect(short.errors[0]!.message).toContain('declares 255 bytes (0xff) but only 3 follow');
		const trailer = parseAwsChunkedBody('0\r\nno colon here\r\n\r\n');
		expect(trailer.errors).toEqual([expect.objectContaining({ line: 2 })]);
	});

	it('takes bytes as well as text', () => {
		const p = parseAwsChunkedBody(new Uint8Array([0x32, 0x0d, 0x0a, 0xff, 0x00, 0x0d, 0x0a, 0x30, 0x0d, 0x0a, 0x0d, 0x0a]));
		expect(p.errors).toEqual([]);
		expect([...p.chunks[0]!.data]).toEqual([0xff, 0x00]);
	});
});

describe('parseAwsChunkedBody on any input', () => {
	const token = fc.constantFrom(
		'0',
		'5',
		'ff',
		'10000',
		';chunk-signature=',
		'a'.repeat(64),
		'\r\n',
		'\n',
		'\r',
		'hello',
		':',
		'x-amz-trailer-signature',
		' ',
		'é',
		'\u0000'
	);
	it('never throws; errors point at a line; the data read adds up', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.array(token, { maxLength: 40 }).map((t) => t.join('')),
					fc.uint8Array({ maxLength: 300 })
				),
				(input) => {
					const p = parseAwsChunkedBody(input);
					for (const e of p.errors) {
						expect(e.line).toBeGreaterThanOrEqual(1);
						expect(e.column).toBeGreaterThanOrEqual(1);
					}
					expect(p.decodedLength).toBe(p.chunks.reduce((n, c) => n + c.data.length, 0));
					expect(p.hasFinalChunk).toBe(p.chunks.at(-1)?.size === 0);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
