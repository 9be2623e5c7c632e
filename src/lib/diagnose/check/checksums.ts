import {
	AWS_CHUNKED,
	CHECKSUM_HEADER_PREFIX,
	EMPTY_BODY_CHECKSUMS,
	SDK_CHECKSUM_ALGORITHM_HEADER,
	checksumAlgorithmOf,
	checksumOf,
	decodedKey,
	percentDecode,
	splitQuery
} from '../../sigv4/index.ts';
import { quote } from '../../findings/index.ts';
import { requestLineOf, type DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';

/** Hosts of AWS itself: they take aws-chunked with Transfer-Encoding: chunked; S3-compatible servers often do not. */
const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?$/i;

function isChecksumName(lower: string): boolean {
	return lower.startsWith(CHECKSUM_HEADER_PREFIX) || lower === SDK_CHECKSUM_ALGORITHM_HEADER;
}

/** The URL's query parameters, decoded, by lowercase name. */
function queryParams(url: string): [string, string][] {
	const q = /\?([^#]*)/.exec(url)?.[1];
	return splitQuery(q).map((p) => [decodedKey(p).toLowerCase(), new TextDecoder().decode(percentDecode(p.value, true))]);
}

/**
 * The flexible-checksum defaults of 2025 where they break: a presigned PUT carrying the empty
 * body's checksum, aws-chunked without Content-Length sent to an S3-compatible server, checksum
 * headers a presigned URL signs but the client does not send (or sends unsigned), and a checksum
 * that is not the body's. Runs before checkServer and checkRequest: its keys stand in for their
 * generic findings (with the server's HeadersNotSigned as its basis).
 */
export async function checkChecksums(ctx: DiagnoseContext, list: FindingList): Promise<void> {
	const { evidence } = ctx;
	const method = evidence.request.method.trim().toUpperCase();
	const body = evidence.request.body;
	const bodyKnown = body !== undefined && body.length > 0;
	const server = `${evidence.server?.code ?? ''} ${evidence.server?.message ?? ''}`;
	const query = queryParams(evidence.request.url);

	if (ctx.mode === 'query' && method === 'PUT') {
		for (const [name, value] of query) {
			const algorithm = checksumAlgorithmOf(name);
			if (!algorithm || EMPTY_BODY_CHECKSUMS[algorithm] !== value.trim()) continue;
			// S3 answers BadDigest; Garage and R2 InvalidDigest (usekaneo/kaneo#1196).
			const confirmed = /BadDigest|InvalidDigest|checksum/i.test(server);
			const evident = bodyKnown || confirmed;
			list.add(
				'presign-empty-body-checksum',
				{
					severity: evident ? 'error' : 'warning',
					...(confirmed ? { basis: 'server' as const } : {}),
					line: 1,
					message: `The presigned URL carries ${name}=${value}, the ${algorithm.toUpperCase()} of an empty body: the presigner (AWS SDKs since January 2025) computed it before the file was known, so the server checks every upload against it and rejects the one that differs (S3: BadDigest, "The ${algorithm.toUpperCase()} you specified did not match the calculated checksum")${bodyKnown ? ': this body is not empty' : ''}.`,
					fix: "Presign without a checksum: set requestChecksumCalculation: 'WHEN_REQUIRED' (JS v3), AWS_REQUEST_CHECKSUM_CALCULATION=when_required (CLI, Python, others) or the SDK's equivalent, or pass the real file's checksum when presigning."
				},
				`checksum:${name}`
			);
		}
	}

	if (ctx.mode === 'query' && ctx.url?.signedHeaders !== undefined && evidence.requestGiven !== false) {
		const signed = new Set(ctx.url.signedHeaders.split(';').map((n) => n.trim().toLowerCase()));
		const sent = new Set(ctx.sent.map((h) => h.lower));
		for (const name of signed) {
			if (!isChecksumName(name) || sent.has(name)) continue;
			list.add(
				'checksum-signed-not-sent',
				{
					message: `The presigned URL signs the header ${name} (X-Amz-SignedHeaders), but the request does not send it: S3 answers SignatureDoesNotMatch (or "'${name}' is named as a SignedHeader, but it does not exist"). The presigner signed that header's value into the URL; the client has to send the same header and value.`,
					fix: `Send ${name} with exactly the value the URL was presigned with, or presign without it (hoist it into the query, or set the SDK's ${name === 'x-amz-checksum-mode' ? 'response checksum validation (responseChecksumValidation, AWS_RESPONSE_CHECKSUM_VALIDATION)' : 'requestChecksumCalculation'} to WHEN_REQUIRED).`
				},
				`absent:${name}`
			);
		}
		const listed = new Set((evidence.server?.fields?.['HeadersNotSigned'] ?? '').toLowerCase().split(/[\s,;]+/));
		for (const h of ctx.sent) {
			if (!isChecksumName(h.lower) || signed.has(h.lower)) continue;
			// A presigner that hoists x-amz-* headers into the query (JS v3; Go v2 until aws-sdk-go-v2#3522) leaves the header unsigned;
			// S3 reads the checksum from the header only, so the query's copy signs nothing the server checks.
			const hoisted = query.some(([n]) => n === h.lower);
			const algorithm = checksumAlgorithmOf(h.lower);
			list.add(
				'checksum-sent-not-signed',
				{
					...(h.line !== undefined ? { line: h.line } : {}),
					...(listed.has(h.lower) ? { basis: 'server' as const } : {}),
					message: `The request sends ${h.name}: ${quote(h.value.trim(), 60)}, but the presigned URL does not sign it${hoisted ? ` (the presigner moved ${h.lower} into the query, and X-Amz-SignedHeaders does not name the header)` : ''}: S3 answers AccessDenied with HeadersNotSigned ${h.lower}.`,
					fix: hoisted
						? `Presign with ${h.lower} kept as a signed header (JS v3: getSignedUrl(…, { unhoistableHeaders: new Set(['${h.lower}']) }); Go v2: a release with aws-sdk-go-v2#3522) and send it with that value, or drop it from the presign and the upload.`
						: algorithm || h.lower === SDK_CHECKSUM_ALGORITHM_HEADER
							? `Presign with the checksum (the SDK's ChecksumAlgorithm${algorithm ? ` / Checksum${algorithm.toUpperCase()}` : ''} parameter) so that it is signed, or let the client not send ${h.name}.`
							: `Add ${h.lower} to the request before presigning so that X-Amz-SignedHeaders names it, or do not send it with the presigned URL.`
				},
				`not-signed:${h.lower}`
			);
		}
	}

	// Servers without flexible checksums name the header they refuse (Backblaze B2: InvalidArgument "Unsupported header
	// 'x-amz-sdk-checksum-algorithm' received for this API call."), which the SDKs send by default since January 2025.
	const refused = /(?:unsupported|not supported|not implemented)\b[^.\n]*?\b(x-amz-(?:sdk-)?checksum-[a-z0-9-]+)/i
		.exec(server)?.[1]
		?.toLowerCase();
	if (refused) {
		const line = requestLineOf(ctx, refused);
		list.add(
			'checksum-header-unsupported',
			{
				basis: 'server',
				...(line !== undefined ? { line } : {}),
				message: `The server refuses ${refused}: it does not support the flexible checksums (x-amz-checksum-*, x-amz-sdk-checksum-algorithm) that the AWS SDKs and CLI send by default for uploads since January 2025 (boto3 1.36, AWS CLI 2.23, JS v3 3.729 and later).`,
				fix: "Calculate checksums only when an operation requires them: request_checksum_calculation='when_required' (boto3 Config, or AWS_REQUEST_CHECKSUM_CALCULATION=when_required for the CLI and most SDKs), requestChecksumCalculation: 'WHEN_REQUIRED' (JS v3); or stay on an SDK from before January 2025."
			},
			`unsupported:${refused}`
		);
	}

	const chunked =
		ctx.sent.some((h) => h.lower === 'content-encoding' && h.value.toLowerCase().includes(AWS_CHUNKED)) ||
		ctx.sent.some((h) => h.lower === 'transfer-encoding' && /chunked/i.test(h.value));
	const missingLength = /MissingContentLength|must provide the Content-Length/i.test(server);
	if (chunked && !ctx.sent.some((h) => h.lower === 'content-length') && (missingLength || !AWS_HOST.test(ctx.wire.hostname))) {
		const line = requestLineOf(ctx, 'transfer-encoding') ?? requestLineOf(ctx, 'content-encoding');
		list.add('chunked-without-content-length', {
			severity: missingLength ? 'error' : 'warning',
			...(missingLength ? { basis: 'server' as const } : {}),
			...(line !== undefined ? { line } : {}),
			message: `The upload is aws-chunked with no Content-Length (Transfer-Encoding: chunked, as the AWS SDKs send checksum trailers since January 2025). ${missingLength ? 'The server says so: it' : `${ctx.wire.hostname} is not AWS; many S3-compatible servers (Ceph RGW, MinIO before 2025, Storj, R2, Garage)`} answer${missingLength ? 's' : ''} MissingContentLength for such a request.`,
			fix: 'For an S3-compatible server, turn the default checksums off: requestChecksumCalculation: WHEN_REQUIRED (JS v3) or AWS_REQUEST_CHECKSUM_CALCULATION=when_required; or send Content-Length (the framed length) with x-amz-decoded-content-length.'
		});
	}

	// An aws-chunked body is framed: its checksum is the data's, which analyzeChunkedUpload checks.
	const streaming = ctx.sent.some((h) => h.lower === 'x-amz-content-sha256' && h.value.trim().startsWith('STREAMING-'));
	if (!bodyKnown || chunked || streaming) return;
	const given: [string, string, number | undefined][] = [
		...ctx.sent.map((h) => [h.lower, h.value.trim(), h.line] as [string, string, number | undefined]),
		...query.map(([n, v]) => [n, v.trim(), 1] as [string, string, number | undefined])
	];
	for (const [name, value, line] of given) {
		const algorithm = checksumAlgorithmOf(name);
		if (!algorithm || list.hasKey(`checksum:${name}`)) continue;
		const actual = await checksumOf(algorithm, body);
		if (actual === value) continue;
		list.add(
			'checksum-mismatch',
			{
				...(line !== undefined ? { line } : {}),
				message: `${name} is ${quote(value, 60)}, but the ${algorithm.toUpperCase()} of this ${typeof body === 'string' ? new TextEncoder().encode(body).length : body.length}-byte body is ${actual}: S3 answers BadDigest (InvalidRequest "Value for ${name} header is invalid" when the value is not base64 of the right length).`,
				fix: 'Send the base64 of the big-endian digest of the exact bytes sent (not hex, not of a different encoding of the body).'
			},
			`checksum:${name}`
		);
	}
}
