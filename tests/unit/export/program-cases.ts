// The requests every exported program is run on: the maintained AWS suite's cases (both modes, when
// ../shared/vectors is here) and random requests from the property model, each with the core's
// trace, which the program's printed stages must equal byte for byte.
import fc from 'fast-check';
import { parseRawHttp } from '../../../src/lib/parse/index.ts';
import { presignUrl, signRequest, type HttpRequest, type SigningParams, type SigningTrace } from '../../../src/lib/sigv4/index.ts';
import { caseArb, coreParams, coreRequest } from '../../property/model.ts';
import { hasVectors, listDirs, paramsFor, read, SUITE_MODES, type SuiteContext } from '../../helpers/shared-vectors.ts';

export interface ProgramCase {
	name: string;
	request: HttpRequest;
	params: SigningParams;
	mode: 'header' | 'query';
}

export const RANDOM_CASES = 20;

/** The suite's 38 cases in both modes; none when ../shared/vectors is absent. */
export function suiteCases(): ProgramCase[] {
	if (!hasVectors) return [];
	const dir = ['aws-signing-test-suite', 'v4'];
	return listDirs(...dir).flatMap((name) => {
		const request = parseRawHttp(read(...dir, name, 'request.txt')).request!;
		const params = paramsFor(JSON.parse(read(...dir, name, 'context.json')) as SuiteContext);
		return SUITE_MODES.map((mode) => ({ name: `${name} (${mode})`, request, params, mode }));
	});
}

/**
 * Random requests of the property model, the same ones every run (a fixed seed). A case's body
 * is text, so byte bodies are left out.
 */
export function randomCases(): ProgramCase[] {
	return fc.sample(caseArb('smithy'), { numRuns: RANDOM_CASES, seed: 4242 }).map((c, i) => {
		const request = coreRequest(c);
		if (request.body instanceof Uint8Array) delete request.body;
		return { name: `random #${i + 1} (${c.mode}, ${c.service})`, request, params: coreParams(c), mode: c.mode };
	});
}

export function traceOf(c: ProgramCase): Promise<SigningTrace> {
	return c.mode === 'header' ? signRequest(c.request, c.params) : presignUrl(c.request, c.params);
}

/** The environment a program reads its keys from. */
export function envOf(c: ProgramCase): Record<string, string> {
	const { accessKeyId, secretAccessKey, sessionToken } = c.params.credentials;
	return { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken ?? '' };
}

/** What a program prints, read back: each stage under its "----- title -----" line. */
export function readOutput(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	const parts = text.split(/^----- (.+) -----\n/m);
	for (let i = 1; i < parts.length; i += 2) out[parts[i]!] = parts[i + 1]!.replace(/\n$/, '');
	return out;
}

/** What the program must print for this trace. */
export function expectedOutput(t: SigningTrace): Record<string, string> {
	const last: Record<string, string> = t.mode === 'header' ? { authorization: t.authorization! } : { 'presigned url': t.signedUrl! };
	return { 'canonical request': t.canonicalRequest, 'string to sign': t.stringToSign, signature: t.signature, ...last };
}
