// The SigV4a walk-through: its steps rebuild the SigV4a trace exactly (canonical request, string to
// sign, signature in place), every highlight points at its output, and no step holds a secret.
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/lib/findings/index.ts';
import { buildStepsV4a, learnPaneTextsV4a, type LearnStep } from '../../src/lib/learn/steps.ts';
import { presignUrlV4a, signRequestV4a, toHex, type HttpRequest, type SigningParamsV4a } from '../../src/lib/sigv4/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { privateScalarV4a } from '../helpers/v4a-kdf.ts';
import { forEachSuiteCaseV4a, paramsForV4a } from '../helpers/shared-vectors-v4a.ts';
import { SUITE_MODES } from '../helpers/shared-vectors.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const PARAMS: SigningParamsV4a = {
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
	service: 's3',
	datetime: '20150830T123600Z',
	regionSet: ['us-east-1', 'eu-west-1']
};
const D = toHex(privateScalarV4a('AKIDEXAMPLE', SECRET));

async function walkV4a(request: HttpRequest, params: SigningParamsV4a, mode: 'header' | 'query'): Promise<LearnStep[]> {
	const trace = mode === 'header' ? await signRequestV4a(request, params) : await presignUrlV4a(request, params);
	const steps = buildStepsV4a({ request, params, trace });
	const byId = new Map(steps.map((s) => [s.id, s]));
	expect(byId.size, 'ids are unique').toBe(steps.length);
	const out = (id: string) => byId.get(id)!.output;
	expect(out('canonical-request')).toBe(trace.canonicalRequest);
	expect(['sts-algorithm', 'sts-datetime', 'sts-scope', 'sts-hash'].map(out).join('\n')).toBe(trace.stringToSign);
	expect(out('signature')).toBe(trace.signature);
	if (mode === 'header') expect(out('placement')).toBe(trace.authorization);
	else expect(trace.signedUrl!.endsWith(out('placement'))).toBe(true);
	const panes = learnPaneTextsV4a(trace);
	for (const id of ['canonical-request', 'sts-algorithm', 'sts-scope', 'key-pair', 'signature', 'placement']) {
		const h = byId.get(id)!.highlight!;
		expect(panes[h.pane].slice(h.start, h.end), id).toBe(out(id));
	}
	for (const s of steps) {
		const text = JSON.stringify(s);
		expect(text).not.toContain(D);
		expect(text).not.toContain(params.credentials.secretAccessKey);
		for (const code of s.mistakes) expect(FINDING_CODES[code], `${s.id}: ${code}`).toBeDefined();
	}
	return steps;
}

describe('learn: SigV4a', () => {
	it('header mode: the region set header, the scope without region, the key pair', async () => {
		const steps = await walkV4a({ method: 'PUT', url: 'https://b.s3.amazonaws.com/a b', headers: [], body: 'x' }, PARAMS, 'header');
		expect(steps.find((s) => s.id === 'header-x-amz-region-set')?.output).toBe('x-amz-region-set:us-east-1,eu-west-1');
		expect(steps.find((s) => s.id === 'sts-scope')?.explanation).toMatch(/no region/);
		expect(steps.find((s) => s.id === 'key-pair')?.output).toMatch(/^SigV4a: .*\npublic key x: [0-9a-f]{64}\npublic key y: [0-9a-f]{64}$/);
	});
	it('query mode, session token not signed: X-Amz-Region-Set is one more signed parameter', async () => {
		const params = { ...PARAMS, credentials: { ...PARAMS.credentials, sessionToken: 'tok/en' }, signSessionToken: false as const };
		const steps = await walkV4a({ method: 'GET', url: 'https://b.s3.amazonaws.com/k?x=1', headers: [] }, params, 'query');
		expect(steps.find((s) => s.id === 'presign-region-set')?.output).toBe('X-Amz-Region-Set=us-east-1%2Ceu-west-1');
		expect(steps.find((s) => s.id === 'presign-algorithm')?.output).toBe('X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256');
	});
});

forEachSuiteCaseV4a('learn: SigV4a walk over the v4a suite', ({ name, context, file }) => {
	const request = parseRawHttp(file('request.txt')).request!;
	for (const mode of SUITE_MODES) it(`${name} (${mode})`, () => walkV4a(request, paramsForV4a(context), mode));
});
