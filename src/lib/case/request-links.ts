import {
	ALGORITHM,
	AMZ_DATE_HEADER,
	AMZ_DATE_QUERY_PARAM,
	CREDENTIAL_QUERY_PARAM,
	canonicalQueryComponent,
	splitQuery,
	type Provenance
} from '../sigv4/index.ts';

/** The stages whose lines are linked to the request's parts. */
export type LinkedStage = 'canonicalRequest' | 'stringToSign';

/** One line of a stage; `from`/`to` (1-based columns, `to` exclusive) narrow it to a span. */
export interface LineRef {
	stage: LinkedStage;
	line: number;
	from?: number;
	to?: number;
}

export type PartKind = 'method' | 'path' | 'query' | 'header' | 'date' | 'scope' | 'body';

/** A part of the request (or of the scope) and the stage lines it produces. */
export interface RequestPart {
	id: string;
	kind: PartKind;
	/** What the part says, as the user gave it. */
	label: string;
	refs: LineRef[];
	/** A header sent with the request but not in SignedHeaders: it produces no stage line. */
	unsigned?: true;
}

/** Why one stage line reads as it does: its rule and input. */
export interface LineExplanation {
	stage: LinkedStage;
	line: number;
	title: string;
	input: string;
	rules: string[];
}

export interface RequestLinks {
	parts: RequestPart[];
	explanations: LineExplanation[];
}

export interface LinkInputs {
	/** The canonical request's provenance; empty when the user edited that stage. */
	provenance: Provenance[];
	mode: 'header' | 'query';
	datetime: string;
	credentialScope: string;
	/** The user edited the string to sign: its lines are theirs, not the request's. */
	stringToSignEdited: boolean;
	/** `Name: value` of each header sent and not signed (see unsignedHeaders). */
	unsignedHeaders?: string[];
}

/** The headers of the request to send that SignedHeaders leaves out (Authorization carries the signature, it is not one of them). */
export function unsignedHeaders(headers: readonly (readonly [string, string])[], signed: readonly string[]): string[] {
	return headers
		.filter(([name]) => name.toLowerCase() !== 'authorization' && !signed.includes(name.toLowerCase()))
		.map(([name, value]) => `${name}: ${value.trim()}`);
}

const STS_SCOPE_LINE = 3;
const STS_DATE_LINE = 2;

/** The span of one parameter inside the canonical query line, found by its canonical `key=value`. */
function querySpan(canonical: string, pair: string): { from: number; to: number } | undefined {
	let offset = 0;
	for (const segment of canonical.split('&')) {
		if (segment === pair) return { from: offset + 1, to: offset + segment.length + 1 };
		offset += segment.length + 1;
	}
	return undefined;
}

function queryRef(query: Provenance | undefined, key: string, value: string): LineRef[] {
	if (!query) return [];
	const span = querySpan(query.text, `${canonicalQueryComponent(key)}=${canonicalQueryComponent(value)}`);
	return [{ stage: 'canonicalRequest', line: query.line, ...span }];
}

/** Where the signed date and scope appear in the canonical request: the X-Amz-Date header, or the presigned query. */
function inCanonical(p: Provenance[], mode: LinkInputs['mode'], param: string, header?: string): LineRef[] {
	if (mode === 'query') {
		const query = p.find((l) => l.part === 'query');
		const found = query && splitQuery(query.text).find((q) => q.key === param);
		const span = found && querySpan(query.text, found.raw);
		return span ? [{ stage: 'canonicalRequest', line: query.line, ...span }] : [];
	}
	const line = header ? p.find((l) => l.part === 'header' && l.text.startsWith(`${header}:`)) : undefined;
	return line ? [{ stage: 'canonicalRequest', line: line.line }] : [];
}

function stringToSignLines(i: LinkInputs): LineExplanation[] {
	const [date, region, service] = i.credentialScope.split('/');
	const sts = (line: number, title: string, input: string, rules: string[]): LineExplanation => ({
		stage: 'stringToSign',
		line,
		title,
		input,
		rules
	});
	return [
		sts(1, 'algorithm', '', [`always ${ALGORITHM} for Signature Version 4`]),
		sts(STS_DATE_LINE, 'request date', i.datetime, ['the signed date and time, UTC, exactly as in X-Amz-Date']),
		sts(STS_SCOPE_LINE, 'credential scope', `date ${date}, region ${region}, service ${service}`, [
			'date/region/service/aws4_request; the date is the first 8 digits of the request date'
		]),
		sts(4, 'canonical request hash', 'the canonical request above', ['hex SHA-256 of the canonical request, lowercase'])
	];
}

/** Each part of the request with the canonical-request (and string-to-sign) lines it produces, and every line's explanation. */
export function requestLinks(i: LinkInputs): RequestLinks {
	const p = i.provenance;
	const parts: RequestPart[] = [];
	const cr = (line: Provenance): LineRef[] => [{ stage: 'canonicalRequest', line: line.line }];
	const sts = (line: number): LineRef[] => (i.stringToSignEdited ? [] : [{ stage: 'stringToSign', line }]);
	const query = p.find((l) => l.part === 'query');
	for (const line of p) {
		if (line.part === 'method') parts.push({ id: 'method', kind: 'method', label: line.input, refs: cr(line) });
		if (line.part === 'path') parts.push({ id: 'path', kind: 'path', label: line.input, refs: cr(line) });
		if (line.part === 'header') {
			const name = line.text.slice(0, line.text.indexOf(':'));
			const label = line.input || `${name} (not in the request)`;
			parts.push({ id: `header:${name}`, kind: 'header', label, refs: cr(line) });
		}
		if (line.part === 'payload-hash') parts.push({ id: 'body', kind: 'body', label: line.input, refs: cr(line) });
	}
	splitQuery(query?.input).forEach((param, n) => {
		const value = param.hasEquals ? param.value : '';
		parts.splice(2 + n, 0, { id: `query:${n}`, kind: 'query', label: param.raw, refs: queryRef(query, param.key, value) });
	});
	(i.unsignedHeaders ?? []).forEach((label, n) => parts.push({ id: `unsigned:${n}`, kind: 'header', label, refs: [], unsigned: true }));
	const [, region, service] = i.credentialScope.split('/');
	parts.push(
		{
			id: 'date',
			kind: 'date',
			label: i.datetime,
			refs: [...inCanonical(p, i.mode, AMZ_DATE_QUERY_PARAM, AMZ_DATE_HEADER), ...sts(STS_DATE_LINE), ...sts(STS_SCOPE_LINE)]
		},
		{
			id: 'scope',
			kind: 'scope',
			label: `${region} / ${service}`,
			refs: [...inCanonical(p, i.mode, CREDENTIAL_QUERY_PARAM), ...sts(STS_SCOPE_LINE)]
		}
	);
	const explanations: LineExplanation[] = p.map((l) => ({
		stage: 'canonicalRequest',
		line: l.line,
		title: l.part.replace('-', ' '),
		input: l.input,
		rules: l.rules
	}));
	if (!i.stringToSignEdited) explanations.push(...stringToSignLines(i));
	return { parts: parts.filter((part) => part.refs.length > 0 || part.unsigned), explanations };
}

/** The parts a stage line comes from. */
export function partsOfLine(links: RequestLinks, stage: LinkedStage, line: number): RequestPart[] {
	return links.parts.filter((part) => part.refs.some((r) => r.stage === stage && r.line === line));
}

export function explanationOf(links: RequestLinks, stage: LinkedStage, line: number): LineExplanation | undefined {
	return links.explanations.find((e) => e.stage === stage && e.line === line);
}
