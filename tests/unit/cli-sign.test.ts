// `sigv4-debugger sign|presign` run as a user runs it (the bundle, a child process): every stage, the
// signed request and the presigned URL, equal to AWS's published values; keys from the environment,
// never printed; and what is missing said, with exit code 2.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runBin, S3_DOC_KEYS, SUITE_KEYS } from '../helpers/cli.ts';
import { hasVectors, read, skipNotice } from '../helpers/shared-vectors.ts';
import { importGraph } from '../helpers/source-graph.ts';

let cli: Awaited<ReturnType<typeof bundleCli>>;
beforeAll(async () => {
	cli = await bundleCli();
}, 60_000);
afterAll(() => cli?.dispose());

const SCOPE = ['--region', 'us-east-1', '--service', 'service', '--datetime', '20150830T123600Z'];

/** get-vanilla as AWS documents it (Signature Version 4 test suite): the request, its stages and both signatures. */
const GET_VANILLA = {
	request: 'GET / HTTP/1.1\nHost:example.amazonaws.com\n',
	canonicalRequest:
		'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
	stringToSign:
		'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
	signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
	querySignature: 'e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d'
};

describe('sigv4-debugger sign: built-in known values (always run)', () => {
	it("get-vanilla from standard input: AWS's canonical request, string to sign and signature, the key chain, and never the secret", async () => {
		const run = await runBin(cli.bin, ['sign', '-', ...SCOPE], { stdin: GET_VANILLA.request, env: SUITE_KEYS });
		expect(run).toMatchObject({ code: 0, stderr: '' });
		expect(run.stdout).toContain(`Canonical request\n-----------------\n${GET_VANILLA.canonicalRequest}\n`);
		expect(run.stdout).toContain(`String to sign\n--------------\n${GET_VANILLA.stringToSign}\n`);
		expect(run.stdout).toContain(`Signature\n---------\n${GET_VANILLA.signature}\n`);
		expect(run.stdout).toMatch(
			/Signing key\n-+\nHMAC\("AWS4" \+ secret, "20150830"\) → kDate = [0-9a-f]{64}\n(?:.*\n){2}HMAC\(kService, "aws4_request"\) → kSigning = [0-9a-f]{64}\n/
		);
		expect(run.stdout).toContain(
			`Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${GET_VANILLA.signature}`
		);
		expect(run.stdout).toContain('curl --globoff');
		expect(run.stdout + run.stderr).not.toContain(SUITE_KEYS.AWS_SECRET_ACCESS_KEY);
	});

	it("presign get-vanilla with --json: the presigned URL carries AWS's query signature", async () => {
		const run = await runBin(cli.bin, ['presign', '-', ...SCOPE, '--json'], { stdin: GET_VANILLA.request, env: SUITE_KEYS });
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out.stages.signature).toBe(GET_VANILLA.querySignature);
		expect(out.stages.presignedUrl).toMatch(/^https:\/\/example\.amazonaws\.com\/\?X-Amz-Algorithm=AWS4-HMAC-SHA256&.*X-Amz-Expires=3600/);
		expect(out.stages.presignedUrl).toContain(`X-Amz-Signature=${GET_VANILLA.querySignature}`);
		expect(out.scope).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', credentialScope: '20150830/us-east-1/service/aws4_request' });
		expect(run.stdout).not.toContain(SUITE_KEYS.AWS_SECRET_ACCESS_KEY);
	});

	it("from flags alone: the S3 API Reference's GET Object and presigned GET, scope read from the host", async () => {
		const common = ['--url', 'https://examplebucket.s3.amazonaws.com/test.txt', '--datetime', '20130524T000000Z', '--json'];
		const [get, presigned] = await Promise.all([
			runBin(cli.bin, ['sign', ...common, '--header', 'Range: bytes=0-9'], { env: S3_DOC_KEYS }),
			runBin(cli.bin, ['presign', ...common, '--expires', '86400'], { env: S3_DOC_KEYS })
		]);
		expect(JSON.parse(get.stdout).stages.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
		expect(JSON.parse(get.stdout).notes).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^Service s3: from the host/),
				expect.stringMatching(/^Region us-east-1: from the host/)
			])
		);
		expect(JSON.parse(presigned.stdout).stages.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
	});

	it('a session token is signed, and printed as its placeholder only', async () => {
		const token = 'IQoJb3JpZ2luX2VjEXAMPLE-session-token-value-000000000000000000';
		const run = await runBin(cli.bin, ['sign', '-', ...SCOPE], {
			stdin: GET_VANILLA.request,
			env: { ...SUITE_KEYS, AWS_SESSION_TOKEN: token }
		});
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('x-amz-security-token:SESSION-TOKEN-LEFT-OUT');
		expect(run.stdout).toContain('X-Amz-Security-Token: SESSION-TOKEN-LEFT-OUT');
		expect(run.stdout).not.toContain(token);
		expect(run.stdout).not.toContain(`Signature=${GET_VANILLA.signature}`);
	});

	it('--help for sign and presign', async () => {
		const [sign, presign] = await Promise.all([runBin(cli.bin, ['sign', '--help']), runBin(cli.bin, ['presign', '-h'])]);
		expect(sign).toMatchObject({ code: 0, stderr: '' });
		expect(sign.stdout).toContain('Usage: sigv4-debugger sign <file|-> [options]');
		expect(presign.stdout).toContain('--expires N');
	});
});

