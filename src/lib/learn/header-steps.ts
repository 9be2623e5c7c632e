import { quote } from '../findings/index.ts';
import type { FindingCode } from '../findings/index.ts';
import {
	canonicalHeaders,
	canonicalHeaderValue,
	type CanonicalHeader,
	headerLine,
	isNeverSigned,
	SESSION_TOKEN_HEADER
} from '../sigv4/index.ts';
import { inBlock, type CanonicalBlock } from './canonical-block.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import { kebab } from './step-ids.ts';
import type { LearnStep } from './types.ts';

function lines(headers: readonly [string, string][]): string {
	return headers.map(([n, v]) => headerLine(n, v)).join('\n');
}

/** Where the header came from: the request, the URL or the signer; and what the signer changed. */
function origin(lc: LearnContext, h: CanonicalHeader): string[] {
	const own = lc.request.headers.filter(([n]) => n.toLowerCase() === h.name);
	if (h.inputs.length === 0)
		return [
			`${quote(h.name)} is in the signed-headers list you gave, but the request has no such header: it is signed with an empty value, ` +
				'as a server that does not receive it would see it.'
		];
	if (own.length === 0) {
		switch (h.name) {
			case 'host':
				return [
					"The request has no Host header, so the signer takes it from the URL (with the port only when it is not the scheme's default). " +
						'Host is always signed.'
				];
			case 'x-amz-date':
				return ['The signer adds X-Amz-Date: the signing time, the same value as line 2 of the string to sign.'];
			case 'x-amz-content-sha256':
				return [
					`${lc.s3 ? 'S3 requires' : 'This request asks for'} x-amz-content-sha256: the signer adds it with the payload hash, the last line of the canonical request.`
				];
			case SESSION_TOKEN_HEADER:
				return ['Temporary credentials: the signer adds the session token as X-Amz-Security-Token and signs it.'];
			case 'x-amz-region-set':
				return [
					'SigV4a: the signer adds X-Amz-Region-Set, the regions the signature is valid in; the scope has no region, this signed header says where.'
				];
			default:
				return [];
		}
	}
	const ownValues = own.map(([, v]) => v).join('\n');
	const sentValues = h.inputs.map(([, v]) => v).join('\n');
	if (ownValues !== sentValues) return [`The request's own value ${quote(ownValues)} is replaced by the signer's.`];
	return [];
}

function describeHeader(lc: LearnContext, h: CanonicalHeader): { explanation: string; mistakes: FindingCode[] } {
	const says = origin(lc, h);
	const mistakes: FindingCode[] = ['header-name-not-lowercase', 'header-value-not-trimmed'];
	const inputs = h.inputs;
	if (inputs.some(([n]) => n !== h.name))
		says.push(`The name is lowercased: ${quote(inputs.find(([n]) => n !== h.name)![0])} becomes ${quote(h.name)}.`);
	const folded = inputs.some(([, v]) => /[\r\n]/.test(v));
	// A single space after the colon is the separator, not part of the value (as the parser and the core read it).
	const padded = inputs.some(([, v]) => canonicalHeaderValue(v) !== v.replace(/^ /, ''));
	if (folded) says.push('Continuation lines (obs-fold) are joined with single spaces.');
	else if (padded)
		says.push('White space at both ends of the value is removed and every run of spaces and tabs inside becomes one space, quotes or not.');
	if (inputs.length > 1) {
		says.push(`The request has ${inputs.length} ${quote(h.name)} headers: their values are joined with "," (no space) in the order sent.`);
		mistakes.push('header-values-joined-wrong');
	}
	says.push(
		`The line is the lowercase name, ":" and the value, with no space after the colon${h.value === '' ? ' (here an empty value)' : ''}.`
	);
	if (inputs.length === 0) mistakes.push('signed-header-absent');
	if (h.name === 'host') mistakes.push('host-not-signed', 'host-port-mismatch', 'host-mismatch');
	else if (h.name === 'x-amz-date') mistakes.push('timestamp-mismatch');
	else if (h.name === 'x-amz-content-sha256') mistakes.push('payload-hash-missing', 'payload-hash-mismatch');
	else if (h.name === SESSION_TOKEN_HEADER) mistakes.push('session-token-missing', 'session-token-added-after-signing');
	if (h.name.startsWith('x-amz-')) {
		says.push('Every x-amz-* header sent must be signed.');
		mistakes.push('x-amz-header-not-signed');
	}
	if (isNeverSigned(h.name) && !h.name.startsWith('x-amz-')) {
		says.push(
			`${quote(h.name)} is usually left unsigned, because browsers, proxies and SDKs change it; it is signed here because your signed-headers list names it.`
		);
		mistakes.push('unsignable-header-signed');
	}
	if (/[^\x20-\x7e]/.test(h.value)) {
		says.push(
			'The value holds non-ASCII characters: their UTF-8 bytes are signed, and a client or proxy that re-encodes them breaks the signature.'
		);
		mistakes.push('header-value-non-ascii');
	}
	if (lc.trace.mode === 'query' && h.name !== 'host')
		says.push('A presigned URL signs this header, so whoever uses the URL must send it with exactly this value.');
	return { explanation: says.join(' '), mistakes };
}

