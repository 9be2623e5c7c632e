// Requests for the forensics tests, chosen so that every mistake of the catalogue changes the
// signature for at least one of them (encoded and dotted paths, '+' in an S3 key, unsorted and
// spaced query, untrimmed and repeated headers, a body, a session token, both auth modes).
import type { Mistake } from '../../src/lib/diagnose/forensics/catalogue.ts';
import type { Model } from '../../src/lib/diagnose/forensics/model.ts';
import { PlanSigner, toBase64 } from '../../src/lib/diagnose/forensics/plan-signer.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { toHex } from '../../src/lib/sigv4/index.ts';

/** Distinctive, so that a leak shows in any JSON of a result. */
export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: '' };

export const FIXTURES: Record<string, Evidence> = {
	'API Gateway POST, header auth': {
		mode: 'header',
		request: {
			method: 'POST',
			url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/a%20b//./c?b=x y&a&A=1*',
			headers: [
				['User-Agent', 'curl/8.5.0'],
				['Content-Type', 'application/json'],
				['X-Foo', '  a   b '],
				['X-Multi', '1'],
				['x-multi', '2'],
				['x-amz-meta-owner', 'me']
			],
			body: '{"a":1}'
		},
		params: {
			credentials: { ...credentials, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' },
			region: 'eu-west-1',
			service: 'execute-api',
			datetime: '20150830T133600Z'
		}
	},
	'S3 PUT with a "+" in the key': {
		mode: 'header',
		request: {
			method: 'PUT',
			url: 'https://examplebucket.s3.us-west-2.amazonaws.com:443/photos/a+b%2Fc//x/./y.jpg',
			headers: [['Content-Type', 'image/jpeg']],
			body: 'hello'
		},
		params: { credentials, region: 'us-west-2', service: 's3', datetime: '20150830T000500Z' }
	},
	'S3 presigned GET with SSE': {
		mode: 'query',
		request: {
			method: 'GET',
			url: 'https://examplebucket.s3.amazonaws.com/test.txt?response-content-disposition=attachment; filename=a b.txt',
			headers: [['x-amz-server-side-encryption', 'AES256']]
		},
		params: { credentials, region: 'eu-central-1', service: 's3', datetime: '20130524T230000Z', expiresIn: 86400 }
	},
	'SES on a custom port, presigned': {
		mode: 'query',
		request: { method: 'GET', url: 'http://localhost:8080/?Action=SendEmail&Source=a@b.c', headers: [] },
		params: { credentials, region: 'us-east-1', service: 'ses', datetime: '20240229T171500Z' }
	}
};

export function evidenceWith(evidence: Evidence, signature: string): Evidence {
	return { ...evidence, provided: { signature } };
}

/** The signature a signer with this mistake produces, through the catalogue's own mutation. */
export async function signWithMistake(model: Model, mistakes: Mistake[], secret = SECRET): Promise<string> {
	const signer = new PlanSigner(model, secret);
	const plan = mistakes.reduce((p, m) => m.apply(p), model.base);
	const bytes = await signer.signature(plan);
	if (mistakes.some((m) => m.format === 'upper')) return toHex(bytes).toUpperCase();
	if (mistakes.some((m) => m.format === 'base64')) return toBase64(bytes);
	return toHex(bytes);
}
