// One test per SigV4 rule the core must get right (foundation issue, "The rules").
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	canonicalHeaderValue,
	canonicalPath,
	NEVER_SIGNED_HEADERS,
	presignUrl,
	signRequest,
	uriEncode,
	type HttpRequest,
	type SigningParams
} from '../../src/lib/sigv4/index.ts';

const BASE: SigningParams = {
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 'service',
	datetime: '20150830T123600Z'
};
const S3: SigningParams = { ...BASE, service: 's3' };
const get = (url: string, headers: [string, string][] = []): HttpRequest => ({ method: 'GET', url, headers });
const lines = async (req: HttpRequest, params = BASE) => (await signRequest(req, params)).canonicalRequest.split('\n');

describe('method', () => {
	it('is uppercased', async () => {
		expect((await lines({ ...get('https://h.example/'), method: 'get' }))[0]).toBe('GET');
	});
});

describe('canonical URI', () => {
	it('every service but S3 encodes the path as received, so an encoded path is encoded twice', async () => {
		expect((await lines(get('https://h.example/a%20b/c d')))[1]).toBe('/a%2520b/c%20d');
	});
	it('S3 encodes each segment once', async () => {
		expect((await lines(get('https://b.s3.amazonaws.com/a%20b/c d'), S3))[1]).toBe('/a%20b/c%20d');
	});
	it('S3 paths are never normalized', async () => {
		expect((await lines(get('https://b.s3.amazonaws.com//a/./b/../c//'), S3))[1]).toBe('//a/./b/../c//');
	});
	it('other services remove dot segments and duplicate slashes', async () => {
		expect((await lines(get('https://h.example//a/./b/../c//')))[1]).toBe('/a/c/');
		expect(canonicalPath('/a/b/../..', { uriEscapePath: true, normalizePath: true }).value).toBe('/');
	});
	it('"+" in an S3 key is a literal plus, %2B', async () => {
		expect((await lines(get('https://b.s3.amazonaws.com/a+b'), S3))[1]).toBe('/a%2Bb');
		expect((await lines(get('https://b.s3.amazonaws.com/a%2Bb'), S3))[1]).toBe('/a%2Bb');
	});
	it('only A-Z a-z 0-9 - _ . ~ stay unencoded, in uppercase hex, as UTF-8', () => {
		expect(uriEncode('AZaz09-_.~ !"#$%&\'()*+,/:;<=>?@[\\]^`{|}')).toBe(
			'AZaz09-_.~%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D'
		);
		expect(uriEncode('ሴ€é')).toBe('%E1%88%B4%E2%82%AC%C3%A9');
	});
	it('lowercase hex in an S3 path becomes uppercase', async () => {
		expect((await lines(get('https://b.s3.amazonaws.com/a%2fb%c3%a9'), S3))[1]).toBe('/a%2Fb%C3%A9');
	});
	it('an empty path is "/"', async () => {
		expect((await lines(get('https://h.example')))[1]).toBe('/');
	});
	it('the options override the service rule', async () => {
		expect((await lines(get('https://h.example/a%20b//c'), { ...BASE, uriEscapePath: false, normalizePath: false }))[1]).toBe('/a%20b//c');
	});
});

describe('canonical query', () => {
	it('encodes keys and values, then sorts by key, then by value', async () => {
		expect((await lines(get('https://h.example/?b=2&a=z&a=y&%E1%88%B4=1&c=a b')))[2]).toBe('%E1%88%B4=1&a=y&a=z&b=2&c=a%20b');
	});
	it('sorts case-sensitively by encoded bytes', async () => {
		expect((await lines(get('https://h.example/?b=1&B=2&_=3&~=4')))[2]).toBe('B=2&_=3&b=1&~=4');
	});
	it('writes an empty value as key=', async () => {
		expect((await lines(get('https://h.example/?acl&x=')))[2]).toBe('acl=&x=');
	});
	it('keeps duplicate keys, sorted by value', async () => {
		expect((await lines(get('https://h.example/?k=3&k=1&k=2&k=1')))[2]).toBe('k=1&k=1&k=2&k=3');
	});
	it('reads "+" as a space and signs it as %20; a literal plus is %2B', async () => {
		expect((await lines(get('https://h.example/?q=a+b&r=a%2Bb')))[2]).toBe('q=a%20b&r=a%2Bb');
	});
	it('encodes "/" , ":" and "=" inside values', async () => {
		expect((await lines(get('https://h.example/?g=urn:uuid/x=1')))[2]).toBe('g=urn%3Auuid%2Fx%3D1');
	});
});

