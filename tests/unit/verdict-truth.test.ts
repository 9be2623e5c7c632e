// Issue 11, "Say only what is true": each rule diagnose keeps, with evidence that breaks it when
// the rule is gone. The incompatible-codes check over every scenario is in diagnose-helpers.ts
// (diagnoseScenario) and diagnose-post-sse.test.ts.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import { FindingList } from '../../src/lib/diagnose/finding-list.ts';
import { incompatiblePairs, INCOMPATIBLE, withoutIncompatible, type Finding } from '../../src/lib/findings/index.ts';
import {
	DATETIME,
	diagnoseScenario,
	finding,
	GET_ROOT as GET,
	hmacHex,
	NOW,
	params,
	replaceLine,
	request,
	s3Params,
	SECRET,
	sign,
	toHex
} from './diagnose-helpers.ts';

const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('no two findings that contradict each other', () => {
	it('the table drops the weaker of each pair, and a warning never drops an error', () => {
		const absent = finding('signed-header-absent');
		const added = finding('header-added-after-signing', { basis: 'server', confirmed: true });
		expect(incompatiblePairs([added, absent])).toEqual([[absent, added]]);
		expect(withoutIncompatible([added, absent])).toEqual([absent]);
		const warning = finding('signed-header-absent', { severity: 'warning' });
		expect(withoutIncompatible([added, warning])).toEqual([added, warning]);
	});

	it('wrong-secret-key cannot stand with any stage difference, nor with a key-derivation mistake', () => {
		const dropped = new Set(INCOMPATIBLE.filter(([, d]) => d === 'wrong-secret-key').map(([k]) => k));
		for (const code of [
			'headers-not-sorted',
			'timestamp-12-hour-clock',
			'scope-region-mismatch',
			'hex-intermediate-keys',
			'hex-uppercase'
		] as const)
			expect(dropped.has(code), code).toBe(true);
		for (const code of ['clock-skew', 'presign-expired', 'unsignable-header-signed'] as const) expect(dropped.has(code), code).toBe(false);
	});

	it("diagnose's list drops the weaker finding", () => {
		const list = new FindingList();
		list.add('header-added-after-signing', { message: 'added', fix: 'fix it', basis: 'server' });
		list.add('signed-header-absent', { message: 'absent', fix: 'fix it' });
		expect(codes(list.sorted())).toEqual(['signed-header-absent']);
	});

	it('a canonical request that differs is never "every string matches; the secret differs"', async () => {
		// The user's string to sign is the correct one, their canonical request (inconsistently) has its
		// headers out of order, and the signature is made with another secret.
		const { findings } = await diagnoseScenario({
			request: request('GET', 'https://example.amazonaws.com/', [['X-Amz-Meta-A', '1']]),
			params: params(),
			provided: async (t) => {
				let key: Uint8Array = new TextEncoder().encode('AWS4another secret');
				for (const part of ['20150830', 'us-east-1', 'service', 'aws4_request']) key = await hmacHex(key, part);
				const lines = t.canonicalRequest.split('\n');
				[lines[3], lines[4]] = [lines[4]!, lines[3]!];
				return { canonicalRequest: lines.join('\n'), stringToSign: t.stringToSign, signature: toHex(await hmacHex(key, t.stringToSign)) };
			}
		});
		expect(codes(findings)).toContain('headers-not-sorted');
		expect(codes(findings)).not.toContain('wrong-secret-key');
	});
});

describe('canonical-request-differs never advises what the request already does', () => {
	it('the server received the query as sent: no "send the query exactly as signed"', async () => {
		const req = request('GET', 'https://example.amazonaws.com/?b=2&a=1');
		const { findings } = await diagnoseScenario({
			request: req,
			params: params(),
			provided: (t) => ({ canonicalRequest: replaceLine(t.canonicalRequest, 3, 'b=2&a=1') }),
			server: (t) => ({ code: 'SignatureDoesNotMatch', canonicalRequest: t.canonicalRequest })
		});
		expect(codes(findings)).toContain('query-not-sorted');
		expect(findings.filter((f) => /query exactly as signed/.test(f.fix))).toEqual([]);
	});

	it('the query changed on the way: the advice stands', async () => {
		const { findings } = await diagnoseScenario({
			request: request('GET', 'https://example.amazonaws.com/?a=1'),
			params: params(),
			server: (t) => ({ code: 'SignatureDoesNotMatch', canonicalRequest: replaceLine(t.canonicalRequest, 3, 'a=1&added=x') })
		});
		expect(findings.filter((f) => /query exactly as signed/.test(f.fix))).toHaveLength(1);
	});
});

