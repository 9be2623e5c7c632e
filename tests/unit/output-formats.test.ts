import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
	applySignature,
	formatCurl,
	formatHttpRequest,
	keyChainText,
	presignUrl,
	shellQuote,
	signingKeyFromText,
	signRequest,
	type SigningParams
} from '../../src/lib/sigv4/index.ts';

const PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 'service',
	datetime: '20150830T123600Z'
};

describe('curl command', () => {
	it('quotes every argument so a shell passes it through unchanged', () => {
		const tricky = `it's "$HOME" \`x\` \\ !`;
		expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(tricky)}`]).toString()).toBe(tricky);
	});
	it('sends the method, URL, headers and body, and leaves out a Host curl derives itself', () => {
		const curl = formatCurl({
			method: 'POST',
			url: 'https://h.example:443/a?b=1',
			headers: [
				['Host', 'h.example'],
				['X-A', "o'k"]
			],
			body: 'x=1'
		});
		expect(curl).toBe(
			['curl --globoff --path-as-is', "-X 'POST'", "'https://h.example:443/a?b=1'", `-H 'X-A: o'\\''k'`, "--data-binary 'x=1'"].join(
				' \\\n  '
			)
		);
	});
	it('sends an empty header as "Name;", which curl keeps', () => {
		expect(formatCurl({ method: 'GET', url: 'https://h.example/', headers: [['X-Empty', '']] })).toContain(`-H 'X-Empty;'`);
	});
	it('keeps a Host header that differs from the URL', () => {
		expect(formatCurl({ method: 'GET', url: 'http://127.0.0.1:9000/', headers: [['Host', 'bucket.example']] })).toContain(
			`-H 'Host: bucket.example'`
		);
	});
});

describe('an overridden signature reaches the output', () => {
	it('in the Authorization header', async () => {
		const trace = await signRequest({ method: 'GET', url: 'https://h.example/', headers: [] }, PARAMS);
		const out = applySignature(trace, 'f'.repeat(64));
		expect(out.authorization).toBe(trace.authorization!.replace(trace.signature, 'f'.repeat(64)));
		expect(formatHttpRequest(out.request)).toContain(`Signature=${'f'.repeat(64)}`);
	});
	it('in X-Amz-Signature of a presigned URL', async () => {
		const trace = await presignUrl({ method: 'GET', url: 'https://h.example/?a=1', headers: [] }, PARAMS);
		expect(applySignature(trace, 'abc').signedUrl).toBe(trace.signedUrl!.replace(trace.signature, 'abc'));
	});
});

describe('signing key pane', () => {
	it('shows each HMAC with its input and output, and reads an edited key back', async () => {
		const trace = await signRequest({ method: 'GET', url: 'https://h.example/', headers: [] }, PARAMS);
		const text = keyChainText(trace.keyChain);
		expect(text.split('\n')).toHaveLength(4);
		expect(text).toContain(`HMAC(kService, "aws4_request") → kSigning = ${trace.keyChain.kSigning}`);
		expect(text).not.toContain(PARAMS.credentials.secretAccessKey);
		expect(signingKeyFromText(text).kSigning).toBe(trace.keyChain.kSigning);
		expect(signingKeyFromText(text.replace(trace.keyChain.kSigning, 'A'.repeat(64))).kSigning).toBe('a'.repeat(64));
		expect(signingKeyFromText('nothing here').error).toMatch(/64-hex-digit/);
	});
});