describe('canonical headers', () => {
	it('lowercases names and sorts them', async () => {
		const l = await lines(
			get('https://h.example/', [
				['X-B', '1'],
				['Content-Type', 'a'],
				['x-a', '2']
			])
		);
		expect(l.slice(3, 8)).toEqual(['content-type:a', 'host:h.example', 'x-a:2', 'x-amz-date:20150830T123600Z', 'x-b:1']);
	});
	it('trims values and collapses inner runs of white space, also inside quotes', () => {
		expect(canonicalHeaderValue('  a   "b    c"\t\td  ')).toBe('a "b c" d');
	});
	it('joins repeated headers with "," in received order', async () => {
		const l = await lines(
			get('https://h.example/', [
				['My-H', 'v2'],
				['my-h', ' v2 '],
				['MY-H', 'v1']
			])
		);
		expect(l).toContain('my-h:v2,v2,v1');
	});
	it('unfolds multi-line values with single spaces', async () => {
		expect(await lines(get('https://h.example/', [['My-H', 'value1\n  value2\n     value3']]))).toContain('my-h:value1 value2 value3');
	});
	it('takes host from the URL, dropping a default port and keeping another', async () => {
		expect(await lines(get('https://h.example:443/'))).toContain('host:h.example');
		expect(await lines(get('http://h.example:80/'))).toContain('host:h.example');
		expect(await lines(get('http://h.example:8080/'))).toContain('host:h.example:8080');
		expect(await lines(get('https://h.example:80/'))).toContain('host:h.example:80');
	});
	it('keeps a Host header the request already has', async () => {
		expect(await lines(get('https://h.example/', [['Host', 'other.example:9000']]))).toContain('host:other.example:9000');
	});
	it('never signs the headers in one list by default', async () => {
		const headers: [string, string][] = [...NEVER_SIGNED_HEADERS].map((n) => [n, 'x']);
		const t = await signRequest(get('https://h.example/', [...headers, ['Proxy-Foo', '1'], ['Sec-Fetch-Mode', 'cors']]), BASE);
		expect(t.signedHeaders).toEqual(['host', 'x-amz-date']);
		expect(NEVER_SIGNED_HEADERS).toContain('user-agent');
		expect(NEVER_SIGNED_HEADERS).toContain('expect');
		expect(NEVER_SIGNED_HEADERS).toContain('x-amzn-trace-id');
	});
	it('signedHeaders overrides the list (host always)', async () => {
		const t = await signRequest(
			get('https://h.example/', [
				['User-Agent', 'curl'],
				['X-Other', '1']
			]),
			{ ...BASE, signedHeaders: ['user-agent', 'x-amz-date'] }
		);
		expect(t.signedHeaders).toEqual(['host', 'user-agent', 'x-amz-date']);
	});
	it('signs x-amz-* headers always', async () => {
		const t = await signRequest(get('https://h.example/', [['X-Amz-Meta-A', '1']]), BASE);
		expect(t.signedHeaders).toContain('x-amz-meta-a');
	});
});

