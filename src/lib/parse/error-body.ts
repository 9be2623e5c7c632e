import { quotedStages } from './quoted-stages.ts';
import { findElement, leaves, parseXml, type XmlElement } from './flat-xml.ts';
import { decodeHexBytes, firstDifference, visibleChar } from './hex-bytes.ts';
import type { ImportBuilder, OffsetMap } from './import-builder.ts';
import { readAwsMessage } from './aws-message.ts';
import { addServerStages } from './server-stages.ts';

const identity: OffsetMap = (o) => o;

/**
 * Reads an AWS XML error body (S3's <Error>, the query protocol's <ErrorResponse>) that starts
 * at `start` in `source`. `map` turns offsets in `source` into offsets in the paste when the XML
 * was decoded out of something else (a Python bytes literal in a botocore log).
 * Returns the offset after the XML, or -1 when there is no element to read.
 */
export function addXmlErrorBody(b: ImportBuilder, source: string, start: number, map: OffsetMap = identity): number {
	const parsed = parseXml(source, start);
	for (const p of parsed.problems) b.error(map(p.offset), p.message, p.fix);
	if (parsed.dropped > 0)
		b.note(`${parsed.dropped.toLocaleString('en-US')} more problems in the XML are not listed; fix the first ones and paste again.`);
	const root = parsed.root;
	if (!root) return -1;
	const error = findElement(root, 'Error') ?? root;
	const fields = [...leaves(error), ...leaves(root).filter((l) => !isInside(l, error))];

	let crText: string | undefined;
	let stsText: string | undefined;
	const bytes: Partial<Record<'CanonicalRequest' | 'StringToSign', XmlElement>> = {};
	for (const el of fields) {
		const value = el.text;
		switch (el.name) {
			case 'Code':
				b.setServer('code', value.trim());
				break;
			case 'Message':
				b.setServer('message', value);
				break;
			case 'CanonicalRequest':
				crText = value;
				break;
			case 'StringToSign':
				stsText = value;
				break;
			case 'CanonicalRequestBytes':
			case 'StringToSignBytes':
				bytes[el.name === 'CanonicalRequestBytes' ? 'CanonicalRequest' : 'StringToSign'] = el;
				b.serverField(el.name, value);
				break;
			case 'SignatureProvided':
				b.serverField(el.name, value);
				b.setProvided('signature', value.trim(), 'SignatureProvided');
				break;
			case 'AWSAccessKeyId':
				b.serverField(el.name, value);
				b.setParam('accessKeyId', value.trim(), 'AWSAccessKeyId');
				break;
			default:
				if (el !== root || el.name !== 'Error') b.serverField(el.name, value);
		}
	}

	crText = fromBytes(b, source, map, 'CanonicalRequest', crText, bytes.CanonicalRequest);
	stsText = fromBytes(b, source, map, 'StringToSign', stsText, bytes.StringToSign);

	const message = b.server.message;
	if (message !== undefined && crText === undefined && stsText === undefined) {
		const quoted = quotedStages(message);
		crText = quoted.canonicalRequest;
		stsText = quoted.stringToSign;
		if (quoted.unterminated) {
			const msgEl = fields.find((f) => f.name === 'Message');
			b.error(
				map(msgEl ? msgEl.contentStart : start),
				`The quoted ${quoted.unterminated === 'canonicalRequest' ? 'canonical string' : 'string to sign'} in the message never ends with "'".`,
				'Paste the whole message: it looks cut off.'
			);
		}
	}
	addServerStages(b, crText, stsText);
	explainCode(b);
	const msgEl = fields.find((f) => f.name === 'Message');
	if (b.server.message !== undefined) readAwsMessage(b, b.server.message, map(msgEl ? msgEl.contentStart : start));
	if (root.name === 'ErrorResponse' || root.name === 'Response') nameQueryService(b, root, source);
	return parsed.end;
}