/** Why a header sent (or pasted) is not in the canonical request. */
function whyNotSigned(lc: LearnContext, name: string, dropped: boolean): { says: string; mistakes: FindingCode[] } {
	if (name === 'authorization')
		return { says: 'authorization: the pasted signature; it is what is being computed, so it is dropped.', mistakes: [] };
	if (dropped)
		return {
			says: `${name}: in a presigned URL this travels as the ${name === 'x-amz-date' ? 'X-Amz-Date' : 'X-Amz-Security-Token'} query parameter, so the header is dropped.`,
			mistakes: []
		};
	if (name === SESSION_TOKEN_HEADER)
		return {
			says: 'x-amz-security-token: signing the session token is switched off for this request, so it is added after signing (a few services expect that).',
			mistakes: ['session-token-added-after-signing']
		};
	if (lc.params.signedHeaders) {
		const xAmz = name.startsWith('x-amz-');
		return {
			says: `${name}: not in the signed-headers list you gave${xAmz ? '; but an x-amz-* header that is sent must be signed, and AWS rejects the request' : ''}.`,
			mistakes: xAmz ? ['x-amz-header-not-signed'] : []
		};
	}
	if (name.startsWith('proxy-'))
		return { says: `${name}: proxy-* headers are set by proxies on the way, never signed by default.`, mistakes: [] };
	if (name.startsWith('sec-')) return { says: `${name}: sec-* headers are set by the browser, never signed by default.`, mistakes: [] };
	return {
		says: `${name}: in the never-signed list; browsers, proxies and SDKs add or rewrite it after signing, which would break the signature.`,
		mistakes: ['unsignable-header-signed']
	};
}

function unsignedStep(lc: LearnContext): LearnStep | undefined {
	const entries = new Map<string, { lines: [string, string][]; dropped: boolean }>();
	const add = (header: [string, string], dropped: boolean) => {
		const name = header[0].toLowerCase();
		const entry = entries.get(name) ?? { lines: [], dropped };
		entry.lines.push(header);
		entries.set(name, entry);
	};
	// What the signer dropped from the pasted request (its own Authorization; presign: X-Amz-Date and the token).
	const droppedNames = new Set(lc.ctx.dropped.filter((d) => d.startsWith('header ')).map((d) => d.slice(7).toLowerCase()));
	for (const h of lc.request.headers) if (droppedNames.has(h[0].toLowerCase())) add(h, true);
	for (const h of lc.headers) if (!lc.signed.has(h[0].toLowerCase())) add(h, false);
	if (entries.size === 0) return undefined;

	const says: string[] = [];
	const mistakes = new Set<FindingCode>(['header-added-after-signing']);
	for (const [name, entry] of entries) {
		const why = whyNotSigned(lc, name, entry.dropped);
		says.push(why.says);
		why.mistakes.forEach((m) => mistakes.add(m));
	}
	return {
		id: lc.ids.take('unsigned-headers'),
		title: 'Headers not signed',
		reads: lines([...entries.values()].flatMap((e) => e.lines)),
		output: [...entries.keys()].join('\n'),
		explanation: `These headers stay out of the canonical request. ${says.join(' ')}`,
		docUrl: lc.canonicalDoc,
		mistakes: [...mistakes]
	};
}

