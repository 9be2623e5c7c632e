// What the importers read is enough to sign again: sign with our core, write the signed request
// in each format, import it, sign the import with the same secret, and get the same signature.
import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import {
	formatCurl,
	formatHttpRequest,
	presignUrl,
	signRequest,
	type HttpRequest,
	type SigningParams,
	type SigningTrace
} from '../../src/lib/sigv4/index.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const CASES: { name: string; request: HttpRequest; params: Omit<SigningParams, 'credentials'> }[] = [
	{
		name: 'S3 GET with a range and a query',
		request: {
			method: 'GET',
			url: 'https://examplebucket.s3.amazonaws.com/photos/a%20b.jpg?versionId=3&response-content-type=image%2Fjpeg',
			headers: [['Range', 'bytes=0-9']]
		},
		params: { region: 'us-east-1', service: 's3', datetime: '20130524T000000Z' }
	},
	{
		name: 'S3 PUT with a body and metadata',
		request: {
			method: 'PUT',
			url: 'https://examplebucket.s3.eu-west-1.amazonaws.com/test$file.text',
			headers: [
				['x-amz-meta-author', 'Ana'],
				['Content-Type', 'text/plain']
			],
			body: 'Welcome to Amazon S3.'
		},
		params: { region: 'eu-west-1', service: 's3', datetime: '20240220T154500Z' }
	},
	{
		name: 'SNS form POST with a session token',
		request: {
			method: 'POST',
			url: 'https://sns.us-east-1.amazonaws.com/',
			headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']],
			body: 'Action=Publish&Message=hello%20world&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders'
		},
		params: { region: 'us-east-1', service: 'sns', datetime: '20240110T081500Z' }
	},
	{
		name: 'API Gateway path with an encoded space (double-encoded when signed)',
		request: {
			method: 'GET',
			url: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/items/a%20b',
			headers: [['Accept', 'application/json']]
		},
		params: { region: 'us-east-1', service: 'execute-api', datetime: '20240501T120000Z' }
	}
];

function credentials(r: ImportResult): SigningParams {
	const p = r.params ?? {};
	const { accessKeyId, sessionToken, ...rest } = p;
	return {
		...rest,
		credentials: { accessKeyId: accessKeyId ?? 'missing', secretAccessKey: SECRET, ...(sessionToken ? { sessionToken } : {}) },
		region: p.region ?? 'missing',
		service: p.service ?? 'missing',
		datetime: p.datetime ?? 'missing'
	};
}

function fetchText(req: SigningTrace['request']): string {
	const headers = Object.fromEntries(req.headers);
	return `fetch(${JSON.stringify(req.url)}, {\n  "headers": ${JSON.stringify(headers, null, 2)},\n  "body": ${typeof req.body === 'string' ? JSON.stringify(req.body) : 'null'},\n  "method": ${JSON.stringify(req.method)},\n  "mode": "cors"\n});`;
}

function harText(req: SigningTrace['request']): string {
	return JSON.stringify({
		log: {
			version: '1.2',
			entries: [
				{
					request: {
						method: req.method,
						url: req.url,
						headers: req.headers.map(([name, value]) => ({ name, value })),
						...(typeof req.body === 'string' ? { postData: { mimeType: 'text/plain', text: req.body } } : {})
					},
					response: { status: 403, content: { text: '' } }
				}
			]
		}
	});
}

describe('import, then sign again', () => {
	for (const c of CASES) {
		const full: SigningParams = {
			...c.params,
			credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, sessionToken: 'FwoGZXIvYXdzEJr//token+/=' }
		};

		it(`${c.name}: raw HTTP, curl, fetch and HAR of the signed request`, async () => {
			const trace = await signRequest(c.request, full);
			const formats = {
				raw: formatHttpRequest(trace.request),
				curl: formatCurl(trace.request),
				fetch: fetchText(trace.request),
				har: harText(trace.request)
			};
			for (const [format, text] of Object.entries(formats)) {
				const r = importText(text);
				expect(r.errors, format).toEqual([]);
				expect(r.mode, format).toBe('header');
				expect(r.provided?.signature, format).toBe(trace.signature);
				expect(r.params?.sessionToken, format).toBe('FwoGZXIvYXdzEJr//token+/=');
				const again = await signRequest(r.request!, credentials(r));
				expect(again.canonicalRequest, format).toBe(trace.canonicalRequest);
				expect(again.signature, format).toBe(trace.signature);
			}
		});

		it(`${c.name}: presigned URL`, async () => {
			const trace = await presignUrl({ ...c.request, headers: [], body: undefined }, { ...full, expiresIn: 900 });
			const r = imported(trace.signedUrl!, 'presigned-url');
			expect(r.errors).toEqual([]);
			expect(r.params?.expiresIn).toBe(900);
			// A URL does not carry its method; the importer says so and takes GET.
			expect(r.notes.join(' ')).toMatch(/imported as GET/);
			const again = await presignUrl({ ...r.request!, method: c.request.method }, credentials(r));
			expect(again.signature).toBe(trace.signature);
			expect(again.signedUrl).toBe(trace.signedUrl);
		});

		it(`${c.name}: canonical request and string to sign`, async () => {
			const trace = await signRequest(c.request, full);
			const r = imported(`${trace.canonicalRequest}\n\n${trace.stringToSign}\n\n${trace.signature}\n`, 'canonical-request');
			expect(r.errors).toEqual([]);
			expect(r.provided).toEqual({
				canonicalRequest: trace.canonicalRequest,
				stringToSign: trace.stringToSign,
				signature: trace.signature
			});
			const again = await signRequest(r.request!, credentials(r));
			expect(again.canonicalRequest).toBe(trace.canonicalRequest);
			expect(again.signature).toBe(trace.signature);
		});
	}
});