describe('payload hash', () => {
	it('is the hex SHA-256 of the body', async () => {
		// The maintained AWS suite's post-x-www-form-urlencoded case: body "Param1=value1", and this hash
		// is the last line of its header-canonical-request.txt (aws-signing-test-suite/v4).
		const t = await signRequest({ method: 'POST', url: 'https://h.example/', headers: [], body: 'Param1=value1' }, BASE);
		expect(t.payloadHash).toBe('9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e');
	});
	it('hashes binary bodies as bytes', async () => {
		const body = new Uint8Array([0, 255, 128, 10]);
		const t = await signRequest({ method: 'PUT', url: 'https://h.example/', headers: [], body }, BASE);
		expect(t.payloadHash).toBe(createHash('sha256').update(body).digest('hex'));
	});
	it('uses a given UNSIGNED-PAYLOAD or STREAMING-… value', async () => {
		for (const payloadHash of ['UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD']) {
			const t = await signRequest({ method: 'PUT', url: 'https://b.s3.amazonaws.com/k', headers: [], body: 'x' }, { ...S3, payloadHash });
			expect(t.canonicalRequest.endsWith(`\n${payloadHash}`)).toBe(true);
			expect(t.request.headers).toContainEqual(['x-amz-content-sha256', payloadHash]);
		}
	});
	it('S3 gets a signed x-amz-content-sha256, other services do not', async () => {
		expect((await signRequest(get('https://b.s3.amazonaws.com/k'), S3)).signedHeaders).toContain('x-amz-content-sha256');
		expect((await signRequest(get('https://h.example/'), BASE)).signedHeaders).not.toContain('x-amz-content-sha256');
	});
	it("uses the request's own x-amz-content-sha256, as S3 does", async () => {
		const t = await signRequest(get('https://b.s3.amazonaws.com/k', [['x-amz-content-sha256', 'UNSIGNED-PAYLOAD']]), S3);
		expect(t.payloadHash).toBe('UNSIGNED-PAYLOAD');
	});
});

describe('presigned URLs', () => {
	const presign = (url: string, params: SigningParams) => presignUrl({ method: 'GET', url, headers: [] }, params);
	it('puts the X-Amz-* parameters in the canonical query, never X-Amz-Signature', async () => {
		const t = await presign('https://h.example/?a=1', { ...BASE, expiresIn: 60 });
		const query = t.canonicalRequest.split('\n')[2]!;
		expect(query).toBe(
			'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&a=1'
		);
		expect(query).not.toContain('X-Amz-Signature');
		expect(t.signedUrl).toMatch(/^https:\/\/h\.example\/\?a=1&X-Amz-Algorithm=.*&X-Amz-Signature=[0-9a-f]{64}$/);
	});
	it('signs the session token in the query', async () => {
		const t = await presign('https://h.example/', { ...BASE, credentials: { ...BASE.credentials, sessionToken: 'tok/en+=' } });
		expect(t.canonicalRequest.split('\n')[2]).toContain('X-Amz-Security-Token=tok%2Fen%2B%3D');
		expect(t.signedUrl).toContain('X-Amz-Security-Token=tok%2Fen%2B%3D');
	});
	it('S3 signs UNSIGNED-PAYLOAD, other services the body hash', async () => {
		expect((await presign('https://b.s3.amazonaws.com/k', S3)).payloadHash).toBe('UNSIGNED-PAYLOAD');
		// SHA-256 of the empty string (FIPS 180-2 test value), the payload line of every bodiless vector.
		expect((await presign('https://h.example/', BASE)).payloadHash).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
	});
	it('accepts 1..604800 seconds and rejects the rest with a clear error', async () => {
		for (const expiresIn of [604800, 1]) {
			const t = await presign('https://h.example/', { ...BASE, expiresIn });
			expect(t.signedUrl).toContain(`&X-Amz-Expires=${expiresIn}&`);
			expect(t.canonicalRequest.split('\n')[2]).toContain(`&X-Amz-Expires=${expiresIn}&`);
		}
		for (const expiresIn of [0, 604801, 1.5, -3, Number.NaN]) {
			await expect(presign('https://h.example/', { ...BASE, expiresIn })).rejects.toMatchObject({
				name: 'SigningError',
				field: 'expiresIn'
			});
		}
	});
});

