// 1,000 random correct requests (methods, unicode and reserved characters in paths and queries,
// duplicate and folded headers, bodies, S3 and other services, header and query auth), signed by
// the core and handed to diagnose as the user's own stages: never a finding of severity error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { presignUrl, signRequest, type Header, type HttpRequest, type SigningParams } from '../../src/lib/sigv4/index.ts';

const utf8 = new TextEncoder();
const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;
const SUB_DELIMS = "!$&'()*+,;=:@";

function pct(ch: string, lower: boolean): string {
	return [...utf8.encode(ch)]
		.map((b) => '%' + (lower ? b.toString(16).padStart(2, '0') : b.toString(16).toUpperCase().padStart(2, '0')))
		.join('');
}

/** How a client writes a logical path segment or query component on the wire. */
type Style = 'strict' | 'loose' | 'form';
function encode(text: string, style: Style, lowerHex: boolean, extraRaw = ''): string {
	let out = '';
	for (const ch of text) {
		if (UNRESERVED.test(ch)) out += ch;
		else if (style === 'form' && ch === ' ') out += '+';
		else if (style === 'loose' && (SUB_DELIMS.includes(ch) || extraRaw.includes(ch) || ch.codePointAt(0)! > 0x7f)) out += ch;
		else out += pct(ch, lowerHex);
	}
	return out;
}

const charArb = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...'abcXYZ019-_.~') },
	{ weight: 4, arbitrary: fc.constantFrom(...'!$&\'()*+,;=:@/?#%[]{}|^`"<> ') },
	{ weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'ሴ', '中', '😀', '\u00a0') }
);
const textArb = (min: number, max: number) => fc.string({ unit: charArb, minLength: min, maxLength: max });
const styleArb = fc.constantFrom<Style>('strict', 'strict', 'loose', 'form');

const segmentArb = fc.oneof(
	{ weight: 8, arbitrary: fc.record({ text: textArb(1, 8), style: styleArb, lowerHex: fc.boolean() }) },
	{
		weight: 1,
		arbitrary: fc.record({ text: fc.constantFrom('.', '..', ''), style: fc.constant<Style>('strict'), lowerHex: fc.constant(false) })
	}
);

const queryParamArb = fc.record({
	key: fc.oneof(fc.constantFrom('a', 'A', 'b', 'Param1', 'prefix', 'list-type', 'a b', 'ሴ'), textArb(1, 5)),
	value: fc.option(textArb(0, 8), { freq: 5 }),
	style: styleArb,
	lowerHex: fc.boolean()
});

const HEADER_NAMES = [
	'My-Header1',
	'my-header1',
	'Content-Type',
	'X-Amz-Meta-Color',
	'x-amz-meta-color',
	'Range',
	'Accept',
	'User-Agent',
	'Expect',
	'X-Custom',
	'Content-MD5',
	'Cache-Control'
];
const valueArb = fc
	.tuple(
		fc.constantFrom('', ' ', '  ', '\t'),
		fc.array(
			fc.string({
				unit: fc.oneof(
					{ weight: 20, arbitrary: fc.constantFrom(...'abc xyz-019/:;="') },
					{ weight: 1, arbitrary: fc.constantFrom('é', '\u00a0') }
				),
				minLength: 1,
				maxLength: 6
			}),
			{
				minLength: 1,
				maxLength: 3
			}
		),
		fc.constantFrom(' ', '   ', '\t', '\n  ', '\n\t'),
		fc.constantFrom('', ' ', '\t ')
	)
	.map(([lead, words, gap, trail]) => lead + words.join(gap) + trail);

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1'];
const NON_S3 = ['service', 'sns', 'execute-api', 'iam', 'sqs', 'lambda', 'es', 'dynamodb', 'aoss'];

const caseArb = fc.record({
	mode: fc.constantFrom<'header' | 'query'>('header', 'query'),
	method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH', 'get', 'post'),
	s3: fc.boolean(),
	s3Service: fc.constantFrom('s3', 's3', 's3-object-lambda'),
	service: fc.constantFrom(...NON_S3),
	region: fc.constantFrom(...REGIONS),
	hostKind: fc.constantFrom('regional', 'global', 'local'),
	port: fc.option(fc.constantFrom('443', '8080', '9000'), { freq: 4, nil: undefined }),
	scheme: fc.constantFrom('https', 'http'),
	segments: fc.array(segmentArb, { minLength: 1, maxLength: 5 }),
	query: fc.option(fc.array(queryParamArb, { maxLength: 5 }), { freq: 2, nil: undefined }),
	headers: fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), valueArb), { maxLength: 6 }),
	hostHeader: fc.constantFrom('none', 'lower', 'upper'),
	body: fc.oneof(fc.constant(undefined), fc.constant(''), fc.string({ maxLength: 30 }), fc.uint8Array({ maxLength: 40 })),
	contentSha256: fc.constantFrom('none', 'body', 'unsigned'),
	epochSeconds: fc.integer({ min: 946_684_800, max: 4_102_444_799 }),
	secret: fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0123456789+/'), minLength: 8, maxLength: 40 }),
	token: fc.option(fc.string({ unit: fc.constantFrom(...'ABCabc0123+/='), minLength: 1, maxLength: 60 }), { freq: 3, nil: undefined }),
	signToken: fc.nat(4).map((n) => n !== 0),
	expiresIn: fc.option(fc.integer({ min: 1, max: 604_800 }), { nil: undefined }),
	unnormalized: fc.nat(6).map((n) => n === 0),
	contentSha256Header: fc.nat(6).map((n) => n === 0),
	/** Sign only some of the optional headers (a valid choice, e.g. not Content-Type): one flag per header name. */
	subset: fc.option(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { freq: 3, nil: undefined }),
	asSent: fc.boolean(),
	withNow: fc.boolean()
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