/**
 * Lines 4…: one step per signed header in the order sent, the headers left unsigned, the sorted
 * block with its closing empty line, then SignedHeaders (a block of its own: one line).
 */
export function headerSteps(lc: LearnContext): { headers: CanonicalBlock; signedHeaders: CanonicalBlock } {
	const canonical = canonicalHeaders(lc.headers, lc.signed);
	const starts = new Map<string, number>();
	let text = '';
	for (const h of canonical) {
		starts.set(h.name, text.length);
		text += `${h.name}:${h.value}\n`;
	}

	// The order sent first (that is what the user wrote), then names signed but absent.
	const order: CanonicalHeader[] = [];
	for (const [name] of lc.headers) {
		const h = canonical.find((c) => c.name === name.toLowerCase());
		if (h && !order.includes(h)) order.push(h);
	}
	for (const h of canonical) if (!order.includes(h)) order.push(h);

	const steps: LearnStep[] = order.map((h) => {
		const output = `${h.name}:${h.value}`;
		const { explanation, mistakes } = describeHeader(lc, h);
		return {
			id: lc.ids.take(`header-${kebab(h.name) || 'name'}`),
			title: `Header ${h.name}`,
			reads: lines(h.inputs),
			output,
			highlight: inBlock(starts.get(h.name)!, output),
			explanation,
			docUrl: h.name === SESSION_TOKEN_HEADER ? DOC_URLS.temporaryCredentials : lc.canonicalDoc,
			mistakes
		};
	});
	const unsigned = unsignedStep(lc);
	if (unsigned) steps.push(unsigned);

	const resorted = order.some((h, i) => h !== canonical[i]);
	steps.push({
		id: lc.ids.take('canonical-headers'),
		title: 'Canonical headers',
		reads: lines(order.flatMap((h) => h.inputs)),
		output: text,
		highlight: inBlock(0, text),
		explanation:
			'The header lines sorted by name (byte order), each ending in a newline; with the newline that separates the parts, ' +
			'an empty line follows the block.' +
			(resorted ? ' The order the headers are sent in does not matter: here sorting changes it.' : ''),
		docUrl: lc.canonicalDoc,
		mistakes: ['headers-not-sorted', 'missing-blank-line']
	});

	const list = canonical.map((h) => h.name).join(';');
	const where = lc.trace.mode === 'query' ? 'as X-Amz-SignedHeaders in the URL' : 'in the Authorization header (SignedHeaders=…)';
	const signedHeadersStep: LearnStep = {
		id: lc.ids.take('signed-headers'),
		title: 'Signed headers',
		reads: text,
		output: list,
		highlight: inBlock(0, list),
		explanation:
			`The names of the canonical headers, lowercase, sorted, joined with ";": it tells AWS which headers were signed, and it appears again ${where}. ` +
			(lc.params.signedHeaders
				? 'The list comes from the inputs; host is always in it.'
				: 'By default every header sent is signed except the never-signed ones; host and every x-amz-* header always are.'),
		docUrl: lc.canonicalDoc,
		mistakes: ['signed-headers-mismatch', 'host-not-signed', 'x-amz-header-not-signed']
	};
	return { headers: { text, steps }, signedHeaders: { text: list, steps: [signedHeadersStep] } };
}