describe('sigv4-debugger sign: what is missing is said, with exit code 2', () => {
	it('no keys, no region, no service, no request, a bad --datetime, a header without a colon', async () => {
		const runs = await Promise.all([
			runBin(cli.bin, ['sign', '-', ...SCOPE], { stdin: GET_VANILLA.request }),
			runBin(cli.bin, ['sign', '--url', 'https://example.com/a', '--service', 'execute-api'], { env: SUITE_KEYS }),
			runBin(cli.bin, ['sign', '--url', 'https://example.com/a', '--region', 'eu-west-1'], { env: SUITE_KEYS }),
			runBin(cli.bin, ['presign'], { env: SUITE_KEYS }),
			runBin(cli.bin, ['sign', '-', ...SCOPE, '--datetime', '2015-08-30'], { stdin: GET_VANILLA.request, env: SUITE_KEYS }),
			runBin(cli.bin, ['sign', '--url', 'https://example.com/', '--header', 'Range'], { env: SUITE_KEYS })
		]);
		for (const run of runs) expect(run).toMatchObject({ code: 2, stdout: '' });
		const [keys, region, service, request, datetime, header] = runs.map((r) => r.stderr);
		expect(keys).toBe(
			'sigv4-debugger sign: No access key ID and no secret access key to sign with.\n  Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (or pass --access-key-id and --secret-access-key); add AWS_SESSION_TOKEN for temporary credentials.\n'
		);
		expect(region).toContain(
			'The region is not given, and example.com does not name one.\n  Pass --region, e.g. --region us-east-1 (or set AWS_REGION).'
		);
		expect(service).toContain('The service is not given, and example.com is not an AWS endpoint that names it.');
		expect(request).toContain('No request to sign.');
		expect(datetime).toContain('--datetime "2015-08-30" is not a SigV4 time.');
		expect(header).toContain('--header "Range" has no "Name:" before its value.');
	});

	it('evidence without the request (a string to sign) is no request to sign', async () => {
		const run = await runBin(cli.bin, ['sign', '-', ...SCOPE], { stdin: `${GET_VANILLA.stringToSign}\n`, env: SUITE_KEYS });
		expect(run).toMatchObject({ code: 2, stdout: '' });
		expect(run.stderr).toContain('The input is a string to sign, which does not give the request to sign.');
	});

	it('AWS_REGION gives a region the host does not', async () => {
		const run = await runBin(cli.bin, ['sign', '--url', 'https://example.com/a', '--service', 'execute-api'], {
			env: { ...SUITE_KEYS, AWS_REGION: 'eu-west-1' }
		});
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Region eu-west-1: from AWS_REGION.');
		expect(run.stdout).toMatch(/\/eu-west-1\/execute-api\/aws4_request/);
	});
});