async function sha256Hex(body: string | Uint8Array | undefined): Promise<string> {
	const bytes = body === undefined ? new Uint8Array() : typeof body === 'string' ? utf8.encode(body) : body;
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function build(c: Case): Promise<{ request: HttpRequest; params: SigningParams }> {
	const service = c.s3 ? c.s3Service : c.service;
	const hostname =
		c.hostKind === 'regional'
			? c.s3
				? `examplebucket.s3.${c.region}.amazonaws.com`
				: `${service}.${c.region}.amazonaws.com`
			: c.hostKind === 'global'
				? c.s3
					? 'examplebucket.s3.amazonaws.com'
					: 'example.amazonaws.com'
				: 'localhost';
	const path =
		'/' + c.segments.map((s) => encode(s.text, s.style === 'form' ? 'strict' : s.style, s.lowerHex, ' ').replace(/ /g, '%20')).join('/');
	const query = c.query
		?.map((p) => encode(p.key, p.style, p.lowerHex) + (p.value === null ? '' : '=' + encode(p.value, p.style, p.lowerHex)))
		.join('&');
	const authority = hostname + (c.port ? `:${c.port}` : '');
	const url = `${c.scheme}://${authority}${path}${query !== undefined && query !== '' ? `?${query}` : ''}`;
	const headers: Header[] = c.headers.map(([n, v]) => [n, v]);
	const hostValue = c.port && !(c.port === '443' && c.scheme === 'https') ? authority : hostname;
	if (c.hostHeader !== 'none') headers.unshift(['Host', c.hostHeader === 'upper' ? hostValue.toUpperCase() : hostValue]);
	// OpenSearch Serverless requires x-amz-content-sha256 on every request: a correct aoss request sends it.
	if (c.mode === 'header' && (c.contentSha256 !== 'none' || service === 'aoss')) {
		headers.push(['X-Amz-Content-Sha256', c.contentSha256 === 'unsigned' ? 'UNSIGNED-PAYLOAD' : await sha256Hex(c.body)]);
	}
	const request: HttpRequest = { method: c.method, url, headers };
	if (c.body !== undefined) request.body = c.body;
	const params: SigningParams = {
		credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: c.secret },
		region: c.region,
		service,
		datetime: new Date(c.epochSeconds * 1000)
			.toISOString()
			.replace(/\.\d{3}Z$/, 'Z')
			.replace(/[-:]/g, '')
	};
	if (c.token !== undefined) {
		params.credentials.sessionToken = c.token;
		if (!c.signToken) params.signSessionToken = false;
	}
	if (c.mode === 'query' && c.expiresIn !== undefined) params.expiresIn = c.expiresIn;
	if (!c.s3 && c.unnormalized) params.normalizePath = false;
	if (!c.s3 && c.mode === 'header' && c.contentSha256Header) params.contentSha256Header = true;
	if (c.subset) {
		// What must be signed (host, every x-amz-* header, the signer's own), and a random choice of the rest.
		const names = new Set(['host']);
		if (c.mode === 'header') {
			names.add('x-amz-date');
			if (c.token !== undefined) names.add('x-amz-security-token');
			if (c.s3 || params.contentSha256Header) names.add('x-amz-content-sha256');
		}
		for (const [n] of headers) {
			const lower = n.toLowerCase();
			const i = HEADER_NAMES.findIndex((h) => h.toLowerCase() === lower);
			if (lower.startsWith('x-amz-') || (i >= 0 && c.subset[i])) names.add(lower);
		}
		params.signedHeaders = [...names];
	}
	return { request, params };
}

describe('diagnose on random correct requests', () => {
	it('finds no error in 1,000 requests signed by the core', async () => {
		let checked = 0;
		await fc.assert(
			fc.asyncProperty(caseArb, async (c) => {
				const { request, params } = await build(c);
				const trace = c.mode === 'query' ? await presignUrl(request, params) : await signRequest(request, params);
				const provided: NonNullable<Evidence['provided']> = {
					canonicalRequest: trace.canonicalRequest,
					stringToSign: trace.stringToSign,
					signature: trace.signature,
					signingKey: trace.keyChain.kSigning
				};
				if (trace.authorization) provided.authorization = trace.authorization;
				if (trace.signedUrl) provided.signedUrl = trace.signedUrl;
				const evidence: Evidence = { request: c.asSent ? trace.request : request, params, mode: c.mode, provided };
				if (c.withNow) evidence.now = new Date(c.epochSeconds * 1000);
				const findings = await diagnose(evidence);
				checked++;
				expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
				if (c.withNow) expect(findings.filter((f) => f.code === 'clock-skew' || f.code === 'presign-expired')).toEqual([]);
			}),
			{ numRuns: 1000 }
		);
		expect(checked).toBe(1000);
	});
});
