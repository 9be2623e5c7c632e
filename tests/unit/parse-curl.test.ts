// curl commands as people paste them: from Chrome (bash and cmd), hand-written with --aws-sigv4,
// with files, -G, -I, -F. The secret of --user never reaches the result.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/parse/index.ts';
import { imported } from './parse-helpers.ts';
import { CURL_AWS_SIGV4, CURL_CHROME, CURL_CMD, CURL_FORM, CURL_GET_DATA, CURL_HEAD, CURL_UPLOAD_FILE, SECRET } from './parse-samples.ts';

describe('curl command', () => {
	it('reads Chrome "Copy as cURL (bash)": quotes, continuations, $\'…\' body, every header', () => {
		const r = imported(CURL_CHROME, 'curl');
		expect(r.errors).toEqual([]);
		expect(r.request?.method).toBe('PUT');
		expect(r.request?.url).toBe('https://examplebucket.s3.us-west-2.amazonaws.com/uploads/report%20Q1.pdf?x-id=PutObject');
		expect(r.request?.headers).toContainEqual(['x-amz-server-side-encryption', 'AES256']);
		expect(r.request?.headers).toHaveLength(12);
		expect(r.request?.body).toBe('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n');
		expect(r.mode).toBe('header');
		expect(r.params).toMatchObject({
			accessKeyId: 'ASIAQEXAMPLE7TOKEN',
			region: 'us-west-2',
			service: 's3',
			datetime: '20240605T091530Z',
			sessionToken: 'IQoJb3JpZ2luX2VjEHcaCXVzLXdlc3QtMiJHMEUCIQD'
		});
		expect(r.params?.signedHeaders).not.toContain('x-amz-server-side-encryption');
		expect(r.provided?.signature).toBe('2f1e8d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4');
	});

	it('reads --aws-sigv4 and --user, and drops the secret', () => {
		const r = imported(CURL_AWS_SIGV4, 'curl');
		expect(r.errors).toEqual([]);
		expect(r.request).toEqual({
			method: 'PUT',
			url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
			headers: [
				['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
				['Date', 'Fri, 24 May 2013 00:00:00 GMT']
			],
			body: 'Welcome to Amazon S3.'
		});
		expect(r.mode).toBe('header');
		expect(r.params).toMatchObject({
			region: 'us-east-1',
			service: 's3',
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			datetime: '20130524T000000Z'
		});
		expect(r.notes.join(' ')).toMatch(/secret access key: it was dropped/);
		expect(JSON.stringify(r)).not.toContain(SECRET);
		expect(JSON.stringify(r)).not.toContain('bPxRfiCY');
	});

	it('drops the secret whatever the spelling: -u, --user=, a token after it, a URL with user:password@', () => {
		const pastes = [
			`curl -u AKIDEXAMPLE:${SECRET} https://sts.amazonaws.com/`,
			`curl -uAKIDEXAMPLE:${SECRET} https://sts.amazonaws.com/`,
			`curl --user=AKIDEXAMPLE:${SECRET} https://sts.amazonaws.com/`,
			`curl --aws-sigv4 aws:amz:us-east-1:sts --user 'AKIDEXAMPLE:${SECRET}:FwoGZXIvYXdzEJr' https://sts.amazonaws.com/`,
			`curl https://AKIDEXAMPLE:${SECRET}@sts.amazonaws.com/`,
			`curl --user "AKIDEXAMPLE:${SECRET}`,
			`curl -X --user AKIDEXAMPLE:${SECRET} https://sts.amazonaws.com/`
		];
		for (const paste of pastes) {
			const r = importText(paste);
			expect(JSON.stringify(r), paste).not.toContain(SECRET);
			expect(JSON.stringify(r), paste).not.toContain('K7MDENG');
		}
		const withToken = importText(pastes[3]!);
		expect(withToken.params).toMatchObject({
			accessKeyId: 'AKIDEXAMPLE',
			sessionToken: 'FwoGZXIvYXdzEJr',
			region: 'us-east-1',
			service: 'sts'
		});
		expect(importText(pastes[4]!).request?.url).toBe('https://sts.amazonaws.com/');
	});

	it('-G moves -d and --data-urlencode into the query; a pipe ends the command; variables are noted', () => {
		const r = imported(CURL_GET_DATA, 'curl');
		expect(r.errors).toEqual([]);
		expect(r.request?.method).toBe('GET');
		expect(r.request?.url).toBe('https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/search?limit=10&q=red%20shoes');
		expect(r.request?.body).toBeUndefined();
		expect(r.params).toEqual({ region: 'us-east-1', service: 'execute-api' });
		expect(r.notes.join(' ')).toMatch(/shell variable/);
	});

	it('notes a body that comes from a file', () => {
		const r = importText(CURL_UPLOAD_FILE);
		expect(r.request?.method).toBe('POST');
		expect(r.request?.body).toBeUndefined();
		expect(r.notes.join(' ')).toMatch(/file events\.json .*paste its content/);
		expect(r.params).toMatchObject({ region: 'eu-central-1', service: 'logs', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
		expect(JSON.stringify(r)).not.toContain(SECRET);
	});

	it('-I is a HEAD request; a presigned URL in it is read', () => {
		const r = importText(CURL_HEAD);
		expect(r.request?.method).toBe('HEAD');
		expect(r.mode).toBe('query');
		expect(r.params?.expiresIn).toBe(3600);
	});

	it('reads Chrome "Copy as cURL (cmd)" with ^ escapes', () => {
		const r = imported(CURL_CMD, 'curl');
		expect(r.errors).toEqual([]);
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/photos/cat.jpg');
		expect(r.request?.headers).toHaveLength(4);
		expect(r.params?.signedHeaders).toEqual(['host', 'x-amz-content-sha256', 'x-amz-date']);
		expect(r.provided?.signature).toBe('51436d782968b7fb94e426a6bb969db7fa295343dedeebcb801b42b32a1e7517');
	});

	it('reads -F fields as a browser POST upload, SigV2 fields kept apart', () => {
		const r = imported(CURL_FORM, 'post-form');
		expect(r.request?.method).toBe('POST');
		expect(r.form?.map(([n]) => n)).toEqual([
			'key',
			'acl',
			'AWSAccessKeyId',
			'policy',
			'x-amz-credential',
			'x-amz-algorithm',
			'Signature',
			'file'
		]);
		expect(r.form?.find(([n]) => n === 'file')?.[1]).toBe('(file video.mp4)');
		expect(r.sigv2Fields?.map(([n]) => n)).toEqual(['AWSAccessKeyId', 'Signature']);
		expect(r.params).toMatchObject({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', service: 's3' });
		expect(r.notes.join(' ')).toMatch(/SigV2 fields \(AWSAccessKeyId, Signature\) sit next to SigV4 ones/);
	});

	it('understands -XPOST, -H with no space, --data twice, --json, a prompt and a comment', () => {
		const r = importText(
			`$ curl -sSL -XPOST -H'X-Amz-Target: DynamoDB_20120810.ListTables' --json '{"Limit":5}' https://dynamodb.us-east-1.amazonaws.com/ # list`
		);
		expect(r.request?.method).toBe('POST');
		expect(r.request?.body).toBe('{"Limit":5}');
		expect(r.request?.headers).toEqual([
			['X-Amz-Target', 'DynamoDB_20120810.ListTables'],
			['Content-Type', 'application/json'],
			['Accept', 'application/json']
		]);
		const twice = importText(`curl -d a=1 --data b=2 https://sqs.us-east-1.amazonaws.com/`);
		expect(twice.request?.body).toBe('a=1&b=2');
		expect(twice.request?.method).toBe('POST');
	});

	it('"Name;" sends an empty header and "Name:" removes curl\'s own', () => {
		const r = importText(`curl -H 'X-Empty;' -H 'Accept:' https://sqs.us-east-1.amazonaws.com/`);
		expect(r.request?.headers).toEqual([['X-Empty', '']]);
		expect(r.notes.join(' ')).toMatch(/remove its own Accept header/);
	});

	it('reports an unclosed quote where it opens, and a missing URL', () => {
		const r = importText(`curl -X PUT \\\n  -H 'x-amz-date: 20240101T000000Z \\\n  https://examplebucket.s3.amazonaws.com/a`);
		const quote = r.errors.find((e) => /never closed/.test(e.message));
		expect(quote).toMatchObject({ line: 2, column: 6 });
		const noUrl = importText('curl -X GET -H "Host: example.com"');
		expect(noUrl.errors[0]!.message).toMatch(/no URL/);
		expect(noUrl.errors[0]).toMatchObject({ line: 1, column: 1 });
	});

	it('a missing option value is named at the option', () => {
		const r = importText('curl https://sts.amazonaws.com/ -H');
		expect(r.errors[0]).toMatchObject({ line: 1, column: 33 });
		expect(r.errors[0]!.message).toMatch(/-H needs a value/);
	});

	it('adds http:// to a URL without a scheme, as curl does', () => {
		const r = importText('curl localhost:9000/bucket/key');
		expect(r.request?.url).toBe('http://localhost:9000/bucket/key');
		expect(r.notes.join(' ')).toMatch(/no scheme/);
	});
});

describe('curl command, more options', () => {
	it('--url, -A, -e, -b, -r become the URL and headers curl sends', () => {
		const r = importText(
			`curl --url 'https://examplebucket.s3.amazonaws.com/a.txt' -A 'my-app/1.0' -e https://app.example.com/ -b 'session=1' -r 0-9`
		);
		expect(r.request?.url).toBe('https://examplebucket.s3.amazonaws.com/a.txt');
		expect(r.request?.headers).toEqual([
			['User-Agent', 'my-app/1.0'],
			['Referer', 'https://app.example.com/'],
			['Cookie', 'session=1'],
			['Range', 'bytes=0-9']
		]);
	});

	it('--data-urlencode forms: name=content, =content, name@file', () => {
		const r = importText(
			`curl --data-urlencode 'Message=hello world!' --data-urlencode '=a&b' --data-urlencode 'Attr@attrs.txt' https://sns.us-east-1.amazonaws.com/`
		);
		expect(r.request?.body).toBe('Message=hello%20world%21&a%26b&Attr=');
		expect(r.notes.join(' ')).toMatch(/file attrs\.txt/);
	});

	it('lists the options it ignored', () => {
		const r = importText('curl --retry 3 --fail-early -o out.xml https://sts.amazonaws.com/');
		expect(r.request?.url).toBe('https://sts.amazonaws.com/');
		expect(r.notes).toContain('curl options not used for signing, ignored: --retry --fail-early -o.');
	});
});
