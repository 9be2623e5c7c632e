// What every walk-through must satisfy, whatever the request: the steps rebuild the core's trace
// exactly (so the walk-through cannot drift from the signer), every highlight points at its output
// in the pane the page shows, and no step holds the secret. Shared by the learn-*.test.ts files.
import { expect } from 'vitest';
import { FINDING_CODES } from '../../src/lib/findings/index.ts';
import { buildSteps, type LearnStep } from '../../src/lib/learn/steps.ts';
import { learnPaneTexts } from '../../src/lib/learn/pane-texts.ts';
import { presignUrl, signRequest, type HttpRequest, type SigningParams, type SigningTrace } from '../../src/lib/sigv4/index.ts';
import { keyChainText } from '../../src/lib/sigv4/index.ts';

export type Mode = 'header' | 'query';

/** The steps after the canonical request's parts, always these, in this order. */
export const TAIL_IDS = [
	'canonical-request',
	'canonical-request-hash',
	'sts-algorithm',
	'sts-datetime',
	'sts-scope',
	'sts-hash',
	'k-date',
	'k-region',
	'k-service',
	'k-signing',
	'signature',
	'placement'
];

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Text before the first `sep`, and after it (the whole text and '' when there is none). */
function splitAt(text: string, sep: string): [string, string] {
	const at = text.indexOf(sep);
	return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

export async function sign(request: HttpRequest, params: SigningParams, mode: Mode): Promise<SigningTrace> {
	return mode === 'header' ? signRequest(request, params) : presignUrl(request, params);
}

/** Signs, builds the steps and checks every invariant; returns the steps for further checks. */
export async function walk(request: HttpRequest, params: SigningParams, mode: Mode): Promise<LearnStep[]> {
	const trace = await sign(request, params, mode);
	const steps = buildSteps({ request, params, trace });
	checkSteps(steps, trace, params);
	return steps;
}

export function checkSteps(steps: LearnStep[], trace: SigningTrace, params: SigningParams): void {
	const byId = new Map(steps.map((s) => [s.id, s]));
	const output = (id: string): string => {
		const step = byId.get(id);
		expect(step, `step ${id}`).toBeDefined();
		return step!.output;
	};

	// Shape of every step.
	expect(byId.size, 'ids are unique').toBe(steps.length);
	for (const step of steps) {
		expect(step.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		expect(step.title.trim(), step.id).not.toBe('');
		expect(step.explanation.trim(), step.id).not.toBe('');
		expect(step.docUrl, step.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
		expect(step.mistakes.length, step.id).toBeGreaterThan(0);
		for (const code of step.mistakes) expect(Object.hasOwn(FINDING_CODES, code), `${step.id}: ${code}`).toBe(true);
	}
	expect(JSON.stringify(steps), 'the secret is in no step').not.toContain(params.credentials.secretAccessKey);

	// The panes as the page shows them, spelled out here rather than taken from the module under test.
	const panes = {
		canonicalRequest: trace.canonicalRequest,
		stringToSign: trace.stringToSign,
		signingKey: keyChainText(trace.keyChain),
		signature: trace.signature,
		output: (trace.mode === 'header' ? trace.authorization : trace.signedUrl) ?? ''
	};
	expect(learnPaneTexts(trace)).toEqual(panes);
	// Every step that produces pane text points at it; only these two produce text no pane shows.
	for (const step of steps) if (!step.highlight) expect(step.id).toMatch(/^(uri-normalize|unsigned-headers)$/);
	for (const step of steps) {
		if (!step.highlight) continue;
		const { pane, start, end } = step.highlight;
		const text = panes[pane];
		expect(0 <= start && start <= end && end <= text.length, `${step.id}: [${start}, ${end}) within ${pane}`).toBe(true);
		expect(text.slice(start, end), `${step.id} highlight`).toBe(step.output);
	}

	// Canonical request, part by part.
	const segments = steps.filter((s) => /^uri-segment-\d+$/.test(s.id)).map((s) => s.output);
	expect(
		output('canonical-uri')
			.split('/')
			.filter((s) => s !== ''),
		'URI segments'
	).toEqual(segments);

	const pairs = steps.filter((s) => /^(query-param-\d+|presign-[a-z-]+)$/.test(s.id)).map((s) => s.output);
	const sortedPairs = pairs
		.map((p) => splitAt(p, '='))
		.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
		.map(([k, v]) => `${k}=${v}`);
	expect(output('query-sort'), 'query: the pairs sorted by key then value, joined with "&"').toBe(sortedPairs.join('&'));
	expect(
		steps.some((s) => s.id.startsWith('presign-')),
		'presign parameters only in query mode'
	).toBe(trace.mode === 'query');

	const headerLines = steps.filter((s) => /^header-/.test(s.id)).map((s) => s.output);
	const sortedHeaders = headerLines.slice().sort((a, b) => compare(splitAt(a, ':')[0], splitAt(b, ':')[0]));
	expect(output('canonical-headers'), 'headers: the lines sorted by name, each ending in "\\n"').toBe(
		sortedHeaders.map((l) => `${l}\n`).join('')
	);
	expect(output('signed-headers')).toBe(sortedHeaders.map((l) => splitAt(l, ':')[0]).join(';'));
	expect(output('signed-headers')).toBe(trace.signedHeaders.join(';'));
	expect(output('payload-hash')).toBe(trace.payloadHash);

	// The six parts joined with "\n" (the header block brings its own trailing "\n": the blank line).
	const parts = ['method', 'canonical-uri', 'query-sort', 'canonical-headers', 'signed-headers', 'payload-hash'].map(output);
	expect(parts.join('\n'), 'parts → canonical request').toBe(trace.canonicalRequest);
	// The same, line by line, as AWS lists them: the header lines, then an empty line.
	const lines = [
		output('method'),
		output('canonical-uri'),
		output('query-sort'),
		...sortedHeaders,
		'',
		output('signed-headers'),
		output('payload-hash')
	];
	expect(lines.join('\n'), 'lines → canonical request').toBe(trace.canonicalRequest);
	expect(output('canonical-request')).toBe(trace.canonicalRequest);

	// String to sign, line by line.
	expect(output('canonical-request-hash')).toBe(trace.canonicalRequestHash);
	const sts = ['sts-algorithm', 'sts-datetime', 'sts-scope', 'sts-hash'].map(output);
	expect(sts.join('\n'), 'lines → string to sign').toBe(trace.stringToSign);
	expect(output('sts-hash')).toBe(trace.canonicalRequestHash);

	// Key chain and signature.
	expect(['k-date', 'k-region', 'k-service', 'k-signing'].map(output)).toEqual([
		trace.keyChain.kDate,
		trace.keyChain.kRegion,
		trace.keyChain.kService,
		trace.keyChain.kSigning
	]);
	expect(output('signature')).toBe(trace.signature);

	// Where the signature goes.
	if (trace.mode === 'header') {
		expect(output('placement')).toBe(trace.authorization);
	} else {
		expect(trace.signedUrl!.endsWith(`&${output('placement')}`) || trace.signedUrl!.endsWith(`?${output('placement')}`)).toBe(true);
		expect(output('placement')).toMatch(new RegExp(`^X-Amz-Algorithm=.*&X-Amz-Signature=${trace.signature}$`));
	}

	// Order: the canonical request's parts, then the fixed tail.
	expect(steps.slice(-TAIL_IDS.length).map((s) => s.id)).toEqual(TAIL_IDS);
	const first = ['method', 'canonical-uri', 'query-sort', 'canonical-headers', 'signed-headers', 'payload-hash'].map((id) =>
		steps.findIndex((s) => s.id === id)
	);
	expect(first, 'parts in canonical-request order').toEqual(first.slice().sort((a, b) => a - b));
}