describe('sigv4-debugger: secrets in the input are never printed', () => {
	const secret = 'Zs7cT9q2LmN4vB8xW1yR6uE3oP5aK0dJ/HfGqS2t';
	const token = 'IQoJb3JpZ2luX2VjEXAMPLEpastedTOKENvalue1234567890abcdefABCDEF';
	const curl = `curl --aws-sigv4 "aws:amz:eu-west-1:s3" --user "AKIAEXAMPLEUSERKEY01:${secret}" -H "x-amz-security-token: ${token}" https://mybucket.s3.eu-west-1.amazonaws.com/a.txt\n`;

	it('not by the check (text, --stages, --json), nor by sign, nor in an error', async () => {
		const file = join(cli.dir, 'with-secrets.sh');
		writeFileSync(file, curl);
		const runs = await Promise.all([
			runBin(cli.bin, [file, '--stages']),
			runBin(cli.bin, [file, '--json']),
			runBin(cli.bin, ['sign', file], { env: { AWS_SECRET_ACCESS_KEY: secret } }),
			runBin(cli.bin, ['presign', file, '--json'], { env: { AWS_SECRET_ACCESS_KEY: secret } }),
			runBin(cli.bin, ['sign', file, '--header', `x-amz-security-token=${token}`])
		]);
		expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 2]);
		expect(runs[0]!.stdout).toContain('x-amz-security-token:SESSION-TOKEN-LEFT-OUT');
		expect(runs[2]!.stdout).toContain('Keys: AKIAEXAMPLEUSERKEY01; secret: AWS_SECRET_ACCESS_KEY.');
		for (const run of runs) {
			expect(run.stdout + run.stderr).not.toContain(secret);
			expect(run.stdout + run.stderr).not.toContain(token);
			expect(run.stdout + run.stderr).not.toContain(encodeURIComponent(secret));
		}
	});
});

describe('sigv4-debugger sign and presign on the AWS suite (../shared/vectors)', () => {
	const CASES = [
		'get-vanilla',
		'get-header-value-trim',
		'get-utf8',
		'get-vanilla-query-order-key-case',
		'post-header-key-sort',
		'post-vanilla-empty-query-value'
	];
	if (!hasVectors) it('AWS suite', ({ skip }) => skip(skipNotice('CLI on the AWS suite')));
	else
		it('every stage equals the suite byte for byte, in both modes', async () => {
			const dir = ['aws-signing-test-suite', 'v4'];
			const runs = await Promise.all(
				CASES.flatMap((name) =>
					(['header', 'query'] as const).map(async (mode) => {
						const run = await runBin(cli.bin, [mode === 'header' ? 'sign' : 'presign', '-', ...SCOPE, '--json'], {
							stdin: read(...dir, name, 'request.txt'),
							env: SUITE_KEYS
						});
						return { name, mode, run };
					})
				)
			);
			for (const { name, mode, run } of runs) {
				expect(run.code, `${name} ${mode}: ${run.stderr}`).toBe(0);
				const { stages } = JSON.parse(run.stdout);
				const want = (stage: string) => read(...dir, name, `${mode}-${stage}.txt`);
				expect(stages.canonicalRequest, `${name} ${mode}`).toBe(want('canonical-request'));
				expect(stages.stringToSign, `${name} ${mode}`).toBe(want('string-to-sign'));
				expect(stages.signature, `${name} ${mode}`).toBe(want('signature'));
			}
		});
});

describe('the CLI stands apart from the page', () => {
	it('the bundle runs from a folder with no node_modules (npm pack ships it alone)', async () => {
		const alone = mkdtempSync(join(tmpdir(), 'sigv4-cli-alone-'));
		try {
			copyFileSync(cli.bin, join(alone, 'sigv4-debugger.mjs'));
			const run = await runBin(join(alone, 'sigv4-debugger.mjs'), ['sign', '-', ...SCOPE], {
				stdin: GET_VANILLA.request,
				env: SUITE_KEYS,
				cwd: alone
			});
			expect(run.stdout).toContain(GET_VANILLA.signature);
		} finally {
			rmSync(alone, { recursive: true, force: true });
		}
	});

	it('nothing outside src/lib/cli imports it, so the page bundle never holds it', () => {
		const importers = [...importGraph('src')].filter(
			([from, to]) => !from.startsWith('src/lib/cli/') && to.some((t) => t.startsWith('src/lib/cli/'))
		);
		expect(importers).toEqual([]);
	});
});
