// What the walk-through says, case by case: the explanation fits the request (S3 or not, why a header
// is not signed, what the signer added), and every case also passes the invariants of learn-invariants.ts.
import { describe, expect, it } from 'vitest';
import type { LearnStep } from '../../src/lib/learn/steps.ts';
import type { HttpRequest, SigningParams } from '../../src/lib/sigv4/index.ts';
import { buildSteps, learnPaneTexts } from '../../src/lib/learn/steps.ts';
import { sign, walk } from './learn-invariants.ts';

const PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 'execute-api',
	datetime: '20150830T123600Z'
};
const S3: SigningParams = { ...PARAMS, service: 's3' };

function step(steps: LearnStep[], id: string): LearnStep {
	const found = steps.find((s) => s.id === id);
	if (!found) throw new Error(`no step ${id} in ${steps.map((s) => s.id).join(', ')}`);
	return found;
}

const get = (url: string, headers: [string, string][] = []): HttpRequest => ({ method: 'GET', url, headers });

describe('learn: canonical URI', () => {
	it('S3: "+" is a literal plus (%2B), escapes are decoded before the one encoding', async () => {
		const steps = await walk(get('https://b.s3.amazonaws.com/a+b/c%20d/%7e'), S3, 'header');
		const plus = step(steps, 'uri-segment-1');
		expect(plus.output).toBe('a%2Bb');
		expect(plus.explanation).toMatch(/literal plus.*%2B/);
		expect(plus.mistakes).toContain('plus-in-s3-key');
		const space = step(steps, 'uri-segment-2');
		expect(space.output).toBe('c%20d');
		expect(space.explanation).toMatch(/S3 signs the object key/);
		expect(space.explanation).toMatch(/not encoded a second time/);
		expect(space.mistakes).toContain('path-double-encoded');
		const tilde = step(steps, 'uri-segment-3');
		expect(tilde.output).toBe('~');
		expect(tilde.explanation).toMatch(/uppercase hex/);
		expect(tilde.explanation).toMatch(/decoded back to itself/);
	});

	it('other services: the path is encoded once more, "%" becomes "%25"', async () => {
		const steps = await walk(get('https://example.amazonaws.com/a%20b/c d'), PARAMS, 'header');
		const encoded = step(steps, 'uri-segment-1');
		expect(encoded.output).toBe('a%2520b');
		expect(encoded.explanation).toMatch(/"%25"/);
		expect(encoded.mistakes).toContain('path-not-double-encoded');
		expect(step(steps, 'uri-segment-2').output).toBe('c%20d');
		expect(step(steps, 'canonical-uri').explanation).toMatch(/double encoding/);
	});

	it('other services: a normalization step before the segments', async () => {
		const steps = await walk(get('https://example.amazonaws.com/a/./b/../c//d/'), PARAMS, 'header');
		const norm = step(steps, 'uri-normalize');
		expect(norm.reads).toBe('/a/./b/../c//d/');
		expect(norm.output).toBe('/a/c/d/');
		expect(norm.highlight).toBeUndefined();
		expect(norm.mistakes).toEqual(['path-not-normalized']);
		expect(steps.filter((s) => s.id.startsWith('uri-segment-')).map((s) => s.output)).toEqual(['a', 'c', 'd']);
		expect(step(steps, 'canonical-uri').output).toBe('/a/c/d/');
	});

	it('S3: dot segments and "//" are kept, and the step says why', async () => {
		const steps = await walk(get('https://b.s3.amazonaws.com/a/../b//c'), S3, 'header');
		expect(step(steps, 'uri-normalize').title).toBe('Path not normalized');
		expect(step(steps, 'uri-normalize').explanation).toMatch(/S3 signs the path exactly as sent/);
		expect(step(steps, 'uri-segment-2').output).toBe('..');
		expect(step(steps, 'canonical-uri').output).toBe('/a/../b//c');
	});

	it('an overridden rule is said to be switched in the inputs', async () => {
		const steps = await walk(get('https://example.amazonaws.com/a%20b'), { ...PARAMS, uriEscapePath: false }, 'header');
		expect(step(steps, 'uri-segment-1').output).toBe('a%20b');
		expect(step(steps, 'uri-segment-1').explanation).toMatch(/switched in the inputs/);
	});

	it('no path at all: signed as "/"', async () => {
		const steps = await walk(get('https://example.amazonaws.com'), PARAMS, 'header');
		expect(step(steps, 'canonical-uri').output).toBe('/');
		expect(step(steps, 'canonical-uri').explanation).toMatch(/no path/);
		expect(steps.some((s) => s.id.startsWith('uri-segment-'))).toBe(false);
	});
});

