// Broken, foreign and hostile links give the right error with a message, and never throw:
// empty, cut, not base64, garbage, not JSON, the wrong shape, other versions, too large, a bomb.
import { constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	decodeCase,
	encodeCase,
	MAX_CASE_BYTES,
	MAX_FRAGMENT_LENGTH,
	type OpenedCase,
	type ShareLinkErrorCode
} from '../../src/lib/share/index.ts';
import { DEFAULT_CASE, type Case as ShareCase } from '../../src/lib/case/index.ts';
import { inflateCapped } from '../../src/lib/share/inflate-capped.ts';
import { HOSTILE_TEXTS, stripSecrets } from './share-case-arbitrary.ts';

const CODES: ShareLinkErrorCode[] = [
	'empty',
	'unknown-version',
	'future-version',
	'not-base64',
	'truncated',
	'too-large',
	'not-json',
	'bad-shape'
];

/** A link made by hand: any bytes, compressed as the page does. */
const link = (data: string | Uint8Array) => `#v1=${deflateSync(data).toString('base64url')}`;

async function errorOf(fragment: string): Promise<{ code: ShareLinkErrorCode; message: string }> {
	const opened: OpenedCase = await decodeCase(fragment);
	if (!('error' in opened)) throw new Error(`expected an error for ${fragment.slice(0, 80)}, got a case`);
	expect(CODES).toContain(opened.error.code);
	expect(opened.error.message.length).toBeGreaterThan(20);
	return opened.error;
}

const SAMPLE: ShareCase = {
	...DEFAULT_CASE,
	requestText: `PUT /a.txt HTTP/1.1\nHost: b.s3.amazonaws.com\nX-Note: ${HOSTILE_TEXTS.join(' ')}\n\nhello`,
	overrides: { signature: 'f'.repeat(64) },
	view: { optionsOpen: true, learnStep: 2 }
};

