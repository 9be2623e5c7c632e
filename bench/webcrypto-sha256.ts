import type { Checksum, SourceData } from '@smithy/types';

function bytesOf(data: SourceData): Uint8Array<ArrayBuffer> {
	if (typeof data === 'string') return new TextEncoder().encode(data);
	if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
	return new Uint8Array(data).slice();
}

/**
 * smithy's hash interface on top of WebCrypto, doing what @aws-crypto/sha256-browser does when
 * WebCrypto is there (that package is not installed here): buffer the input, then one digest or
 * one HMAC sign per hash, with a key imported per HMAC.
 */
export class WebCryptoSha256 implements Checksum {
	private readonly key?: Promise<CryptoKey>;
	private chunks: Uint8Array[] = [];

	constructor(secret?: SourceData) {
		if (secret !== undefined) {
			this.key = crypto.subtle.importKey('raw', bytesOf(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
		}
	}

	update(chunk: Uint8Array): void {
		this.chunks.push(chunk);
	}

	async digest(): Promise<Uint8Array> {
		const data = this.joined();
		const result = this.key ? await crypto.subtle.sign('HMAC', await this.key, data) : await crypto.subtle.digest('SHA-256', data);
		return new Uint8Array(result);
	}

	reset(): void {
		this.chunks = [];
	}

	private joined(): Uint8Array<ArrayBuffer> {
		const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
		let at = 0;
		for (const chunk of this.chunks) {
			out.set(chunk, at);
			at += chunk.length;
		}
		return out;
	}
}