describe('time: only against a known time', () => {
	it('a request from the past, with no server time and no "now": no clock finding, not even a warning', async () => {
		const { findings } = await diagnoseScenario({
			request: GET,
			params: params(),
			provided: (t) => ({ signature: t.signature }),
			now: null
		});
		expect(findings).toEqual([]);
		const presigned = await diagnoseScenario({
			request: request('GET', 'https://examplebucket.s3.amazonaws.com/a.jpg'),
			params: s3Params(),
			mode: 'query',
			provided: (t) => ({ signedUrl: t.signedUrl! }),
			now: null
		});
		expect(presigned.findings).toEqual([]);
	});

	it('with "now" known, a stale time is an error', async () => {
		const { findings } = await diagnoseScenario({ request: GET, params: params(), now: new Date('2015-08-31T12:36:00Z') });
		expect(findings.find((f) => f.code === 'clock-skew')?.severity).toBe('error');
	});

	it('"Signature expired: X is now earlier than Y (Z - 15 min.)" gives the server time; 12 hours with hour h and h+12 is the 12-hour clock, said by the server', async () => {
		const message = 'Signature expired: 20150830T013600Z is now earlier than 20150830T132100Z (20150830T133600Z - 15 min.)';
		const { findings } = await diagnoseScenario({
			request: GET,
			params: params({ datetime: '20150830T013600Z' }),
			now: null,
			server: () => ({ code: 'SignatureDoesNotMatch', message })
		});
		const twelve = findings.find((f) => f.code === 'timestamp-12-hour-clock');
		expect(twelve, JSON.stringify(codes(findings))).toMatchObject({ severity: 'error', basis: 'server', confirmed: true });
		expect(twelve!.message).toMatch(/hour 01 where the time was 13/);
		// The cause before its consequence.
		expect(codes(findings).indexOf('timestamp-12-hour-clock')).toBeLessThan(codes(findings).indexOf('clock-skew'));
	});

	it("the message alone (the request not given): its request time is used, not the request's", async () => {
		const message = 'Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)';
		const { findings } = await diagnoseScenario({
			request: GET,
			params: params(),
			now: null,
			server: () => ({ code: 'SignatureDoesNotMatch', message })
		});
		expect(findings.find((f) => f.code === 'timestamp-12-hour-clock')?.message).toMatch(/20240115T031500Z/);
	});

	it('a gap that is not 12 hours, or an hour that is not h and h+12, is not the 12-hour clock', async () => {
		const message = 'Signature expired: 20150830T013600Z is now earlier than 20150830T102100Z (20150830T103600Z - 15 min.)';
		const { findings } = await diagnoseScenario({
			request: GET,
			params: params({ datetime: '20150830T013600Z' }),
			now: null,
			server: () => ({ code: 'SignatureDoesNotMatch', message })
		});
		expect(codes(findings)).toContain('clock-skew');
		expect(codes(findings)).not.toContain('timestamp-12-hour-clock');
	});
});

describe('malformed timestamps are kept as typed and named', () => {
	for (const [name, datetime] of [
		['space-padded hour', '20150830T 93600Z'],
		['UTC suffix', '20150830T123600 UTC'],
		['no Z', '20150830T123600']
	] as const) {
		it(name, async () => {
			const { findings } = await diagnoseScenario({
				request: GET,
				params: params({ datetime }),
				provided: async () => ({ stringToSign: (await sign(GET, params())).stringToSign })
			});
			const f = findings.find((g) => g.code === 'timestamp-malformed');
			expect(f, JSON.stringify(codes(findings))).toBeDefined();
			expect(f!.message).toContain(JSON.stringify(datetime));
		});
	}

	it('in a string to sign: a space-padded hour is named as such', async () => {
		const { findings } = await diagnoseScenario({
			request: GET,
			params: params(),
			provided: (t) => ({ stringToSign: replaceLine(t.stringToSign, 2, DATETIME.replace('T12', 'T 12').slice(0, 16)) })
		});
		expect(findings.find((f) => f.code === 'timestamp-malformed')?.message).toMatch(/padded with a space/);
	});
});

describe("basis: what the server states, what reproduces the user's value", () => {
	it("the server's message is 'server'; a reproduced signature is 'reproduced'", async () => {
		const server = await diagnose({
			request: GET,
			params: params(),
			mode: 'header',
			now: NOW,
			server: { code: 'AuthorizationHeaderMalformed', message: "the region 'us-west-2' is wrong; expecting 'us-east-1'" }
		});
		expect(server.find((f) => f.code === 'scope-region-mismatch')).toMatchObject({ basis: 'server', confirmed: true });
		const t = await sign(GET, params());
		const upper = await diagnose({
			request: GET,
			params: params(),
			mode: 'header',
			now: NOW,
			provided: { signature: t.signature.toUpperCase() }
		});
		expect(upper.find((f) => f.code === 'hex-uppercase')).toMatchObject({ basis: 'reproduced', confirmed: true });
		expect(upper.find((f) => f.code === 'hex-uppercase')?.reproduces).toBeUndefined();
	});

	it('a finding the evidence shows, with nothing reproduced or stated, has no basis', async () => {
		const { findings } = await diagnoseScenario({
			request: GET,
			params: params(),
			provided: (t) => ({ canonicalRequest: replaceLine(t.canonicalRequest, 1, 'get') })
		});
		const f = findings.find((g) => g.code === 'method-not-uppercase');
		expect(f?.basis).toBeUndefined();
		expect(f?.confirmed).toBeUndefined();
	});

	it('SECRET is the example one', () => expect(SECRET).toMatch(/EXAMPLEKEY$/));
});
