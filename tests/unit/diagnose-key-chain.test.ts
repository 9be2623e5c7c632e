// The user's own signing keys (kDate … kSigning, as their signer printed them) compared key by key
// with the correct chain, without an Authorization header or signature. The keys are made with
// node:crypto, independently of our core, from AWS's documented example secret.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { importText } from '../../src/lib/parse/index.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PARTS = ['20130524', 'us-east-1', 's3', 'aws4_request'];
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** kDate … kSigning as hex, each step made by `step(i, previous key, part)`. */
function chain(step: (i: number, key: Buffer, part: string) => Buffer, first: Buffer | string = 'AWS4' + SECRET, parts = PARTS): string[] {
	let key: Buffer = Buffer.from(first);
	return parts.map((part, i) => (key = step(i, key, part)).toString('hex'));
}
const CORRECT = chain((_, k, d) => hmac(k, d));
const keysOf = (hex: string[]) => ({ kDate: hex[0], kRegion: hex[1], kService: hex[2], kSigning: hex[3] });

type Keys = NonNullable<Evidence['provided']>['signingKeys'];

function evidence(signingKeys: Keys, secret = SECRET): Evidence {
	return {
		request: { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [] },
		params: {
			credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret },
			region: 'us-east-1',
			service: 's3',
			datetime: '20130524T000000Z'
		},
		mode: 'header',
		provided: { signingKeys },
		now: new Date('2013-05-24T00:00:00Z')
	};
}

async function keyFindings(keys: Keys, secret?: string) {
	return (await diagnose(evidence(keys, secret))).filter(
		(f) => f.stage === 'signing-key' || f.stage === 'credentials' || /key/.test(f.message)
	);
}

describe('signing keys compared key by key', () => {
	it('the correct chain: nothing to report', async () => {
		expect((await diagnose(evidence(keysOf(CORRECT)))).filter((f) => f.severity === 'error')).toEqual([]);
	});

	it('kDate matches; kRegion differs: kDate passed on as hex text (the Apex mistake)', async () => {
		const hex = chain((i, k, d) => (i === 0 ? hmac(k, d) : hmac(k.toString('hex'), d)));
		const [f] = await keyFindings(keysOf(hex));
		expect(f).toMatchObject({ code: 'hex-intermediate-keys', stage: 'signing-key', line: 2, confirmed: true, severity: 'error' });
		expect(f!.message).toMatch(
			/^kDate matches; kRegion differs \(kService, kSigning follow from it and differ too\): your signer passed kDate on as hex text/
		);
		expect(f!.message).toContain(CORRECT[1]);
	});

	it('HMAC key and data swapped from the first step', async () => {
		const [f] = await keyFindings(keysOf(chain((_, k, d) => createHmac('sha256', d).update(k).digest())));
		expect(f).toMatchObject({ code: 'hmac-key-data-swapped', line: 1 });
		expect(f!.message).toMatch(/^kDate differs/);
	});

	it('no "AWS4" prefix', async () => {
		const [f] = await keyFindings(keysOf(chain((_, k, d) => hmac(k, d), SECRET)));
		expect(f).toMatchObject({ code: 'signing-key-missing-aws4-prefix', line: 1 });
	});

	it('kRegion for another region names it', async () => {
		const other = chain((_, k, d) => hmac(k, d), undefined, ['20130524', 'eu-west-1', 's3', 'aws4_request']);
		const [f] = await keyFindings(keysOf(other));
		expect(f).toMatchObject({ code: 'scope-region-mismatch', line: 2 });
		expect(f!.message).toMatch(/kDate matches; kRegion differs.*"eu-west-1"/);
	});

	it('kDate of the day before (a local date)', async () => {
		const other = chain((_, k, d) => hmac(k, d), undefined, ['20130523', 'us-east-1', 's3', 'aws4_request']);
		expect((await keyFindings({ kDate: other[0] }))[0]).toMatchObject({ code: 'timestamp-scope-date-mismatch', line: 1 });
	});

	it('kSigning that is kService: the aws4_request step skipped', async () => {
		expect((await keyFindings({ kService: CORRECT[2], kSigning: CORRECT[2] }))[0]).toMatchObject({
			code: 'signing-key-step-skipped',
			line: 4
		});
	});

	it('only kSigning, from the hex chain: the forensics variants name it', async () => {
		const hex = chain((i, k, d) => (i === 0 ? hmac(k, d) : hmac(k.toString('hex'), d)));
		expect((await keyFindings({ kSigning: hex[3] }))[0]).toMatchObject({ code: 'hex-intermediate-keys', line: 4 });
	});

	it('a kDate no known mistake makes: signing-key-differs, about the secret or the date', async () => {
		const other = chain((_, k, d) => hmac(k, d), 'AWS4' + SECRET.replace('K7', 'K8'));
		const [f] = await keyFindings({ kDate: other[0], kRegion: other[1] });
		expect(f).toMatchObject({ code: 'signing-key-differs', line: 1, severity: 'error' });
		expect(f!.confirmed).toBeUndefined();
		expect(f!.message).toMatch(/^kDate differs \(kRegion follows from it and differs too\): kDate depends only on the secret and the date/);
	});

	it('without the secret, nothing is computed and nothing is said', async () => {
		const hex = chain((i, k, d) => (i === 0 ? hmac(k, d) : hmac(k.toString('hex'), d)));
		const findings = await diagnose(evidence(keysOf(hex), ''));
		expect(findings.filter((f) => f.stage === 'signing-key')).toEqual([]);
	});

	it('from a pasted key list to the finding (seed-like: story 2 of the UX review)', async () => {
		const hex = chain((i, k, d) => (i === 0 ? hmac(k, d) : hmac(k.toString('hex'), d)));
		const r = importText(`kDate: ${hex[0]}\nkRegion: ${hex[1]}\nkService: ${hex[2]}\nkSigning: ${hex[3]}`);
		expect(r.kind).toBe('signing-keys');
		const [f] = await keyFindings(r.provided!.signingKeys);
		expect(f).toMatchObject({ code: 'hex-intermediate-keys', line: 2 });
	});
});