describe('session tokens', () => {
	it('go in a signed x-amz-security-token header in header mode', async () => {
		const t = await signRequest(get('https://h.example/'), { ...BASE, credentials: { ...BASE.credentials, sessionToken: 'TOKEN' } });
		expect(t.canonicalRequest).toContain('\nx-amz-security-token:TOKEN\n');
		expect(t.request.headers).toContainEqual(['X-Amz-Security-Token', 'TOKEN']);
	});
	it('can be added after signing', async () => {
		const t = await signRequest(get('https://h.example/'), {
			...BASE,
			credentials: { ...BASE.credentials, sessionToken: 'TOKEN' },
			signSessionToken: false
		});
		expect(t.canonicalRequest).not.toContain('TOKEN');
		expect(t.request.headers).toContainEqual(['X-Amz-Security-Token', 'TOKEN']);
	});
});

describe("a pasted request's own signature is ignored", () => {
	it('drops an Authorization header and replaces X-Amz-Date', async () => {
		const fresh = await signRequest(get('https://h.example/'), BASE);
		const pasted = await signRequest(
			get('https://h.example/', [
				['Authorization', 'AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=00'],
				['X-Amz-Date', '20000101T000000Z']
			]),
			BASE
		);
		expect(pasted.signature).toBe(fresh.signature);
		expect(pasted.request.headers.filter(([n]) => n.toLowerCase() === 'authorization')).toHaveLength(1);
	});
	it('drops X-Amz-* signature parameters from a presigned URL', async () => {
		const first = await presignUrl(get('https://h.example/p?a=1'), BASE);
		const again = await presignUrl(get(first.signedUrl!), BASE);
		expect(again.signature).toBe(first.signature);
		expect(again.signedUrl).toBe(first.signedUrl);
		const header = await signRequest(get(first.signedUrl!), BASE);
		expect(header.canonicalRequest.split('\n')[2]).toBe('a=1');
		expect(header.request.url).toBe('https://h.example/p?a=1');
	});
});

describe('provenance', () => {
	it('explains every canonical-request line', async () => {
		const t = await signRequest(get('https://h.example/a%20b?b=1&a=2', [['X-Amz-Meta-A', '  x  ']]), BASE);
		const text = t.canonicalRequest.split('\n');
		expect(t.provenance.map((p) => p.text)).toEqual(text);
		expect(t.provenance.map((p) => p.line)).toEqual(text.map((_, i) => i + 1));
		expect(t.provenance[1]!.rules.join(' ')).toContain('double encoding');
		const meta = t.provenance.find((p) => p.text.startsWith('x-amz-meta-a:'))!;
		expect(meta.input).toBe('X-Amz-Meta-A:  x  ');
		expect(meta.rules).toContain('name lowercased');
		expect(meta.rules).toContain('value trimmed');
		for (const p of t.provenance) expect(p.rules.length).toBeGreaterThan(0);
	});
});

describe('found by the property tests', () => {
	it('accepts a header folded with CRLF and unfolds it', async () => {
		expect(await lines(get('https://h.example/', [['My-H', 'a\r\n b']]))).toContain('my-h:a b');
	});
	it('appends the presign parameters to a query of empty parameters without a second "?"', async () => {
		const t = await presignUrl(get('https://h.example/?&'), BASE);
		expect(t.signedUrl).toMatch(/^https:\/\/h\.example\/\?&X-Amz-Algorithm=/);
		expect(t.signedUrl!.split('?')).toHaveLength(2);
	});
});

describe('presigned URL query joins', () => {
	for (const [url, start] of [
		['https://h.example/', 'https://h.example/?X-Amz-Algorithm='],
		['https://h.example/?', 'https://h.example/?X-Amz-Algorithm='],
		['https://h.example/?a=?', 'https://h.example/?a=?&X-Amz-Algorithm='],
		['https://h.example/?a=1&', 'https://h.example/?a=1&X-Amz-Algorithm=']
	] as const) {
		it(`${url} → ${start}…`, async () => {
			expect((await presignUrl(get(url), BASE)).signedUrl!.startsWith(start)).toBe(true);
		});
	}
});