describe('learn: canonical query', () => {
	it('one step per parameter in URL order, then the sort', async () => {
		const steps = await walk(get('https://example.amazonaws.com/?b=2&a=1&acl&x=a+b&y=%2f'), PARAMS, 'header');
		expect(steps.filter((s) => s.id.startsWith('query-param-')).map((s) => [s.reads, s.output])).toEqual([
			['b=2', 'b=2'],
			['a=1', 'a=1'],
			['acl', 'acl='],
			['x=a+b', 'x=a%20b'],
			['y=%2f', 'y=%2F']
		]);
		expect(step(steps, 'query-param-3').mistakes).toContain('query-missing-equals');
		expect(step(steps, 'query-param-4').explanation).toMatch(/"\+" in a query string means a space/);
		expect(step(steps, 'query-param-5').mistakes).toContain('percent-hex-lowercase');
		const sort = step(steps, 'query-sort');
		expect(sort.output).toBe('a=1&acl=&b=2&x=a%20b&y=%2F');
		expect(sort.explanation).toMatch(/sort changes the URL's order/);
	});

	it("presign: a pasted URL's own signature parameters are ignored, the X-Amz-* ones are steps", async () => {
		const url = 'https://example.amazonaws.com/?Action=ListUsers&X-Amz-Signature=abc&X-Amz-Date=20000101T000000Z';
		const steps = await walk(get(url), PARAMS, 'query');
		expect(step(steps, 'query-sort').explanation).toMatch(/X-Amz-Signature, X-Amz-Date are ignored/);
		expect(steps.filter((s) => s.id.startsWith('presign-')).map((s) => s.id)).toEqual([
			'presign-algorithm',
			'presign-credential',
			'presign-date',
			'presign-signed-headers',
			'presign-expires'
		]);
		expect(step(steps, 'presign-date').output).toBe('X-Amz-Date=20150830T123600Z');
	});

	it('presign with a session token not signed: no token step, the token is appended after signing', async () => {
		const params: SigningParams = { ...PARAMS, credentials: { ...PARAMS.credentials, sessionToken: 'TOKEN+/=' }, signSessionToken: false };
		const steps = await walk(get('https://example.amazonaws.com/'), params, 'query');
		expect(steps.some((s) => s.id === 'presign-security-token')).toBe(false);
		expect(step(steps, 'query-sort').explanation).toMatch(/X-Amz-Security-Token is left out/);
		expect(step(steps, 'placement').output).toContain('&X-Amz-Security-Token=TOKEN%2B%2F%3D&X-Amz-Signature=');
		expect(step(steps, 'placement').explanation).toMatch(/was not signed/);
	});

	it('presign with a session token signed: a step of its own', async () => {
		const params: SigningParams = { ...PARAMS, credentials: { ...PARAMS.credentials, sessionToken: 'TOKEN' } };
		const steps = await walk(get('https://example.amazonaws.com/'), params, 'query');
		expect(step(steps, 'presign-security-token').output).toBe('X-Amz-Security-Token=TOKEN');
		expect(step(steps, 'presign-security-token').docUrl).toMatch(/#temporary-security-credentials$/);
	});
});

describe('learn: canonical headers', () => {
	it('says why headers are not signed: never-signed list, proxies, the pasted Authorization', async () => {
		const steps = await walk(
			get('https://example.amazonaws.com/', [
				['User-Agent', 'curl/8.5.0'],
				['Proxy-Connection', 'keep-alive'],
				['Authorization', 'AWS4-HMAC-SHA256 Credential=old'],
				['Content-Type', 'text/plain']
			]),
			PARAMS,
			'header'
		);
		const unsigned = step(steps, 'unsigned-headers');
		expect(unsigned.output.split('\n')).toEqual(['authorization', 'user-agent', 'proxy-connection']);
		expect(unsigned.reads).toContain('User-Agent: curl/8.5.0');
		expect(unsigned.explanation).toMatch(/user-agent: in the never-signed list/);
		expect(unsigned.explanation).toMatch(/proxy-connection: proxy-\* headers/);
		expect(unsigned.explanation).toMatch(/authorization: the pasted signature/);
		expect(unsigned.highlight).toBeUndefined();
		expect(step(steps, 'header-content-type').output).toBe('content-type:text/plain');
		// The unsigned list comes after the header steps, before the sorted block.
		const ids = steps.map((s) => s.id);
		expect(ids.indexOf('unsigned-headers')).toBe(ids.indexOf('canonical-headers') - 1);
	});

	it('an explicit signed-headers list: a never-signed header signed, an absent one empty, an x-amz-* left out', async () => {
		const steps = await walk(
			get('https://example.amazonaws.com/', [
				['User-Agent', 'sdk'],
				['X-Amz-Meta-Color', 'red']
			]),
			{ ...PARAMS, signedHeaders: ['host', 'user-agent', 'x-missing'] },
			'header'
		);
		expect(step(steps, 'header-user-agent').mistakes).toContain('unsignable-header-signed');
		expect(step(steps, 'header-user-agent').explanation).toMatch(/usually left unsigned/);
		const absent = step(steps, 'header-x-missing');
		expect(absent.output).toBe('x-missing:');
		expect(absent.reads).toBe('');
		expect(absent.mistakes).toContain('signed-header-absent');
		const unsigned = step(steps, 'unsigned-headers');
		expect(unsigned.explanation).toMatch(/x-amz-meta-color: not in the signed-headers list you gave; but an x-amz-\* header/);
		expect(unsigned.mistakes).toContain('x-amz-header-not-signed');
	});

	it('folded, padded and repeated headers: trimmed, collapsed, joined with ","', async () => {
		const steps = await walk(
			get('https://example.amazonaws.com/', [
				['My-Header1', '  a   b  '],
				['My-Header2', 'one\n  two'],
				['X-Dup', 'x'],
				['x-dup', 'y']
			]),
			PARAMS,
			'header'
		);
		expect(step(steps, 'header-my-header1').output).toBe('my-header1:a b');
		expect(step(steps, 'header-my-header1').explanation).toMatch(/every run of spaces and tabs/);
		expect(step(steps, 'header-my-header2').output).toBe('my-header2:one two');
		expect(step(steps, 'header-my-header2').explanation).toMatch(/obs-fold/);
		const dup = step(steps, 'header-x-dup');
		expect(dup.output).toBe('x-dup:x,y');
		expect(dup.reads).toBe('X-Dup: x\nx-dup: y');
		expect(dup.mistakes).toContain('header-values-joined-wrong');
	});

	it('header names that read alike in kebab-case still get distinct ids', async () => {
		const steps = await walk(
			get('https://example.amazonaws.com/', [
				['a_b', '1'],
				['a.b', '2']
			]),
			PARAMS,
			'header'
		);
		expect(step(steps, 'header-a-b').output).toBe('a_b:1');
		expect(step(steps, 'header-a-b-2').output).toBe('a.b:2');
	});

	it('Host from the URL, with a non-default port; a stale X-Amz-Date replaced', async () => {
		const steps = await walk(get('http://localhost:9000/x', [['X-Amz-Date', '20000101T000000Z']]), PARAMS, 'header');
		const host = step(steps, 'header-host');
		expect(host.output).toBe('host:localhost:9000');
		expect(host.explanation).toMatch(/takes it from the URL/);
		const date = step(steps, 'header-x-amz-date');
		expect(date.output).toBe('x-amz-date:20150830T123600Z');
		expect(date.explanation).toMatch(/"20000101T000000Z" is replaced/);
	});

	it('header mode with a session token not signed: listed as unsigned, with the reason', async () => {
		const params: SigningParams = { ...PARAMS, credentials: { ...PARAMS.credentials, sessionToken: 'TOKEN' }, signSessionToken: false };
		const steps = await walk(get('https://example.amazonaws.com/'), params, 'header');
		expect(step(steps, 'unsigned-headers').explanation).toMatch(/signing the session token is switched off/);
	});

	it('presign: X-Amz-Date and the token given as headers are dropped', async () => {
		const steps = await walk(get('https://example.amazonaws.com/', [['X-Amz-Date', '20150830T123600Z']]), PARAMS, 'query');
		expect(step(steps, 'unsigned-headers').explanation).toMatch(
			/x-amz-date: in a presigned URL this travels as the X-Amz-Date query parameter/
		);
	});
});

describe('learn: payload hash', () => {
	it('the body is read (and cut when long); binary bodies are described', async () => {
		const long = 'x'.repeat(2500);
		const text = await walk({ method: 'POST', url: 'https://example.amazonaws.com/', headers: [], body: long }, PARAMS, 'header');
		expect(step(text, 'payload-hash').reads).toBe(`${'x'.repeat(2000)}… (500 more characters)`);
		const binary = await walk(
			{ method: 'PUT', url: 'https://example.amazonaws.com/', headers: [], body: new Uint8Array([0, 1, 2]) },
			PARAMS,
			'header'
		);
		expect(step(binary, 'payload-hash').reads).toBe('[3 bytes of binary body]');
	});

	it("S3: the request's own x-amz-content-sha256 is the payload hash", async () => {
		const steps = await walk(get('https://b.s3.amazonaws.com/k', [['x-amz-content-sha256', 'UNSIGNED-PAYLOAD']]), S3, 'header');
		const payload = step(steps, 'payload-hash');
		expect(payload.output).toBe('UNSIGNED-PAYLOAD');
		expect(payload.reads).toBe('x-amz-content-sha256: UNSIGNED-PAYLOAD');
		expect(payload.explanation).toMatch(/not covered by the signature/);
	});

	it('a payload hash given in the inputs', async () => {
		const hash = 'a'.repeat(64);
		const steps = await walk(get('https://example.amazonaws.com/'), { ...PARAMS, payloadHash: hash }, 'header');
		expect(step(steps, 'payload-hash').output).toBe(hash);
		expect(step(steps, 'payload-hash').explanation).toMatch(/given in the inputs/);
	});
});

describe('learn: string to sign and placement', () => {
	it('an afternoon time is pointed out as a 24-hour clock', async () => {
		const steps = await walk(get('https://example.amazonaws.com/'), { ...PARAMS, datetime: '20150830T133600Z' }, 'header');
		expect(step(steps, 'sts-datetime').explanation).toMatch(/here 13, not 01/);
	});

	it('header mode with a session token: the header is signed and the placement names it', async () => {
		const params: SigningParams = { ...PARAMS, credentials: { ...PARAMS.credentials, sessionToken: 'TOKEN' } };
		const steps = await walk(get('https://example.amazonaws.com/'), params, 'header');
		expect(step(steps, 'header-x-amz-security-token').explanation).toMatch(/session token/);
		expect(step(steps, 'placement').explanation).toMatch(/X-Amz-Security-Token exactly as signed/);
		expect(step(steps, 'placement').mistakes).toContain('session-token-added-after-signing');
	});
});

describe('learn: already-encoded text is not called "unreserved"', () => {
	it('an S3 segment and a query value already in canonical form', async () => {
		const steps = await walk(get('https://b.s3.amazonaws.com/c%20d?k=a%2Fb'), S3, 'header');
		expect(step(steps, 'uri-segment-1').explanation).toMatch(/already encoded the way S3 expects/);
		expect(step(steps, 'query-param-1').explanation).toMatch(/already encoded this way/);
		expect(step(steps, 'query-param-1').explanation).not.toMatch(/only unreserved/);
	});
});

describe('learn: an unsigned session token in header mode', () => {
	it('the placement does not claim the token is signed', async () => {
		const params: SigningParams = { ...PARAMS, credentials: { ...PARAMS.credentials, sessionToken: 'TOKEN' }, signSessionToken: false };
		const steps = await walk(get('https://example.amazonaws.com/'), params, 'header');
		expect(step(steps, 'placement').explanation).not.toMatch(/X-Amz-Security-Token exactly as signed/);
		expect(step(steps, 'placement').explanation).toMatch(/X-Amz-Security-Token is sent too, but unsigned/);
	});
});

describe('learn: a stale trace (the request edited, the re-signing not yet done)', () => {
	it('never highlights text that is not the step output', async () => {
		const before = get('https://example.amazonaws.com/a?x=1', [['X-Custom', 'one']]);
		const after = get('https://example.amazonaws.com/ab?x=12', [['X-Custom', 'one two']]);
		const trace = await sign(before, PARAMS, 'header');
		const steps = buildSteps({ request: after, params: PARAMS, trace });
		const panes = learnPaneTexts(trace);
		for (const s of steps) if (s.highlight) expect(panes[s.highlight.pane].slice(s.highlight.start, s.highlight.end)).toBe(s.output);
		expect(step(steps, 'header-x-custom').highlight).toBeUndefined();
		expect(step(steps, 'method').highlight).toEqual({ pane: 'canonicalRequest', start: 0, end: 'GET'.length });
	});
});
