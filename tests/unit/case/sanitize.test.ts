import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_CASE, EXAMPLE_CREDENTIALS, importPaste, sanitize, type Case } from '../../../src/lib/case/index.ts';
import { sanitizedSentence } from '../../../src/lib/share/index.ts';

const KEY = 'AKIAREALKEY000000XYZ';
const SECRET = 'Zs9dkQ1r/8h2LmN0pQrStUvWxYz0123456789+Ab';

function caseFor(host: string, path = '/photos/a.jpg'): Case {
	return {
		...DEFAULT_CASE,
		accessKeyId: KEY,
		secretAccessKey: SECRET,
		requestText: `GET ${path} HTTP/1.1\nHost: ${host}\nX-Amz-Date: 20130524T000000Z\n`,
		pasteText: `curl --user ${KEY}:${SECRET} https://${host}${path}`,
		policyText: '{"conditions": [{"bucket": "my-bucket"}, {"bucket": "my-bucket-2"}]}',
		provided: { canonicalRequest: `GET\n${path}\n\nhost:${host}\n\nhost\nUNSIGNED-PAYLOAD` }
	};
}

describe('sanitize says what it replaced', () => {
	it('names the access key ID it swapped and in how many places (its field and the paste), and the secrets it removed', () => {
		const out = sanitize(caseFor('my-bucket.s3.us-west-2.amazonaws.com'));
		expect(out.replaced).toEqual([{ what: 'access key ID', from: KEY, to: EXAMPLE_CREDENTIALS.accessKeyId, places: 2 }]);
		expect(out.removed.places).toEqual({ secretAccessKey: 2 });
		// Without the option, the names stay.
		expect(out.case.requestText).toContain('my-bucket.s3.us-west-2.amazonaws.com');
		expect(sanitizedSentence(out)).toBe(
			'Replaced: access key ID AKIA…XYZ → AKIAIOSFODNN7EXAMPLE (2 places). Removed: the secret access key (2 places). Your pasted signatures were made with your own secret key, so the case holds none: it compares the canonical request and string to sign, and signs once a secret key is typed.'
		);
	});

	it('keeps the verdict honest: evidence signed with the real secret is not judged against the example secret', async () => {
		const own = {
			...DEFAULT_CASE,
			accessKeyId: KEY,
			secretAccessKey: SECRET,
			requestText:
				'GET /a.jpg HTTP/1.1\nHost: my-bucket.s3.amazonaws.com\nX-Amz-Date: 20130524T000000Z\nX-Amz-Content-Sha256: UNSIGNED-PAYLOAD\n'
		};
		const trace = (await analyze(own)).trace!;
		const authorization = `AWS4-HMAC-SHA256 Credential=${KEY}/20130524/us-east-1/s3/aws4_request, SignedHeaders=${trace.signedHeaders.join(';')}, Signature=${trace.signature}`;
		const pasted = importPaste(own, `${own.requestText}Authorization: ${authorization}\n`).case;
		expect((await analyze(pasted)).verdict?.kind).toBe('correct');
		for (const names of [false, true]) {
			const clean = sanitize(pasted, { names }).case;
			expect(clean.secretAccessKey).toBeUndefined();
			const after = await analyze(clean);
			expect(after.verdict?.kind).toBe('undecided');
			expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
		}
		// With nothing pasted there is nothing to judge: the stages follow the example keys.
		expect(sanitize(own).case.secretAccessKey).toBe(EXAMPLE_CREDENTIALS.secretAccessKey);
	});

	it('replaces a virtual-hosted bucket in every text, whole names only, and says the signature changes', () => {
		const out = sanitize(caseFor('my-bucket.s3.us-west-2.amazonaws.com'), { names: true });
		expect(out.replaced[1]).toEqual({ what: 'bucket', from: 'my-bucket', to: 'examplebucket', places: 4 });
		expect(out.case.requestText).toContain('Host: examplebucket.s3.us-west-2.amazonaws.com');
		expect(out.case.pasteText).toContain('https://examplebucket.s3.us-west-2.amazonaws.com/photos/a.jpg');
		expect(out.case.provided.canonicalRequest).toContain('host:examplebucket.s3.us-west-2.amazonaws.com');
		expect(out.case.policyText).toBe('{"conditions": [{"bucket": "examplebucket"}, {"bucket": "my-bucket-2"}]}');
		expect(sanitizedSentence(out)).toContain('bucket my-bucket → examplebucket (4 places)');
		expect(sanitizedSentence(out)).toContain('a signature made for the real names no longer matches it');
	});

	it('takes a path-style bucket from the first segment of the path, and leaves AWS endpoints alone', () => {
		const out = sanitize(caseFor('s3.eu-west-1.amazonaws.com', '/my-bucket/photos/a.jpg'), { names: true });
		expect(out.replaced.map((r) => r.what)).toEqual(['access key ID', 'bucket']);
		expect(out.case.requestText).toContain('GET /examplebucket/photos/a.jpg HTTP/1.1\nHost: s3.eu-west-1.amazonaws.com');
	});

	it("replaces another host with example.com, and a customer's API ID in an AWS address", () => {
		const minio = sanitize({ ...caseFor('minio.corp.internal:9000', '/data/x'), service: 's3' }, { names: true });
		expect(minio.replaced.slice(1)).toEqual([
			{ what: 'host', from: 'minio.corp.internal', to: 'example.com', places: 3 },
			{ what: 'bucket', from: 'data', to: 'examplebucket', places: 3 }
		]);
		expect(minio.case.requestText).toContain('Host: example.com:9000');
		const api = sanitize(
			{ ...caseFor('abc123xyz.execute-api.us-east-1.amazonaws.com', '/prod/items'), service: 'execute-api' },
			{ names: true }
		);
		expect(api.case.requestText).toContain('Host: example.execute-api.us-east-1.amazonaws.com');
		expect(api.case.requestText).toContain('GET /prod/items');
	});

	it("says so when there is nothing of the user's to replace", () => {
		expect(sanitizedSentence(sanitize(DEFAULT_CASE, { names: true }))).toBe(
			'No access key ID of yours to replace. No secret to remove. Signatures now follow the example keys.'
		);
	});
});
