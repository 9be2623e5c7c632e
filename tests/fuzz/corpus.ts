// The realistic starting points of the input fuzz: every importer sample, the cases they import
// to, their links and case files, the requests and evidence they carry, and POST policies.
import { analyze, DEFAULT_CASE, importPaste, type Case } from '../../src/lib/case/index.ts';
import { DEFAULT_POST_FIELDS, DEFAULT_POST_POLICY } from '../../src/lib/case/examples.ts';
import type { Evidence } from '../../src/lib/diagnose/index.ts';
import { caseToJson, encodeCase } from '../../src/lib/share/index.ts';
import { compactCase } from '../../src/lib/share/compact-case.ts';
import type { HttpRequest, SigningParams } from '../../src/lib/sigv4/index.ts';
import { SAMPLES } from '../unit/parse-samples.ts';

export interface Corpus {
	texts: string[];
	/** Requests that sign, with their parameters and mode. */
	requests: { request: HttpRequest; params: SigningParams; mode: 'header' | 'query' }[];
	evidence: Evidence[];
	caseFiles: string[];
	/** The compact JSON a link carries, before compression. */
	linkJson: string[];
	fragments: string[];
	policies: { policy: string; fields: [string, string][] }[];
}

const EXTRA_TEXTS = [
	'GET /a%00b HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n',
	"curl -G --data-urlencode 'q=a b' https://a.example/",
	'PUT /k HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-meta-note: caf\u00e9\n\nbody',
	'https://examplebucket.s3.amazonaws.com/photos/%E2%82%AC.jpg'
];

function postFields(text: string): [string, string][] {
	return text.split('\n').flatMap((line) => {
		const at = line.indexOf(':');
		return at > 0 ? [[line.slice(0, at).trim(), line.slice(at + 1).trim()] as [string, string]] : [];
	});
}

export async function loadCorpus(): Promise<Corpus> {
	const texts = [...Object.values(SAMPLES), ...EXTRA_TEXTS];
	const corpus: Corpus = { texts, requests: [], evidence: [], caseFiles: [], linkJson: [], fragments: [], policies: [] };
	const cases: Case[] = [structuredClone(DEFAULT_CASE) as Case];
	for (const text of texts) cases.push(importPaste(DEFAULT_CASE as Case, text).case);
	cases.push({ ...(structuredClone(DEFAULT_CASE) as Case), mode: 'post' });
	for (const c of cases) {
		corpus.caseFiles.push(caseToJson(c, { includeSecrets: true }));
		corpus.linkJson.push(JSON.stringify(compactCase(c)));
		corpus.fragments.push(await encodeCase(c, { includeSecrets: true }));
		const a = await analyze(c);
		if (a.request && a.params && a.trace && c.mode !== 'post' && c.mode !== 'chunked')
			corpus.requests.push({ request: a.request, params: a.params, mode: c.mode });
		if (a.evidence) corpus.evidence.push(a.evidence);
		if (a.trace && a.request && a.params && c.mode !== 'post' && c.mode !== 'chunked') {
			// The correct stages as the user's own: diagnose must find nothing wrong, and the mutations something.
			const t = a.trace;
			const provided: NonNullable<Evidence['provided']> = {
				canonicalRequest: t.canonicalRequest,
				stringToSign: t.stringToSign,
				signature: t.signature
			};
			if (t.authorization) provided.authorization = t.authorization;
			if (t.signedUrl) provided.signedUrl = t.signedUrl;
			corpus.evidence.push({
				request: a.request,
				params: a.params,
				mode: c.mode,
				provided,
				server: { canonicalRequest: t.canonicalRequest, stringToSign: t.stringToSign }
			});
		}
	}
	corpus.policies.push({ policy: DEFAULT_POST_POLICY, fields: postFields(DEFAULT_POST_FIELDS) });
	for (const c of cases) if (c.form.length > 0) corpus.policies.push({ policy: DEFAULT_POST_POLICY, fields: c.form });
	return corpus;
}
