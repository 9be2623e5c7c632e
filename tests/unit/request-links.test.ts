import { describe, expect, it } from 'vitest';
import { analyze, exampleCase, explanationOf, partsOfLine, requestLinks, unsignedHeaders } from '../../src/lib/case/index.ts';

type LinkInputs = Parameters<typeof requestLinks>[0];

async function inputs(mode: 'header' | 'query', requestText?: string, edited: Partial<LinkInputs> = {}): Promise<LinkInputs> {
	const c = { ...exampleCase(), mode, ...(requestText ? { requestText } : {}) };
	const { trace } = await analyze(c, {});
	return {
		provenance: trace!.provenance,
		mode,
		datetime: trace!.datetime,
		credentialScope: trace!.credentialScope,
		stringToSignEdited: false,
		...edited
	};
}

const QUERY_REQUEST = 'GET /a?z=1&a=x+y&flag HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n';

describe('links between request parts and stage lines', () => {
	it('gives each header its own canonical-request line, and each line its rule and input', async () => {
		const links = requestLinks(await inputs('header'));
		const range = links.parts.find((p) => p.id === 'header:range')!;
		expect(range).toMatchObject({ kind: 'header', label: 'Range: bytes=0-9', refs: [{ stage: 'canonicalRequest', line: 5 }] });
		expect(partsOfLine(links, 'canonicalRequest', 5).map((p) => p.id)).toEqual(['header:range']);
		expect(explanationOf(links, 'canonicalRequest', 5)).toMatchObject({
			title: 'header',
			input: 'Range: bytes=0-9',
			rules: ['name lowercased']
		});
		expect(links.parts.map((p) => p.kind)).toEqual(['method', 'path', 'header', 'header', 'header', 'header', 'body', 'date', 'scope']);
	});

	it('lists a header sent and not signed as its own part, with no stage line; Authorization is the signature, not one of them', async () => {
		const request = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nUser-Agent: curl/8.5.0\nX-Trace: abc\n\n';
		const c = { ...exampleCase(), requestText: request, signedHeaders: 'host;x-amz-content-sha256;x-amz-date' };
		const { trace } = await analyze(c, {});
		const sent = unsignedHeaders(trace!.request.headers, trace!.signedHeaders);
		expect(sent).toEqual(['User-Agent: curl/8.5.0', 'X-Trace: abc']);
		const links = requestLinks({ ...(await inputs('header', request)), unsignedHeaders: sent });
		expect(links.parts.filter((p) => p.unsigned)).toEqual([
			{ id: 'unsigned:0', kind: 'header', label: 'User-Agent: curl/8.5.0', refs: [], unsigned: true },
			{ id: 'unsigned:1', kind: 'header', label: 'X-Trace: abc', refs: [], unsigned: true }
		]);
		expect(trace!.request.headers.some(([n]) => n === 'Authorization')).toBe(true);
		expect(
			unsignedHeaders(
				[
					['Authorization', 'AWS4-HMAC-SHA256 …'],
					['Host', 'h']
				],
				['host']
			)
		).toEqual([]);
	});

	it('points each query parameter at its own span of the canonical query, in the order the URL gives them', async () => {
		const links = requestLinks(await inputs('header', QUERY_REQUEST));
		const line = links.explanations.find((e) => e.title === 'query')!;
		const canonical = (await inputs('header', QUERY_REQUEST)).provenance.find((p) => p.part === 'query')!.text;
		expect(canonical).toBe('a=x%20y&flag=&z=1');
		const spans = links.parts
			.filter((p) => p.kind === 'query')
			.map((p) => [p.label, canonical.slice(p.refs[0]!.from! - 1, p.refs[0]!.to! - 1), p.refs[0]!.line === line.line]);
		expect(spans).toEqual([
			['z=1', 'z=1', true],
			['a=x+y', 'a=x%20y', true],
			['flag', 'flag=', true]
		]);
	});

	it('links the date to its X-Amz-Date header, or its presigned parameter, and to the date and scope lines of the string to sign', async () => {
		const header = requestLinks(await inputs('header')).parts.find((p) => p.id === 'date')!;
		expect(header.refs).toEqual([
			{ stage: 'canonicalRequest', line: 7 },
			{ stage: 'stringToSign', line: 2 },
			{ stage: 'stringToSign', line: 3 }
		]);
		const q = await inputs('query');
		const query = requestLinks(q).parts.find((p) => p.id === 'date')!;
		const text = q.provenance.find((p) => p.part === 'query')!.text;
		expect(text.slice(query.refs[0]!.from! - 1, query.refs[0]!.to! - 1)).toBe('X-Amz-Date=20130524T000000Z');
		const scope = requestLinks(q).parts.find((p) => p.id === 'scope')!;
		expect(scope.label).toBe('us-east-1 / s3');
		expect(text.slice(scope.refs[0]!.from! - 1, scope.refs[0]!.to! - 1)).toMatch(/^X-Amz-Credential=.*%2Fus-east-1%2Fs3%2Faws4_request$/);
	});

	it('drops the links of an edited stage: its lines are the user’s, not the request’s', async () => {
		const stsEdited = requestLinks(await inputs('header', undefined, { stringToSignEdited: true }));
		expect(stsEdited.parts.flatMap((p) => p.refs).some((r) => r.stage === 'stringToSign')).toBe(false);
		expect(explanationOf(stsEdited, 'stringToSign', 3)).toBeUndefined();
		const crEdited = requestLinks(await inputs('header', undefined, { provenance: [] }));
		expect(crEdited.parts.map((p) => p.id)).toEqual(['date', 'scope']);
		expect(crEdited.parts.flatMap((p) => p.refs).every((r) => r.stage === 'stringToSign')).toBe(true);
	});
});