describe('broken share links', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('reports an empty link', async () => {
		for (const fragment of ['', '#', '  ', '#  ']) expect((await errorOf(fragment)).code).toBe('empty');
	});

	it('reports a link cut off at any point as truncated', async () => {
		const fragment = await encodeCase(SAMPLE, { includeSecrets: true });
		expect(fragment.length).toBeGreaterThan(200);
		for (const prefix of ['v', 'v1', 'v1=']) expect((await errorOf(`#${prefix}`)).code).toBe('truncated');
		for (let end = 'v1='.length + 1; end < fragment.length; end++) {
			const error = await errorOf(fragment.slice(0, end));
			expect(error.code, `cut at ${end} of ${fragment.length}`).toBe('truncated');
		}
	});

	it('reports characters that cannot be in a link, saying where', async () => {
		expect(await errorOf('#v1=!!!')).toMatchObject({ code: 'not-base64', message: expect.stringContaining('"!" (at position 4') });
		const good = await encodeCase(SAMPLE, { includeSecrets: false });
		for (const bad of [
			`${good})`,
			`${good}.`,
			`${good} `.replace(/ $/, '%20'),
			`${good}&x=1`,
			good.replace('v1=', 'v1=+/'),
			`${good.slice(0, 20)}<script>`
		]) {
			expect((await errorOf(bad)).code).toBe('not-base64');
		}
	});

	it('reports valid base64 of garbage as damaged', async () => {
		expect((await errorOf(`#v1=${Buffer.from('this is not compressed at all').toString('base64url')}`)).code).toBe('truncated');
		// Other compressed formats are not this page's format either.
		const json = JSON.stringify({ r: 'x' });
		expect((await errorOf(`#v1=${deflateRawSync(json).toString('base64url')}`)).code).toBe('truncated');
		expect((await errorOf(`#v1=${gzipSync(json).toString('base64url')}`)).code).toBe('truncated');
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
				expect((await errorOf(`v1=${Buffer.from(bytes).toString('base64url')}`)).code).toBe('truncated');
			}),
			{ numRuns: 300 }
		);
	});

	it('reports a link whose data was altered as damaged, not as another case', async () => {
		const fragment = await encodeCase(SAMPLE, { includeSecrets: false });
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		for (let at = 'v1='.length; at < fragment.length - 1; at += 7) {
			const swapped = alphabet[(alphabet.indexOf(fragment[at]!) + 1) % 64]!;
			const opened = await decodeCase(fragment.slice(0, at) + swapped + fragment.slice(at + 1));
			expect('error' in opened, `changed at ${at}`).toBe(true);
		}
	});

	it('reports compressed data that is not JSON', async () => {
		for (const data of ['hello <script>alert(1)</script>', '{"r": ', "{'r': 'x'}", '\u0000', new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])]) {
			expect((await errorOf(link(data))).code).toBe('not-json');
		}
	});

	it('reports JSON of the wrong shape, naming the field', async () => {
		const wrong: [unknown, string][] = [
			[[], 'the case'],
			['text', 'the case'],
			[null, 'the case'],
			[42, 'the case'],
			[{ r: 5 }, '"requestText"'],
			[{ a: null }, '"accessKeyId"'],
			[{ s: 123 }, '"secretAccessKey"'],
			[{ t: false }, '"sessionToken"'],
			[{ g: [] }, '"region"'],
			[{ v: {} }, '"service"'],
			[{ d: 20130524 }, '"datetime"'],
			[{ m: 'HEADER' }, '"mode"'],
			[{ e: 3600 }, '"expiresIn"'],
			[{ h: ['host'] }, '"signedHeaders"'],
			[{ p: 'UNSIGNED-PAYLOAD' }, '"payload"'],
			[{ u: true }, '"uriEscapePath"'],
			[{ n: 'yes' }, '"normalizePath"'],
			[{ c: null }, '"contentSha256Header"'],
			[{ o: 'x' }, '"overrides"'],
			[{ o: { signature: 1 } }, '"overrides.signature"'],
			[{ x: 1 }, '"pasteText"'],
			[{ pv: [] }, '"provided"'],
			[{ pv: { authorization: null } }, '"provided.authorization"'],
			[{ sv: 'x' }, '"server"'],
			[{ sv: { code: ['x'] } }, '"server.code"'],
			[{ sv: { fields: [] } }, '"server.fields"'],
			[{ sv: { fields: { 'x-amz-date': 1 } } }, '"server.fields["x-amz-date"]"'],
			[{ f: {} }, '"form"'],
			[{ f: [['a']] }, '"form[0]"'],
			[{ f: [['a', 'b', 'c']] }, '"form[0]"'],
			[
				{
					f: [
						['a', 'b'],
						['c', 1]
					]
				},
				'"form[1][1]"'
			],
			[{ s2: ['a'] }, '"sigv2Fields[0]"'],
			[{ w: true }, '"view"'],
			[{ w: { optionsOpen: 'yes' } }, '"view.optionsOpen"'],
			[{ w: { learnStep: -1 } }, '"view.learnStep"'],
			[{ w: { learnStep: 1.5 } }, '"view.learnStep"'],
			[{ w: { learnStep: '2' } }, '"view.learnStep"'],
			[{ w: { learnStep: 1e300 } }, '"view.learnStep"']
		];
		for (const [json, field] of wrong) {
			const error = await errorOf(link(JSON.stringify(json)));
			expect(error.code, JSON.stringify(json)).toBe('bad-shape');
			expect(error.message).toContain(field);
		}
	});

	it('ignores unknown keys and fills missing ones with the defaults', async () => {
		const opened = await decodeCase(link(JSON.stringify({ r: 'GET / HTTP/1.1', zz: { any: 1 }, o: { signature: 'ab', other: 5 }, w: {} })));
		expect(opened).toStrictEqual({
			case: { ...stripSecrets(DEFAULT_CASE), requestText: 'GET / HTTP/1.1', overrides: { signature: 'ab' } },
			secretsIncluded: false
		});
	});

	it('reports other versions: newer ones as made by a newer page, others as unknown', async () => {
		const payload = (await encodeCase(SAMPLE, { includeSecrets: false })).slice('v1='.length);
		for (const v of ['2', '3', '10', '99999999999999999999']) {
			expect(await errorOf(`#v${v}=${payload}`)).toMatchObject({
				code: 'future-version',
				message: expect.stringContaining('newer version')
			});
		}
		for (const fragment of [
			`#v0=${payload}`,
			`#v01=${payload}`,
			`#V1=${payload}`,
			'#hello',
			'#/photos',
			'#v1x=abc',
			'#section-2',
			`#${payload}`
		]) {
			expect((await errorOf(fragment)).code, fragment).toBe('unknown-version');
		}
	});

	it('refuses an oversized link before decoding anything', async () => {
		expect((await errorOf(`#v1=${'A'.repeat(MAX_FRAGMENT_LENGTH)}`)).code).toBe('too-large');
		expect((await errorOf(`v1=${'!'.repeat(MAX_FRAGMENT_LENGTH * 5)}`)).code).toBe('too-large');
	});

	it('stops unpacking a compression bomb at the cap: 50 MB of zeros in a few KB', async () => {
		const bomb = link(new Uint8Array(50 * 1024 * 1024));
		expect(bomb.length).toBeLessThan(MAX_FRAGMENT_LENGTH);

		// Count what the decompressor hands over, to prove the decoder stops near the cap rather
		// than unpacking the 50 MB and measuring afterwards.
		let handedOver = 0;
		const Real = globalThis.DecompressionStream;
		vi.stubGlobal(
			'DecompressionStream',
			class {
				readonly writable: WritableStream<BufferSource>;
				readonly readable: ReadableStream<Uint8Array>;
				constructor(format: CompressionFormat) {
					const real = new Real(format);
					this.writable = real.writable;
					this.readable = real.readable.pipeThrough(
						new TransformStream<Uint8Array, Uint8Array>({
							transform(chunk, controller) {
								handedOver += chunk.byteLength;
								controller.enqueue(chunk);
							}
						})
					);
				}
			}
		);

		const error = await errorOf(bomb);
		expect(error.code).toBe('too-large');
		// The work is bounded by what is unpacked, not by the bomb's size.
		expect(handedOver).toBeGreaterThan(MAX_CASE_BYTES);
		expect(handedOver).toBeLessThan(MAX_CASE_BYTES + 512 * 1024);
	});

	it('stops a gigabyte bomb at the same cap, whatever reaches it', async () => {
		// 1 GB of zeros: more than the page could ever hold. The link cap already stops it; the
		// unpacker must stop it on its own too.
		// One compressed 64 MB run of zeros, ended with a sync flush (byte-aligned, not final), then
		// repeated 16 times after a zlib header: a valid start of a 1 GB stream. It has no end: the
		// unpacker must stop long before it would notice.
		const run = deflateRawSync(new Uint8Array(64 * 1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
		const bomb = new Uint8Array(Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array.from({ length: 16 }, () => run)]));
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const before = process.memoryUsage();
		expect(await inflateCapped(bomb, MAX_CASE_BYTES)).toStrictEqual({ error: 'too-large' });
		const after = process.memoryUsage();
		expect(after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed)).toBeLessThan(256 * 1024 * 1024);
	});

	it('never throws, whatever the fragment', async () => {
		const fragments = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.string({ maxLength: 200 }).map((s) => `v1=${s}`),
			fc.base64String({ maxLength: 400 }).map((s) => `#v1=${s}`),
			fc.json().map((j) => link(j)),
			fc.json().map((j) => link(JSON.stringify({ r: JSON.parse(j) as unknown }))),
			fc.uint8Array({ maxLength: 200 }).map((b) => link(b))
		);
		await fc.assert(
			fc.asyncProperty(fragments, async (fragment) => {
				const opened = await decodeCase(fragment);
				if ('error' in opened) {
					expect(CODES).toContain(opened.error.code);
					expect(opened.error.message).not.toBe('');
				}
			}),
			{ numRuns: 500 }
		);
		// Not even for what a caller written in JavaScript might pass.
		for (const odd of [undefined, null, 42, {}])
			expect(await decodeCase(odd as unknown as string)).toMatchObject({ error: { code: 'empty' } });
	});
});
