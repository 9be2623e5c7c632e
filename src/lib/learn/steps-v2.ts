import type { HttpRequest, SigningTraceV2 } from '../sigv4/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import { StepIds } from './step-ids.ts';
import type { LearnInputV2, LearnPane, LearnStep } from './types.ts';
import { whatChangedStep } from './v2-changes.ts';

export type { LearnInputV2 } from './types.ts';

const DOC_V2_S3 = DOC_URLS.sigv2S3;
const DOC_V2_QUERY = DOC_URLS.sigv2Query;

/** The panes a SigV2 walk points into. SigV2 has no canonical request and no derived key: those panes say what stands there. */
export function learnPaneTextsV2(trace: SigningTraceV2): Record<LearnPane, string> {
	return {
		canonicalRequest: (trace.flavor === 's3' ? trace.canonicalizedResource : trace.canonicalizedQuery) ?? '',
		stringToSign: trace.stringToSign,
		signingKey: 'SigV2 signs with the secret access key itself: no key is derived from it.',
		signature: trace.signature,
		output: outputOf(trace)
	};
}

/** What the panes hold in a SigV2 walk, by the names the page gives them. */
export function paneLabelsV2(trace: SigningTraceV2): Partial<Record<LearnPane, string>> {
	const output =
		trace.authorization !== undefined ? 'Authorization header' : outputOf(trace) === trace.signedUrl ? 'Signed URL' : 'Signed form body';
	return { stringToSign: 'String to sign (SigV2)', signature: 'Signature (base64)', output };
}

/** Where the signature ends up: the Authorization header, the form body of a query-API POST, or the URL. */
function outputOf(trace: SigningTraceV2): string {
	if (trace.authorization !== undefined) return trace.authorization;
	const body = trace.request.body;
	if (typeof body === 'string' && /(^|&)Signature=/.test(body)) return body;
	return trace.signedUrl ?? '';
}

/** The string to sign's first `count` lines and where each starts; the rest after them. */
function lines(text: string, count: number): { parts: string[]; starts: number[]; rest: number } {
	const parts: string[] = [];
	const starts: number[] = [];
	let at = 0;
	for (let i = 0; i < count; i++) {
		const end = text.indexOf('\n', at);
		starts.push(at);
		parts.push(text.slice(at, end < 0 ? text.length : end));
		at = end < 0 ? text.length : end + 1;
	}
	return { parts, starts, rest: at };
}

type LineStepFields = Pick<LearnStep, 'title' | 'reads' | 'explanation'>;

/**
 * The string to sign's first `count` lines, and a maker of the step that writes line `i`: its
 * output is that line, lit where it stands in the string-to-sign pane.
 */
function stringToSignLines(sts: string, count: number, ids: StepIds, docUrl: string) {
	const { parts, starts, rest } = lines(sts, count);
	const lineStep = (i: number, id: string, { title, reads, explanation }: LineStepFields) =>
		step(ids, id, {
			title,
			reads,
			output: parts[i]!,
			highlight: { pane: 'stringToSign', start: starts[i]!, end: starts[i]! + parts[i]!.length },
			explanation,
			docUrl
		});
	return { parts, rest, lineStep };
}

const headerLines = (req: HttpRequest, test: (lower: string) => boolean) =>
	req.headers
		.filter(([n]) => test(n.trim().toLowerCase()))
		.map(([n, v]) => `${n}: ${v}`)
		.join('\n');

function step(ids: StepIds, id: string, fields: Omit<LearnStep, 'id' | 'mistakes'> & { mistakes?: LearnStep['mistakes'] }): LearnStep {
	const { mistakes = [], ...rest } = fields;
	const out: LearnStep = { id: ids.take(id), ...rest, mistakes };
	// An empty line has nothing to light up.
	if (out.highlight && out.highlight.start === out.highlight.end) delete out.highlight;
	return out;
}

