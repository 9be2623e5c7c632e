// The config-fix table: for the case's finding codes, the one line per SDK where an option is the fix.
import { describe, expect, it } from 'vitest';
import { CONFIG_FIX_CODES, configFixes } from '../../../src/lib/export/index.ts';
import { FINDING_CODES } from '../../../src/lib/findings/index.ts';

const fixFor = (code: string, sdk: string, ctx = {}) => configFixes([code], ctx).find((f) => f.sdk === sdk)?.fix;

describe('configFixes', () => {
	it('S3 path encoded twice: single encoding in each signer', () => {
		expect(fixFor('path-double-encoded', 'smithy')).toContain('uriEscapePath: false');
		expect(fixFor('path-double-encoded', 'go-v2')).toContain('o.DisableURIPathEscaping = true');
		expect(fixFor('path-double-encoded', 'aws4fetch')).toContain('singleEncode: true');
		expect(fixFor('path-double-encoded', 'boto3')).toContain("signature_version='s3v4'");
		expect(fixFor('path-double-encoded', 'java-v2')).toContain('DOUBLE_URL_ENCODE, false');
	});

	it('a path encoded once for a service that encodes twice: the opposite switch', () => {
		expect(fixFor('path-not-double-encoded', 'smithy', { service: 'execute-api' })).toContain("service: 'execute-api'");
		expect(fixFor('path-not-double-encoded', 'smithy')).toContain('uriEscapePath: true');
		expect(fixFor('path-not-double-encoded', 'go-v2')).toContain('DisableURIPathEscaping = false');
	});

	it('host mismatch: path-style addressing; hoisted checksum: checksums only when required', () => {
		expect(fixFor('host-mismatch', 'boto3')).toBe("Config(s3={'addressing_style': 'path'})");
		expect(fixFor('host-mismatch', 'js-v3')).toContain('forcePathStyle: true');
		expect(fixFor('host-mismatch', 'go-v2')).toContain('o.UsePathStyle = true');
		expect(fixFor('header-hoisted-to-query', 'boto3')).toBe("Config(request_checksum_calculation='when_required')");
		expect(fixFor('header-hoisted-to-query', 'aws-cli')).toBe('export AWS_REQUEST_CHECKSUM_CALCULATION=when_required');
		expect(fixFor('header-hoisted-to-query', 'js-v3')).toContain("requestChecksumCalculation: 'WHEN_REQUIRED'");
	});

	it("names the case's region and signing name where the fix is the scope", () => {
		expect(fixFor('scope-region-mismatch', 'js-v3', { region: 'auto' })).toBe("new S3Client({ region: 'auto' })");
		expect(fixFor('scope-service-mismatch', 'aws4', { service: 'bedrock' })).toBe("aws4.sign({ ...request, service: 'bedrock' })");
	});

	it('keeps the order of the codes, each once, and gives nothing for codes no option fixes', () => {
		const fixes = configFixes(['host-mismatch', 'signature-mismatch', 'path-double-encoded', 'host-mismatch']);
		expect([...new Set(fixes.map((f) => f.code))]).toEqual(['host-mismatch', 'path-double-encoded']);
		expect(fixes.filter((f) => f.code === 'host-mismatch' && f.sdk === 'boto3')).toHaveLength(1);
		expect(configFixes(['hex-uppercase', 'constructor', '__proto__', 'toString'])).toEqual([]);
	});

	it('every code in the table is a finding code, and every fix is one labelled line', () => {
		expect(CONFIG_FIX_CODES.filter((c) => !Object.hasOwn(FINDING_CODES, c))).toEqual([]);
		const all = configFixes(CONFIG_FIX_CODES, { region: 'eu-west-1', service: 's3' });
		expect(new Set(all.map((f) => f.code)).size).toBe(CONFIG_FIX_CODES.length);
		for (const f of all) {
			expect(f.fix).not.toMatch(/\n/);
			expect(f.fix.trim().length).toBeGreaterThan(10);
			expect(f.label.length).toBeGreaterThan(3);
		}
	});
});
