// Each seed story (../shared/seeds/, copied to tests/fixtures/code-in/seeds/) is somebody's failing
// signer code. Its code must name the mistake the thread found, at the seed's own line numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, lintSignerCode } from '../../../src/lib/code-in/index.ts';
import { at, errors, FIXTURES, lintSeedLines } from './helpers.ts';

describe('seed code names its known mistakes at their lines', () => {
	it('000_bdc40cadc0b19831: Apex presign; the SSE headers went in unsorted (the answer: "S3 requires the headers to be in alphabetical order")', () => {
		const f = lintSeedLines('000_bdc40cadc0b19831.txt', 19, 100);
		expect(at(f)).toContain('headers-not-sorted@41');
		expect(at(f)).toContain('query-not-sorted@31');
		// The key chain is Apex's generateMac(algorithm, data, key): data first is right there, not a swap.
		expect(f.map((x) => x.code)).not.toContain('hmac-key-data-swapped');
	});

	it("001_b8a8fa3829d82603: the asker's Apex signing key is right; the answer's signer is SigV2 (secret as key, base64)", () => {
		expect(errors(lintSeedLines('001_b8a8fa3829d82603.txt', 9, 17, 'apex'))).toEqual([]);
		const answer = lintSeedLines('001_b8a8fa3829d82603.txt', 40, 47);
		expect(at(answer)).toEqual(['signing-key-missing-aws4-prefix@45', 'signature-base64@46']);
	});

	it("002_af6b4f9b4c232fed: Apex SNS; 'hhmmss', a base64 canonical-request hash, SigV2 fields and an unsorted hand-made query", () => {
		const f = lintSeedLines('002_af6b4f9b4c232fed.txt', 4, 99);
		expect(at(errors(f))).toEqual([
			'timestamp-12-hour-clock@37',
			'hash-base64-not-hex@41',
			'query-not-sorted@76',
			'sigv2-fields-in-sigv4@77',
			'sigv2-fields-in-sigv4@78',
			'sigv2-fields-in-sigv4@79',
			'sigv2-fields-in-sigv4@83'
		]);
		// The answer kept 'hhmmss' but commented the base64 line out: a comment is no finding.
		const answer = lintSeedLines('002_af6b4f9b4c232fed.txt', 160, 173, 'apex');
		expect(at(answer)).toEqual(['timestamp-12-hour-clock@166']);
	});

	it('003_7b88b156ee90c0c2: a blog post with no signer code names nothing', () => {
		const text = readFileSync(join(FIXTURES, 'seeds', '003_7b88b156ee90c0c2.txt'), 'utf8');
		expect(detectLanguage(text)).toBeUndefined();
		expect(lintSignerCode(text)).toEqual([]);
	});

	it('004_528eac09f7dfcb6e: C# POST policy signer with a JS form that sends SigV2 fields (AWSAccessKeyId, Signature)', () => {
		const f = lintSeedLines('004_528eac09f7dfcb6e.txt', 14, 58);
		expect(at(errors(f))).toEqual(['sigv2-fields-in-sigv4@53', 'sigv2-fields-in-sigv4@57']);
		// HmacSHA256(String data, byte[] key) called as (data, key): the helper's own order, not a swap;
		// and encodedPolicy (the base64) is what it signs.
		expect(f.map((x) => x.code)).not.toContain('hmac-key-data-swapped');
		expect(f.map((x) => x.code)).not.toContain('post-policy-json-signed');
	});
});