/** S3's REST form: HMAC-SHA1 over the verb, Content-MD5, Content-Type, the date, the x-amz-* headers and the resource. */
function s3Steps(input: LearnInputV2, ids: StepIds): LearnStep[] {
	const { request, trace } = input;
	const sts = trace.stringToSign;
	const { parts, rest, lineStep } = stringToSignLines(sts, 4, ids, DOC_V2_S3);
	const amz = trace.canonicalizedAmzHeaders ?? '';
	const resource = trace.canonicalizedResource ?? '';
	const presigned = trace.mode === 'query';
	const line = (i: number, label: string) => `Line ${i + 1} is ${label}`;
	const steps: LearnStep[] = [
		lineStep(0, 'v2-verb', {
			title: 'HTTP verb',
			reads: request.method,
			explanation: `${line(0, 'the method in capitals')}. SigV2 for S3 signs a list of lines, not a canonical request.`
		}),
		lineStep(1, 'v2-content-md5', {
			title: 'Content-MD5',
			reads: headerLines(request, (n) => n === 'content-md5'),
			explanation: `${line(1, 'the Content-MD5 header value')}, or empty when the request has none. This is all SigV2 signs of the body: without Content-MD5 the body is not covered at all.`
		}),
		lineStep(2, 'v2-content-type', {
			title: 'Content-Type',
			reads: headerLines(request, (n) => n === 'content-type'),
			explanation: `${line(2, 'the Content-Type header value')}, or empty. A client that adds or changes Content-Type after signing breaks the signature.`
		}),
		lineStep(3, 'v2-date', {
			title: presigned ? 'Expires' : 'Date',
			reads: presigned ? String(input.params.expires ?? '') : headerLines(trace.request, (n) => n === 'date' || n === 'x-amz-date'),
			explanation: presigned
				? `${line(3, 'the Expires time of the presigned URL')}, in seconds since 1970-01-01 UTC: the URL works until then.`
				: parts[3] === ''
					? `${line(3, 'empty')}: with x-amz-date the time is signed among the x-amz-* headers instead of here.`
					: `${line(3, 'the Date header exactly as sent')} (RFC 1123). AWS refuses a time more than 15 minutes from its clock.`
		}),
		step(ids, 'v2-amz-headers', {
			title: 'x-amz-* headers',
			reads: presigned ? '' : headerLines(trace.request, (n) => n.startsWith('x-amz-')),
			output: amz,
			highlight: { pane: 'stringToSign', start: rest, end: rest + amz.length },
			explanation:
				amz === ''
					? presigned
						? 'A presigned URL signs no x-amz-* headers here: nothing is added.'
						: 'The request has no x-amz-* headers: nothing is added. Other headers (Host, Range…) are never signed in SigV2.'
					: 'Each x-amz-* header as "name:value" on its own line: names in lowercase, sorted, repeated ones joined with ",", values unfolded. Other headers (Host, Range…) are not signed.',
			docUrl: DOC_V2_S3
		}),
		step(ids, 'v2-resource', {
			title: 'Canonicalized resource',
			reads: `${request.url}`,
			output: resource,
			highlight: { pane: 'stringToSign', start: rest + amz.length, end: sts.length },
			explanation:
				'The bucket (from the host, or the path for path-style URLs) and the key as sent, then only the sub-resources S3 lists ' +
				'(?acl, ?uploadId=…, ?versionId=…, response-* overrides), sorted. Any other query parameter is not signed.',
			docUrl: DOC_V2_S3
		})
	];
	return [...steps, ...signatureAndPlacement(input, ids, DOC_V2_S3)];
}

/** The query APIs' form (EC2, SQS, SNS…): HmacSHA256 over the method, host, path and the sorted parameters. */
function querySteps(input: LearnInputV2, ids: StepIds): LearnStep[] {
	const { request, trace } = input;
	const sts = trace.stringToSign;
	const { rest, lineStep } = stringToSignLines(sts, 3, ids, DOC_V2_QUERY);
	const query = trace.canonicalizedQuery ?? '';
	const added = query
		.split('&')
		.filter((p) => /^(AWSAccessKeyId|SignatureMethod|SignatureVersion|Timestamp|SecurityToken)=/.test(p))
		.join('\n');
	const steps: LearnStep[] = [
		lineStep(0, 'v2-verb', {
			title: 'HTTP verb',
			reads: request.method,
			explanation: 'Line 1 is the method in capitals.'
		}),
		lineStep(1, 'v2-host', {
			title: 'Host',
			reads: headerLines(request, (n) => n === 'host'),
			explanation: 'Line 2 is the host in lowercase (with the port only if it is not the default).'
		}),
		lineStep(2, 'v2-path', {
			title: 'Path',
			reads: request.url,
			explanation: 'Line 3 is the path as sent, "/" when empty.'
		}),
		step(ids, 'v2-auth-params', {
			title: 'Parameters SigV2 adds',
			reads: '',
			output: added,
			explanation:
				'Before signing, the request gets AWSAccessKeyId, SignatureMethod (HmacSHA256 or HmacSHA1), SignatureVersion=2 and a Timestamp ' +
				'(or Expires), plus SecurityToken with temporary credentials. They are signed like every other parameter.',
			docUrl: DOC_V2_QUERY
		}),
		step(ids, 'v2-sorted-query', {
			title: 'Sorted parameters',
			reads: request.method === 'POST' && typeof request.body === 'string' ? request.body : (request.url.split('?')[1] ?? ''),
			output: query,
			highlight: { pane: 'stringToSign', start: rest, end: sts.length },
			explanation:
				'Line 4 is every parameter but Signature, names and values percent-encoded (A-Z a-z 0-9 - _ . ~ left as they are, space as %20), ' +
				'sorted by name in byte order and joined with "&". A POST form signs its body parameters the same way.',
			docUrl: DOC_V2_QUERY
		})
	];
	return [...steps, ...signatureAndPlacement(input, ids, DOC_V2_QUERY)];
}

