import type { BlockReader, ByteSource } from './byte-source.ts';
import type { ChecksumAlgorithm } from './checksum.ts';
import type { Header, SigningParams, SigningTrace } from './types.ts';

/** STREAMING-AWS4-HMAC-SHA256-PAYLOAD, its -TRAILER form, and STREAMING-UNSIGNED-PAYLOAD-TRAILER. */
export type ChunkedVariant = 'signed' | 'signed-trailer' | 'unsigned-trailer';

export interface ChunkedParams extends SigningParams {
	/** Bytes of data in every chunk but the last (S3 wants at least 8192). */
	chunkSize: number;
	variant: ChunkedVariant;
	/** Sent after the final chunk (trailer variants only), e.g. ['x-amz-checksum-crc32c', 'sOO8/Q==']. */
	trailers?: Header[];
	/**
	 * A flexible checksum of the body, computed while the chunks are read: a trailer for the trailer
	 * variants, an x-amz-checksum-* header for 'signed'; x-amz-sdk-checksum-algorithm names it, as the SDKs do.
	 */
	checksum?: ChecksumAlgorithm;
	/** The body, when it is not the request's: a File or Blob is read piece by piece, never whole. */
	source?: ByteSource;
	/** How a File or Blob source is read: on this thread unless given (chunked-worker.ts reads on another). */
	readBlocks?: BlockReader;
	/** Called after each block of chunks is signed. */
	onProgress?: (bytesDone: number, total: number) => void;
	signal?: AbortSignal;
}

export interface ChunkTrace {
	index: number;
	/** Where the chunk's data starts in the decoded body. */
	offset: number;
	size: number;
	/** Signed variants only: the hex SHA-256 of the chunk's data, its string to sign and signature. */
	dataHash?: string;
	stringToSign?: string;
	signature?: string;
}

export interface TrailerTrace {
	trailers: Header[];
	/** `name:value\n` per trailer: what the trailer signature hashes. */
	canonicalTrailers: string;
	/** Signed trailers only. */
	canonicalTrailersHash?: string;
	stringToSign?: string;
	signature?: string;
}

/** The seed request's trace (its signature starts the chain), every chunk (the final empty one last) and the trailer. */
export interface ChunkedTrace extends SigningTrace {
	variant: ChunkedVariant;
	chunkSize: number;
	/** The body's own length (x-amz-decoded-content-length). */
	decodedLength: number;
	/** The framed body's length (Content-Length). */
	encodedLength: number;
	chunks: ChunkTrace[];
	trailer?: TrailerTrace;
}
