import {
	framedBodyStart,
	signChunkedUpload,
	type BlobLike,
	type ChunkedParams,
	type ChunkedTrace,
	type HttpRequest,
	type SigningParams
} from '../sigv4/index.ts';
import type { Finding } from '../findings/index.ts';
import type { Case } from './case.ts';
import { asFieldError, needsSecret, type FieldError } from './params.ts';
import { stageView, type StageView } from './stage-view.ts';

/** signChunkedUpload, or a stand-in that runs it elsewhere (the page signs a file body in a worker). */
export type ChunkedSigner = (request: HttpRequest, params: ChunkedParams) => Promise<ChunkedTrace>;

/** Bytes of the framed body the page shows: the first chunk's header and the start of its data. */
const FRAMED_START_BYTES = 512;

/** What aws-chunked mode adds to the stages: every chunk's signature and the framed body's start. */
export interface ChunkedView {
	trace: ChunkedTrace;
	/** The framed body's first bytes, as text (bytes that are not UTF-8 show as U+FFFD). */
	framedStart: string;
}

/** The chunked signer's parameters from the case, or the input that does not make sense. */
export function chunkedParamsOf(c: Case, params: SigningParams): ChunkedParams | FieldError {
	const text = c.chunked.chunkSize.trim();
	const chunkSize = Number(text);
	if (!/^\d+$/.test(text) || chunkSize < 8192) {
		return {
			field: 'chunkSize',
			message: `"${text}" is not a chunk size of at least 8192 bytes.`,
			fix: 'Use 65536 (64 KiB, as the SDKs do); S3 refuses chunks under 8 KiB, but the last.'
		};
	}
	const out: ChunkedParams = { ...params, chunkSize, variant: c.chunked.variant };
	if (c.chunked.checksum) out.checksum = c.chunked.checksum;
	return out;
}

/**
 * Signs the case's request as an aws-chunked upload: the body is the file chosen in the page when
 * the case names one (`file`), else the request's own. A file body the page does not hold (a link
 * brings its hash only) cannot be chunked: that is the error.
 */
export async function signChunked(
	c: Case,
	request: HttpRequest,
	params: ChunkedParams,
	file?: BlobLike,
	sign: ChunkedSigner = signChunkedUpload
): Promise<ChunkedView | FieldError> {
	if (c.bodyFile && !file) {
		return {
			field: 'request',
			message: `The file body ${c.bodyFile.name} is not in this page: its chunks are signed from its bytes.`,
			fix: 'Choose the file again, or remove it to chunk the request’s own body.'
		};
	}
	const source = file ?? request.body ?? '';
	const trace = await sign(request, { ...params, source });
	const start = await framedBodyStart(trace, source, FRAMED_START_BYTES);
	return { trace, framedStart: new TextDecoder().decode(start) };
}

/** aws-chunked mode's part of the analysis: the seed request's stages, and the chunks after them. */
export interface ChunkedAnalysis {
	request: HttpRequest;
	params: SigningParams;
	trace?: ChunkedTrace;
	chunked?: ChunkedView;
	view?: StageView;
	error?: FieldError;
	findings: [];
}

export async function analyzeChunked(
	c: Case,
	request: HttpRequest,
	params: SigningParams,
	file?: BlobLike,
	sign?: ChunkedSigner
): Promise<ChunkedAnalysis> {
	const out: ChunkedAnalysis = { request, params, findings: [] };
	const chunkedParams = chunkedParamsOf(c, params);
	if ('field' in chunkedParams) return { ...out, error: chunkedParams };
	try {
		const chunked = await signChunked(c, request, chunkedParams, file, sign);
		if ('field' in chunked) return { ...out, error: chunked };
		return { ...out, trace: chunked.trace, chunked, view: await stageView(chunked.trace, c.overrides, needsSecret(c)) };
	} catch (e) {
		return { ...out, error: asFieldError(e, 'request') };
	}
}

/**
 * A pasted aws-chunked upload (its x-amz-content-sha256 a STREAMING-… marker, its body the framing):
 * every chunk checked from the seed signature, the first that breaks named. Nothing for other requests.
 */
export async function chunkedUploadFindings(request: HttpRequest, secretAccessKey: string): Promise<Finding[]> {
	const marker = request.headers.find(([n]) => n.trim().toLowerCase() === 'x-amz-content-sha256')?.[1].trim() ?? '';
	if (!marker.startsWith('STREAMING-') || !request.body?.length) return [];
	const { analyzeChunkedUpload } = await import('../diagnose/index.ts');
	return (await analyzeChunkedUpload({ headers: request.headers, body: request.body, secretAccessKey })).findings;
}
