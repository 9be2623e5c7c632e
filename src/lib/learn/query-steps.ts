import { quote } from '../findings/index.ts';
import type { FindingCode } from '../findings/index.ts';
import { canonicalQueryComponent, type RawQueryParam, MAX_EXPIRES, SESSION_TOKEN_QUERY_PARAM } from '../sigv4/index.ts';
import { inBlock, type CanonicalBlock } from './canonical-block.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import { presignParams, type PresignParam } from './presign-params.ts';
import type { LearnStep } from './types.ts';

/** A key=value pair of the canonical query string and the step that explains it. */
interface Pair {
	key: string;
	value: string;
	/** A parameter of the request itself, not one the presigned URL adds. */
	own: boolean;
	step: LearnStep;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function describeParam(p: RawQueryParam, key: string, value: string): { explanation: string; mistakes: FindingCode[] } {
	const says: string[] = [];
	const mistakes: FindingCode[] = ['query-not-encoded', 'query-plus-for-space'];
	const raw = `${p.key}${p.hasEquals ? '=' : ''}${p.value}`;
	if (/^[A-Za-z0-9\-_.~]*$/.test(p.key + p.value)) {
		says.push('Key and value hold only unreserved characters (A-Z a-z 0-9 - _ . ~): nothing to encode.');
	} else {
		says.push(
			'Key and value are encoded separately: escapes already in the URL are decoded, then every byte outside A-Z a-z 0-9 - _ . ~ ' +
				'becomes %XX (UTF-8, uppercase hex), "=", "&", "/" and the space included. The query is encoded once, for every service.'
		);
		if (raw.includes('+')) says.push('A "+" in a query string means a space, so it is signed as %20; a real plus must be sent as %2B.');
		if (/%(?:[0-9a-f][a-f]|[a-f][0-9a-f])/.test(raw)) {
			says.push('Escapes come out in uppercase hex.');
			mistakes.push('percent-hex-lowercase');
		}
		if (key === p.key && value === p.value) says.push('Here that gives back the same text: the parameter was already encoded this way.');
	}
	if (!p.hasEquals) {
		says.push(`${quote(p.key)} has no "=": it is signed with an empty value, as "${key}=".`);
		mistakes.push('query-missing-equals');
	}
	return { explanation: says.join(' '), mistakes };
}

const PRESIGN_TEXT: Record<string, { title: string; id: string; says: string; mistakes: FindingCode[] }> = {
	'X-Amz-Algorithm': {
		id: 'presign-algorithm',
		title: 'X-Amz-Algorithm parameter',
		says: 'A presigned URL carries its signing information in the query string, and those parameters are signed like any other. X-Amz-Algorithm names the algorithm.',
		mistakes: ['query-not-sorted']
	},
	'X-Amz-Credential': {
		id: 'presign-credential',
		title: 'X-Amz-Credential parameter',
		says: 'The access key ID and the credential scope (date/region/service/aws4_request). Its "/" are encoded as %2F: a query value is encoded with "/" included.',
		mistakes: ['query-not-encoded', 'scope-region-mismatch', 'scope-service-mismatch']
	},
	'X-Amz-Date': {
		id: 'presign-date',
		title: 'X-Amz-Date parameter',
		says: 'The signing time, the same value as line 2 of the string to sign.',
		mistakes: ['timestamp-mismatch', 'timestamp-malformed']
	},
	'X-Amz-SignedHeaders': {
		id: 'presign-signed-headers',
		title: 'X-Amz-SignedHeaders parameter',
		says: 'The names of the signed headers (see the Signed headers step), ";" encoded as %3B. Whoever uses the URL must send exactly these headers with the values signed.',
		mistakes: ['signed-headers-mismatch', 'query-not-encoded']
	},
	'X-Amz-Expires': {
		id: 'presign-expires',
		title: 'X-Amz-Expires parameter',
		says: `How long the URL stays valid, in seconds from X-Amz-Date: at most ${MAX_EXPIRES} (7 days).`,
		mistakes: ['presign-expires-too-long', 'presign-expired']
	},
	'X-Amz-Security-Token': {
		id: 'presign-security-token',
		title: 'X-Amz-Security-Token parameter',
		says: 'Temporary credentials: the session token travels in the URL and is signed with it.',
		mistakes: ['session-token-missing', 'session-token-added-after-signing']
	},
	'X-Amz-Region-Set': {
		id: 'presign-region-set',
		title: 'X-Amz-Region-Set parameter',
		says: 'SigV4a: the regions the URL is valid in, comma-separated ("," encoded as %2C, "*" for every region as %2A). The scope has no region: this parameter, signed, says where.',
		mistakes: ['sigv4a-region-not-in-set', 'sigv4a-region-set-missing']
	}
};

function presignPair(lc: LearnContext, p: PresignParam): Pair {
	const text = PRESIGN_TEXT[p.name]!;
	const output = `${p.name}=${p.encoded}`;
	return {
		key: p.name,
		value: p.encoded,
		own: false,
		step: {
			id: lc.ids.take(text.id),
			title: text.title,
			reads: p.value,
			output,
			explanation: text.says,
			docUrl: p.name === SESSION_TOKEN_QUERY_PARAM ? DOC_URLS.temporaryCredentials : lc.s3 ? DOC_URLS.s3Presign : DOC_URLS.placement,
			mistakes: text.mistakes
		}
	};
}

/** Line 3: one step per parameter (the request's own, then a presigned URL's X-Amz-*), then the sort. */
export function querySteps(lc: LearnContext): CanonicalBlock {
	const pairs: Pair[] = lc.ctx.query.map((p, i) => {
		const key = canonicalQueryComponent(p.key);
		const value = canonicalQueryComponent(p.value);
		const output = `${key}=${value}`;
		const { explanation, mistakes } = describeParam(p, key, value);
		return {
			key,
			value,
			own: true,
			step: {
				id: lc.ids.take(`query-param-${i + 1}`),
				title: `Query parameter ${i + 1}`,
				reads: p.raw,
				output,
				explanation,
				docUrl: lc.canonicalDoc,
				mistakes
			}
		};
	});
	const presign = lc.trace.mode === 'query' ? presignParams(lc) : [];
	for (const p of presign) if (p.signed) pairs.push(presignPair(lc, p));

	// The signer's order: by key, then by value, comparing UTF-16 code units of the encoded (ASCII) text,
	// which is byte order. Array sort is stable, so equal pairs keep their order, as in the signer.
	const sorted = pairs.slice().sort((a, b) => compare(a.key, b.key) || compare(a.value, b.value));
	let text = '';
	for (const pair of sorted) {
		if (text !== '') text += '&';
		pair.step.highlight = inBlock(text.length, pair.step.output);
		text += pair.step.output;
	}

	const says: string[] = [];
	if (pairs.length === 0) {
		says.push('The URL has no query parameters, so this line is empty; the line itself must still be there.');
	} else {
		says.push(
			'The encoded parameters sorted by key, then by value, comparing bytes: uppercase sorts before lowercase ("X-Amz-…" before "acl"), ' +
				'and the order in the URL does not matter. They are joined with "&".'
		);
		if (presign.length > 0) says.push('X-Amz-Signature is the one parameter left out: it is what is being computed.');
	}
	const dropped = lc.ctx.dropped.filter((d) => d.startsWith('query ')).map((d) => d.slice(6));
	if (dropped.length > 0)
		says.push(
			`The URL's own ${dropped.join(', ')} ${dropped.length > 1 ? 'are ignored: the signer computes them' : 'is ignored: the signer computes it'} afresh.`
		);
	if (presign.some((p) => !p.signed)) says.push('X-Amz-Security-Token is left out: for this request it is added to the URL after signing.');
	const raw = lc.ctx.url.query ?? '';
	const own = sorted.filter((p) => p.own);
	if (own.some((p, i) => p !== pairs[i])) says.push("Here the sort changes the URL's order of the parameters.");

	const steps = pairs.map((p) => p.step);
	steps.push({
		id: lc.ids.take('query-sort'),
		title: pairs.length === 0 ? 'Canonical query string (empty)' : 'Canonical query string',
		reads: raw,
		output: text,
		highlight: inBlock(0, text),
		explanation: says.join(' '),
		docUrl: lc.canonicalDoc,
		mistakes: ['query-not-sorted', 'query-line-missing']
	});
	return { text, steps };
}
