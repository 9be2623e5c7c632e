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

/**
 * Text that each language's string literals must carry unchanged: quotes of every kind, backslashes,
 * interpolation ($x, #{x}, {0}), control characters, line and paragraph separators, a no-break space,
 * an astral character, a Java unicode escape spelled out.
 */
export const TRICKY_TEXT = `"'\`\\ $x #{x} \${x} {0} %s \\u000a \u0001\u007f\u0085\u2028\u2029\u00a0é😀 \r\n\tend`;

export function literalCases(): ProgramCase[] {
	const request: HttpRequest = {
		method: 'POST',
		url: "https://example.amazonaws.com/a$b/'c'?q=%22%24x%22&w=%23%7Bx%7D",
		headers: [
			['Host', 'example.amazonaws.com'],
			['X-Tricky', [...TRICKY_TEXT].filter((ch) => ch === '\t' || (ch >= ' ' && ch !== '\u007f')).join('')]
		],
		body: TRICKY_TEXT
	};
	const params: SigningParams = {
		credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'token+/=' },
		region: 'us-east-1',
		service: 'service',
		datetime: '20150830T123600Z'
	};
	return (['header', 'query'] as const).map((mode) => ({ name: `string literals (${mode})`, request, params, mode }));
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
