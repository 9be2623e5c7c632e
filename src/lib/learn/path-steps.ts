import { quote } from '../findings/index.ts';
import type { FindingCode } from '../findings/index.ts';
import { canonicalPath, normalizePathSegments, serviceRules } from '../sigv4/index.ts';
import { inBlock, type CanonicalBlock } from './canonical-block.ts';
import type { LearnContext } from './learn-context.ts';
import type { LearnStep } from './types.ts';

const UNRESERVED = 'A-Z a-z 0-9 - _ . ~';
const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
const UNRESERVED_CHAR = /^[A-Za-z0-9\-_.~]$/;
const DOT_OR_DOUBLE_SLASH = /\/\/|\/\.\.?(\/|$)/;

/** One path segment as the signer encodes it (the core's own function, on that segment alone). */
function encodeSegment(segment: string, uriEscapePath: boolean): string {
	return canonicalPath('/' + segment, { uriEscapePath, normalizePath: false }).value.slice(1);
}

/** Says whether a rule comes from the service or was switched in the inputs: a learner must know which. */
function ruleSource(lc: LearnContext, option: 'uriEscapePath' | 'normalizePath'): string {
	const given = lc.params[option];
	if (given === undefined || given === serviceRules(lc.params.service)[option]) return '';
	return ' (switched in the inputs for this request; the service default is the other way)';
}

function describeSegment(lc: LearnContext, segment: string, output: string): { explanation: string; mistakes: FindingCode[] } {
	const doubleEncode = lc.ctx.uriEscapePath;
	const says: string[] = [];
	const mistakes: FindingCode[] = doubleEncode
		? ['path-not-double-encoded', 'path-not-encoded', 'percent-hex-lowercase']
		: ['path-double-encoded', 'path-not-encoded', 'percent-hex-lowercase', 'unreserved-encoded'];
	if (segment === '.' || segment === '..') {
		says.push(`${quote(segment)} stays a segment of its own: this path is not normalized${ruleSource(lc, 'normalizePath')}.`);
		mistakes.push('s3-path-normalized');
	}
	if (UNRESERVED_ONLY.test(segment)) {
		says.push(`${quote(segment)} holds only unreserved characters (${UNRESERVED}), so it is signed as it is.`);
	} else if (doubleEncode) {
		says.push(
			`This service signs the path as it was received and encodes it once more${ruleSource(lc, 'uriEscapePath')}: ` +
				`every byte outside ${UNRESERVED} becomes %XX (UTF-8, uppercase hex).`
		);
		if (segment.includes('%'))
			says.push(
				'The "%" of an escape already in the URL becomes "%25" ("%20" is signed as "%2520"): this double encoding is what every service but S3 expects.'
			);
	} else {
		says.push(
			`${lc.s3 ? 'S3 signs the object key' : 'The path is signed as a key'}${ruleSource(lc, 'uriEscapePath')}: ` +
				`the segment is decoded, then encoded exactly once; every byte outside ${UNRESERVED} becomes %XX (UTF-8, uppercase hex).`
		);
		const escapes = [...segment.matchAll(/%([0-9A-Fa-f]{2})/g)].map((m) => m[1]!);
		if (escapes.length > 0) says.push('Escapes already in the URL are decoded first, so they are not encoded a second time.');
		if (escapes.some((hex) => /[a-f]/.test(hex))) says.push('Escapes come out in uppercase hex ("%2f" becomes "%2F").');
		if (escapes.some((hex) => UNRESERVED_CHAR.test(String.fromCharCode(parseInt(hex, 16)))))
			says.push('An escaped unreserved character ("%7E") is decoded back to itself ("~") and stays so.');
		if (segment.includes('+')) {
			says.push('A "+" in the path is a literal plus, never a space: it is signed as %2B.');
			mistakes.push('plus-in-s3-key');
		}
		if (output === segment) says.push('Here that gives back the same text: the segment was already encoded the way S3 expects.');
	}
	return { explanation: says.join(' '), mistakes };
}

/** Line 2: the canonical URI, with a step for normalization and one per path segment. */
export function pathSteps(lc: LearnContext): CanonicalBlock {
	const raw = lc.ctx.url.path;
	const path = raw === '' ? '/' : raw;
	const { normalizePath, uriEscapePath } = lc.ctx;
	const steps: LearnStep[] = [];

	const normalized = normalizePath ? normalizePathSegments(path) : path;
	if (normalizePath && normalized !== path) {
		steps.push({
			id: lc.ids.take('uri-normalize'),
			title: 'Path normalized',
			reads: raw,
			output: normalized,
			explanation:
				`This service normalizes the path before signing${ruleSource(lc, 'normalizePath')}: "." segments and empty segments ("//") are removed, ` +
				`and ".." removes the segment before it (RFC 3986). ${quote(path)} becomes ${quote(normalized)}.`,
			docUrl: lc.canonicalDoc,
			mistakes: ['path-not-normalized']
		});
	} else if (!normalizePath && DOT_OR_DOUBLE_SLASH.test(path)) {
		steps.push({
			id: lc.ids.take('uri-normalize'),
			title: 'Path not normalized',
			reads: raw,
			output: path,
			explanation:
				`${lc.s3 ? 'S3 signs the path exactly as sent' : 'The path is signed exactly as sent'}${ruleSource(lc, 'normalizePath')}: ` +
				'"//", "." and ".." stay, because in an object key they are part of the name.',
			docUrl: lc.canonicalDoc,
			mistakes: ['s3-path-normalized']
		});
	}

	// Build the line segment by segment, so that each segment's step knows where it sits.
	let text = '';
	let n = 0;
	for (const segment of normalized.split('/').slice(1)) {
		text += '/';
		if (segment === '') continue;
		const output = encodeSegment(segment, uriEscapePath);
		const { explanation, mistakes } = describeSegment(lc, segment, output);
		steps.push({
			id: lc.ids.take(`uri-segment-${++n}`),
			title: `Path segment ${n}`,
			reads: segment,
			output,
			highlight: inBlock(text.length, output),
			explanation,
			docUrl: lc.canonicalDoc,
			mistakes
		});
		text += output;
	}

	const says: string[] = [];
	if (raw === '') says.push('The URL has no path; an empty path is signed as "/".');
	says.push(
		n === 0
			? 'The canonical URI is the path: here just "/".'
			: `The canonical URI is the encoded segments joined with "/"${path.endsWith('/') && normalized !== '/' ? ', the trailing "/" kept' : ''}.`
	);
	says.push(
		(uriEscapePath
			? 'The path is encoded as received (double encoding), the rule of every service but S3,'
			: "Each segment is encoded once, S3's rule for object keys,") + (normalizePath ? ' and normalized first.' : ' and never normalized.')
	);
	if (!normalizePath && /\/\//.test(normalized)) says.push('Empty segments ("//") are kept: nothing is removed from an unnormalized path.');
	steps.push({
		id: lc.ids.take('canonical-uri'),
		title: 'Canonical URI',
		reads: raw,
		output: text,
		highlight: inBlock(0, text),
		explanation: says.join(' '),
		docUrl: lc.canonicalDoc,
		mistakes: uriEscapePath
			? ['path-not-double-encoded', 'path-not-normalized']
			: ['path-double-encoded', 's3-path-normalized', 'plus-in-s3-key']
	});
	return { text, steps };
}