function signatureAndPlacement(input: LearnInputV2, ids: StepIds, docUrl: string): LearnStep[] {
	const { trace, params } = input;
	const hash = trace.algorithm === 'HmacSHA1' ? 'HMAC-SHA1' : 'HMAC-SHA256';
	const output = outputOf(trace);
	const placed =
		trace.authorization !== undefined
			? { title: 'Authorization header', text: output, start: 0, why: `"AWS", a space, the access key ID, ":" and the signature.` }
			: placedInUrl(output, trace.flavor === 's3' ? 'AWSAccessKeyId' : 'Signature');
	return [
		step(ids, 'v2-string-to-sign', {
			title: 'String to sign',
			reads: '',
			output: trace.stringToSign,
			highlight: { pane: 'stringToSign', start: 0, end: trace.stringToSign.length },
			explanation: 'The lines above joined with "\\n". Every byte counts: an extra space or a missing empty line gives another signature.',
			docUrl
		}),
		step(ids, 'v2-signature', {
			title: 'Signature',
			reads: 'key: the secret access key itself\ndata: the string to sign',
			output: trace.signature,
			highlight: { pane: 'signature', start: 0, end: trace.signature.length },
			explanation: `${hash} of the string to sign, keyed with the secret access key as it is (no derived key, no date, no region), written in base64.`,
			docUrl,
			mistakes: ['sigv2-request']
		}),
		step(ids, 'v2-placement', {
			title: placed.title,
			reads: trace.signature,
			output: placed.text,
			highlight: { pane: 'output', start: placed.start, end: placed.start + placed.text.length },
			explanation: `${placed.why} Access key ID: ${params.credentials.accessKeyId}.`,
			docUrl
		})
	];
}

/** From the first parameter SigV2 appends (S3) or from Signature= (query APIs, whose other parameters were signed) to the end. */
function placedInUrl(text: string, from: 'AWSAccessKeyId' | 'Signature'): { title: string; text: string; start: number; why: string } {
	const at = text.search(new RegExp(`(^|[?&])${from}=`));
	const start = at < 0 ? 0 : at === 0 && text.startsWith(from) ? 0 : at + 1;
	const form = !/^[a-z][a-z0-9+.-]*:/i.test(text);
	return {
		title: form ? 'Signed form body' : 'Signed URL',
		text: text.slice(start),
		start,
		why:
			from === 'AWSAccessKeyId'
				? 'AWSAccessKeyId, Expires and Signature are appended to the URL; the signature percent-encoded (base64 has "+", "/" and "=").'
				: `Signature= is appended to the ${form ? 'form body' : 'URL'}, percent-encoded (base64 has "+", "/" and "="), after the parameters it signs.`
	};
}

/**
 * The SigV2 walk for the request (S3's form or the query APIs', by the trace's flavor), ending in
 * what SigV4 does differently for the same request. Pure: outputs come from the core's trace.
 */
export function buildStepsV2(input: LearnInputV2): LearnStep[] {
	const ids = new StepIds();
	const steps = input.trace.flavor === 's3' ? s3Steps(input, ids) : querySteps(input, ids);
	return [...steps, whatChangedStep(input, ids)];
}
