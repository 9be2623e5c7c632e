// A file as the body: hashed in blocks (as node:crypto hashes it whole), its hash signed as the payload,
// and a case that names it travels through a link and a file as { name, size, sha256 } only.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { analyze, DEFAULT_CASE, readCase, type Case } from '../../src/lib/case/index.ts';
import { bodyFileProblem, MAX_BODY_FILE_BYTES, sha256OfBlob, sha256Stream } from '../../src/lib/case/hash-blob.ts';
import { caseFromJson, caseToJson, decodeCase, encodeCase, outgoingCase } from '../../src/lib/share/index.ts';
import { BodyFileHasher } from '../../src/lib/state/body-file.svelte.ts';
import { EMPTY_SHA256 } from '../../src/lib/sigv4/index.ts';

const BYTES = randomBytes(3 * 1024 * 1024 + 17);
const SHA = createHash('sha256').update(BYTES).digest('hex');
const FILE = { name: 'photo.jpg', size: BYTES.length, sha256: SHA };
const PUT = 'PUT /photo.jpg HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\nthe text body, not signed while a file is the body';

describe('sha256OfBlob', () => {
	it('is the SHA-256 of the whole, read in blocks of any size, with progress up to the size', async () => {
		const seen: number[] = [];
		const hash = await sha256OfBlob(new Blob([BYTES]), { blockSize: 1_000_003, onProgress: (done) => seen.push(done) });
		expect(hash).toBe(SHA);
		expect(seen).toEqual([1_000_003, 2_000_006, 3_000_009, BYTES.length]);
		expect(await sha256OfBlob(new Blob([]))).toBe(EMPTY_SHA256);
	});

	it("hashes with hash-wasm's WebAssembly, and with noble's JavaScript where WebAssembly may not compile", async () => {
		expect((await sha256Stream()).engine).toBe('wasm');
		vi.resetModules();
		vi.doMock('hash-wasm', () => ({ createSHA256: () => Promise.reject(new Error('WebAssembly.compile(): refused by the policy')) }));
		try {
			const blocked = await import('../../src/lib/case/hash-blob.ts');
			expect((await blocked.sha256Stream()).engine).toBe('js');
			expect(await blocked.sha256OfBlob(new Blob([BYTES]), { blockSize: 1_000_003 })).toBe(SHA);
		} finally {
			vi.doUnmock('hash-wasm');
		}
	});

	it('refuses a file that returns fewer bytes than its size', async () => {
		const shrunk = { size: 10, slice: (start: number) => new Blob([new Uint8Array(start === 0 ? 4 : 0)]) };
		await expect(sha256OfBlob(shrunk, { blockSize: 5 })).rejects.toThrow(/changed while it was read/);
	});

	it('stops when cancelled', async () => {
		const abort = new AbortController();
		const done = sha256OfBlob(new Blob([BYTES]), { blockSize: 65536, signal: abort.signal, onProgress: () => abort.abort() });
		await expect(done).rejects.toThrow(/abort/i);
	});

	it('refuses a file over 5 GB before reading it', () => {
		expect(bodyFileProblem(MAX_BODY_FILE_BYTES)).toBeUndefined();
		expect(bodyFileProblem(MAX_BODY_FILE_BYTES + 1)).toMatch(/up to 5 GB/);
	});
});

describe('BodyFileHasher', () => {
	it('gives the case the name, size and hash, and keeps the File in the page', async () => {
		const hasher = new BodyFileHasher();
		const file = new File([BYTES], 'photo.jpg');
		let kept: unknown;
		await hasher.choose(file, (body) => (kept = body));
		expect(kept).toStrictEqual(FILE);
		expect(hasher.file).toBe(file);
		expect(hasher.status).toBe('idle');
	});

	it('says a file is too large, and that a file that cannot be read must be chosen again', async () => {
		const hasher = new BodyFileHasher();
		const huge = { name: 'huge.bin', size: MAX_BODY_FILE_BYTES + 1, slice: () => new Blob([]) } as unknown as File;
		await hasher.choose(huge, () => expect.unreachable());
		expect(hasher).toMatchObject({ status: 'error', error: expect.stringMatching(/5 GB/) });
		const gone = {
			name: 'gone.bin',
			size: 10,
			slice: () => ({ arrayBuffer: () => Promise.reject(Object.assign(new Error('x'), { name: 'NotReadableError' })) })
		} as unknown as File;
		await hasher.choose(gone, () => expect.unreachable());
		expect(hasher).toMatchObject({ status: 'error', error: expect.stringMatching(/moved, changed or removed.*Choose it again/) });
	});
});

describe('a case with a file body', () => {
	const c: Case = { ...structuredClone(DEFAULT_CASE), requestText: PUT, bodyFile: FILE } as Case;

	it("signs the file's hash: the payload line and x-amz-content-sha256", async () => {
		const { trace } = await analyze(c);
		expect(trace!.canonicalRequest.split('\n').at(-1)).toBe(SHA);
		expect(trace!.request.headers).toContainEqual(['x-amz-content-sha256', SHA]);
	});

	it('leaves a typed payload hash and UNSIGNED-PAYLOAD as they are', async () => {
		expect((await analyze({ ...c, payload: 'unsigned' })).trace!.payloadHash).toBe('UNSIGNED-PAYLOAD');
		expect((await analyze({ ...c, payloadHash: EMPTY_SHA256 })).trace!.payloadHash).toBe(EMPTY_SHA256);
	});

	it('goes through a link and a file as its name, size and hash, whatever else the page held', async () => {
		const held = { ...c, bodyFile: { ...FILE, bytes: new Uint8Array(BYTES.subarray(0, 4096)), file: new Blob([BYTES]) } };
		expect(outgoingCase(held, false).case.bodyFile).toStrictEqual(FILE);
		const fragment = await encodeCase(held, { includeSecrets: false });
		// 4 KB of random bytes do not compress: a link that carried them would be longer than this.
		expect(fragment.length).toBeLessThan(600);
		const opened = await decodeCase(`#${fragment}`);
		expect('case' in opened && opened.case.bodyFile).toStrictEqual(FILE);
		const fromFile = caseFromJson(caseToJson(held, { includeSecrets: false }));
		expect('case' in fromFile && fromFile.case.bodyFile).toStrictEqual(FILE);
	});

	it('refuses a link whose file hash is not 64 lowercase hex digits', () => {
		expect(readCase({ bodyFile: { ...FILE, sha256: SHA.toUpperCase() } })).toMatchObject({
			problem: expect.stringMatching(/bodyFile.sha256/)
		});
		expect(readCase({})).toStrictEqual({ case: expect.not.objectContaining({ bodyFile: expect.anything() }) });
	});
});