/** Namespaces of the query-protocol services whose <ErrorResponse> people paste most, and their signing names. */
const NAMESPACES: [RegExp, string, string][] = [
	[/\/\/sns\.amazonaws\.com\//, 'sns', 'SNS'],
	[/\/\/queue\.amazonaws\.com\//, 'sqs', 'SQS'],
	[/\/\/sts\.amazonaws\.com\//, 'sts', 'STS'],
	[/\/\/iam\.amazonaws\.com\//, 'iam', 'IAM'],
	[/\/\/(?:email|ses)\.amazonaws\.com\//, 'ses', 'SES'],
	[/\/\/monitoring\.amazonaws\.com\//, 'monitoring', 'CloudWatch'],
	[/\/\/(?:rds|elasticloadbalancing|autoscaling|cloudformation|elasticache|redshift)\.amazonaws\.com\//, '', '']
];

/**
 * An <ErrorResponse> (or EC2's <Response>) comes from a query-protocol service (SNS, SQS, STS,
 * IAM…), not S3: named for its service where its XML namespace says which.
 */
function nameQueryService(b: ImportBuilder, root: XmlElement, source: string): void {
	b.xmlRoot = root.name;
	const startTag = source.slice(root.offset, source.indexOf('>', root.offset) + 1);
	const ns = /xmlns\s*=\s*["']([^"']*)["']/.exec(startTag)?.[1] ?? '';
	const known = NAMESPACES.find(([re]) => re.test(ns));
	const host = /\/\/([\w.-]+)/.exec(ns)?.[1];
	if (known && known[1] !== '') {
		b.note(`An ${known[2]} error response (query protocol, ${ns}), not an S3 error.`);
		b.within("the error response's XML namespace", root.offset, () => b.setParam('service', known[1], `the XML namespace ${ns}`));
	} else {
		b.note(`An AWS query-protocol error response${host ? ` from ${host}` : ''}, not an S3 error.`);
	}
}

function isInside(el: XmlElement, parent: XmlElement): boolean {
	return el.offset >= parent.offset && el.contentEnd <= parent.contentEnd && parent !== el;
}

/** The exact bytes win over the text, which XML handling may have changed (CR dropped, spaces collapsed). */
function fromBytes(
	b: ImportBuilder,
	source: string,
	map: OffsetMap,
	name: 'CanonicalRequest' | 'StringToSign',
	text: string | undefined,
	el: XmlElement | undefined
): string | undefined {
	if (!el) return text;
	const raw = source.slice(el.contentStart, el.contentEnd);
	const decoded = decodeHexBytes(raw);
	if (decoded.badIndex !== undefined) {
		const bad = raw[decoded.badIndex]!;
		b.error(
			map(el.contentStart + decoded.badIndex),
			`${name}Bytes should be hex bytes such as "47 45 54 0a", but has ${visibleChar(bad)}${bad === '…' ? ' (the list was shortened)' : ''}.`,
			`Paste the whole ${name}Bytes element as S3 sent it; until then the ${name} text is used.`
		);
		return text;
	}
	if (decoded.oddLength || decoded.text === undefined) {
		b.error(
			map(el.contentStart),
			`${name}Bytes has an odd number of hex digits: a byte is cut in half.`,
			`Paste the whole ${name}Bytes element; until then the ${name} text is used.`
		);
		return text;
	}
	if (decoded.invalidUtf8) b.note(`${name}Bytes is not valid UTF-8: the server received bytes in another encoding (Latin-1?).`);
	if (text === undefined) {
		b.note(`${name} read from ${name}Bytes.`);
		return decoded.text;
	}
	const diff = firstDifference(decoded.text, text);
	if (diff) {
		b.note(
			`${name}Bytes differs from the ${name} text at line ${diff.line} (bytes: ${diff.a}; text: ${diff.b}); the bytes are what the server signed, so they are used.`
		);
	}
	return decoded.text;
}

function explainCode(b: ImportBuilder): void {
	const code = b.server.code;
	const f = b.server.fields ?? {};
	const message = b.server.message ?? '';
	switch (code) {
		case 'SignatureDoesNotMatch':
			if (b.server.canonicalRequest === undefined && b.server.stringToSign === undefined) {
				b.note(
					'SignatureDoesNotMatch without the server’s stages: this service does not return them; compare your own stages with the correct ones.'
				);
			}
			break;
		case 'RequestTimeTooSkewed': {
			const skew = /^\d{1,12}$/.test(f.MaxAllowedSkewMilliseconds?.trim() ?? '') ? Number(f.MaxAllowedSkewMilliseconds) / 60000 : 15;
			b.note(
				`RequestTimeTooSkewed: the request time${f.RequestTime ? ` (${f.RequestTime})` : ''} is more than ${skew} minutes away from the server's${f.ServerTime ? ` (${f.ServerTime})` : ''}: the signer's clock or time zone is wrong.`
			);
			if (f.RequestTime && /^\d{8}T\d{6}Z$/.test(f.RequestTime.trim())) b.setParam('datetime', f.RequestTime.trim(), 'RequestTime');
			break;
		}
		case 'AuthorizationHeaderMalformed':
		case 'AuthorizationQueryParametersError':
			b.note(
				`${code}: ${message.trim() || 'the Authorization header or the X-Amz-* parameters are malformed.'}${f.Region ? ` The bucket's region is ${f.Region}.` : ''}`
			);
			if (code === 'AuthorizationQueryParametersError') b.setMode('query', code);
			else b.setMode('header', code);
			break;
		case 'XAmzContentSHA256Mismatch':
			b.note(
				`XAmzContentSHA256Mismatch: the x-amz-content-sha256 sent${f.ClientComputedContentSHA256 ? ` (${f.ClientComputedContentSHA256})` : ''} is not the SHA-256 of the body S3 received${f.S3ComputedContentSHA256 ? ` (${f.S3ComputedContentSHA256})` : ''}.`
			);
			break;
		default:
			break;
	}
	if (f.HeadersNotSigned)
		b.note(`Headers sent but not signed: ${f.HeadersNotSigned.trim()}. Sign every x-amz-* header you send (or send only what was signed).`);
	if (/request has expired/i.test(message)) {
		b.setMode('query', 'Request has expired');
		b.note(
			`The presigned URL has expired${f.Expires ? ` (it expired at ${f.Expires}` : ''}${f.ServerTime ? `${f.Expires ? ', ' : ' ('}server time ${f.ServerTime}` : ''}${f.Expires || f.ServerTime ? ')' : ''}: presign it again, or check the signer's clock.`
		);
		const expires = f['X-Amz-Expires']?.trim();
		if (expires && /^\d{1,9}$/.test(expires)) b.setParam('expiresIn', Number(expires), 'X-Amz-Expires');
	}
	if (/request is not yet valid/i.test(message)) {
		b.note('The presigned URL is not valid yet: its X-Amz-Date is in the future for the server; check the signer’s clock and time zone.');
	}
}
