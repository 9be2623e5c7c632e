// aws-chunked mode of the page: the case's request signed as AWS's documented streaming example
// (seed and chunk signatures from tests/unit/chunked-upload.test.ts), the chunk size checked, and a
// file body chunked from the bytes the page holds, never from a link's hash alone.
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_CASE, exampleCase, importPaste, readCase, type Case } from '../../src/lib/case/index.ts';
import { captured } from './diagnose-chunked-cases.ts';
import { sha256OfBlob } from '../../src/lib/case/hash-blob.ts';
import type { ChunkedSigner } from '../../src/lib/case/analyze-chunked.ts';
import { deserializeError, serializeError } from '../../src/lib/case/serialized-error.ts';
import { signChunkedUpload, type BlobLike } from '../../src/lib/sigv4/index.ts';

const AWS_EXAMPLE: Case = {
	...structuredClone(DEFAULT_CASE),
	mode: 'chunked',
	requestText: `PUT /examplebucket/chunkObject.txt HTTP/1.1\nHost: s3.amazonaws.com\nx-amz-storage-class: REDUCED_REDUNDANCY\n\n${'a'.repeat(66560)}`
} as Case;

describe('aws-chunked mode', () => {
	it("signs AWS's streaming example: seed, both data chunks and the final one", async () => {
		const a = await analyze(AWS_EXAMPLE);
		expect(a.error).toBeUndefined();
		expect(a.trace!.signature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9');
		expect(a.view!.canonicalRequest.split('\n').at(-1)).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
		expect(a.chunked!.trace.chunks.map((c) => c.signature)).toEqual([
			'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
			'0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
			'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'
		]);
		expect(a.chunked!.framedStart.startsWith('10000;chunk-signature=ad80c730a21e5b8d')).toBe(true);
	});

	it('adds a checksum trailer and its signature for the trailer variant', async () => {
		const a = await analyze({ ...AWS_EXAMPLE, chunked: { variant: 'signed-trailer', chunkSize: '65536', checksum: 'crc32c' } });
		expect(a.trace!.canonicalRequest.split('\n').at(-1)).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER');
		expect(a.chunked!.trace.trailer!.canonicalTrailers).toMatch(/^x-amz-checksum-crc32c:[A-Za-z0-9+/]{6}==\n$/);
		expect(a.chunked!.trace.trailer!.signature).toMatch(/^[0-9a-f]{64}$/);
	});

	it('refuses a chunk size under 8 KiB, pointed at its field', async () => {
		const a = await analyze({ ...AWS_EXAMPLE, chunked: { ...AWS_EXAMPLE.chunked, chunkSize: '4096' } });
		expect(a.error).toMatchObject({ field: 'chunkSize', message: expect.stringContaining('at least 8192') });
	});

	it('chunks a file body from the bytes the page holds, and says when it holds none', async () => {
		const file = new Blob(['a'.repeat(66560)]);
		const bodyFile = { name: 'chunkObject.txt', size: file.size, sha256: await sha256OfBlob(file) };
		const c = { ...AWS_EXAMPLE, requestText: AWS_EXAMPLE.requestText.replace(/a+$/, 'not this body'), bodyFile };
		const withFile = await analyze(c, { file });
		expect(withFile.trace!.signature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9');
		expect(withFile.chunked!.trace.chunks[1]!.signature).toBe('0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497');
		expect((await analyze(c)).error).toMatchObject({
			field: 'request',
			message: expect.stringContaining('chunkObject.txt is not in this page')
		});
	});

	it("signs a file body with the page's signer (its worker), and an error that crossed postMessage still points at its input", async () => {
		const file = new Blob(['a'.repeat(66560)]);
		const bodyFile = { name: 'chunkObject.txt', size: file.size, sha256: await sha256OfBlob(file) };
		const c = { ...AWS_EXAMPLE, requestText: AWS_EXAMPLE.requestText.replace(/a+$/, ''), bodyFile };
		const sources: (BlobLike | undefined)[] = [];
		// What the worker does, with postMessage's structured clone on the way back.
		const inWorker: ChunkedSigner = async (request, params) => {
			sources.push(params.source as BlobLike);
			try {
				return structuredClone(await signChunkedUpload(request, params));
			} catch (e) {
				throw deserializeError(structuredClone(serializeError(e)));
			}
		};
		const signed = await analyze(c, { file, signChunked: inWorker });
		expect(sources).toEqual([file]);
		expect(signed.chunked!.trace.chunks[1]!.signature).toBe('0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497');
		const tooLarge = await analyze({ ...c, chunked: { ...c.chunked, chunkSize: String(128 << 20) } }, { file, signChunked: inWorker });
		expect(tooLarge.error).toMatchObject({
			field: 'chunkSize',
			message: expect.stringContaining('64 MiB'),
			fix: expect.stringContaining('65536')
		});
		expect(deserializeError(serializeError(Object.assign(new Error('gone'), { name: 'NotReadableError' })))).toMatchObject({
			name: 'NotReadableError',
			message: 'gone'
		});
	});

	it('goes through a link with its mode and chunked inputs', () => {
		const chunked = { variant: 'unsigned-trailer', chunkSize: '8192', checksum: 'sha256' };
		expect(readCase({ mode: 'chunked', chunked })).toMatchObject({ case: { mode: 'chunked', chunked } });
		expect(readCase({ chunked: { variant: 'other' } })).toMatchObject({ problem: expect.stringContaining('chunked.variant') });
	});
});

describe('a pasted aws-chunked upload', () => {
	async function pasted(tamper: (body: string) => string) {
		const c = await captured();
		const body = tamper(c.body.replace(/\r\n/g, '\n'));
		const raw = `PUT /examplebucket/chunkObject.txt HTTP/1.1\n${c.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${body}`;
		return analyze(importPaste(exampleCase(), raw, {}).case);
	}

	it('finds nothing in a correct upload', async () => {
		expect((await pasted((b) => b)).findings).toEqual([]);
	});

	it('names the first chunk whose data changed after signing', async () => {
		const a = await pasted((b) => {
			const at = b.indexOf('400;chunk-signature=') + 100;
			return b.slice(0, at) + 'b' + b.slice(at + 1);
		});
		expect(a.findings.map((f) => f.code)).toContain('chunk-signature-mismatch');
		expect(a.findings.find((f) => f.code === 'chunk-signature-mismatch')!.message).toMatch(
			/^Chunk 2 \(line \d+ of the body, 1024 bytes\) is the first whose signature breaks/
		);
	});
});
