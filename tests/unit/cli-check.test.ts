// `sigv4-debugger <file|->` run as a user runs it (the bundle, a child process): the page's verdict
// and findings for a paste, in text and in JSON, from a file or standard input, and its exit codes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runBin, type CliRun } from '../helpers/cli.ts';
import { seed000, seed002 } from '../helpers/seeds.ts';
import { S3_SIGNATURE_MISMATCH } from './parse-samples.ts';

let cli: Awaited<ReturnType<typeof bundleCli>>;
beforeAll(async () => {
	cli = await bundleCli();
}, 60_000);
afterAll(() => cli?.dispose());

/** Writes `text` to a file in the bundle's folder and runs the CLI on it. */
function check(name: string, text: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliRun> {
	const file = join(cli.dir, name);
	writeFileSync(file, text);
	return runBin(cli.bin, [file, ...args], { env });
}

/** AWS's documented S3 example, GET Object with Range, as its signer sent it: a correct request. */
const S3_DOC_GET = [
	'GET /test.txt HTTP/1.1',
	'Host: examplebucket.s3.amazonaws.com',
	'Range: bytes=0-9',
	'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
	'x-amz-date: 20130524T000000Z',
	'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
	''
].join('\n');

describe('sigv4-debugger <file>', () => {
	// Seed 000: a presigned PUT that signs only host while the browser sends SSE-C headers, and S3's AccessDenied.
	const seed = seed000();
	const seedPaste = `${seed.curl}\n\n${seed.serverError}\n`;
	const sseKey = Buffer.alloc(32, 7).toString('base64');

	it("names seed 000's cause with its fix, exits 1, and prints the SSE-C key in the stages as its placeholder", async () => {
		const run = await check('seed-000.txt', seedPaste, ['--stages']);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe('');
		expect(run.stdout).toContain('Read: a curl command');
		expect(run.stdout).toMatch(/^Verdict: Cause found — .*the server's message says so\. \[x-amz-header-not-signed\]$/m);
		expect(run.stdout).toMatch(/error {3}x-amz-header-not-signed \(request, line \d+, the server says so\)/);
		expect(run.stdout).toContain('Fix: Add x-amz-server-side-encryption-customer-key to SignedHeaders');
		// The correct signed request sends the SSE-C headers the user's signer signed.
		expect(run.stdout).toContain('x-amz-server-side-encryption-customer-key: SSE-C-KEY-LEFT-OUT');
		expect(run.stdout).not.toContain(sseKey);
	});

	it('--json: the verdict, every finding with code, message and fix, the stages and the exit code, as one object', async () => {
		const run = await check('seed-000.json.txt', seedPaste, ['--json', '--forensics', 'off']);
		expect(run.code).toBe(1);
		const out = JSON.parse(run.stdout);
		expect(out.verdict).toMatchObject({ kind: 'cause', code: 'x-amz-header-not-signed', basis: 'server' });
		expect(out.findings.length).toBeGreaterThan(0);
		for (const f of out.findings) {
			expect(f).toMatchObject({
				code: expect.any(String),
				severity: expect.any(String),
				message: expect.any(String),
				fix: expect.any(String)
			});
		}
		expect(out.findings.map((f: { code: string }) => f.code)).toContain('x-amz-header-not-signed');
		expect(Object.keys(out.stages)).toEqual([
			'canonicalRequest',
			'stringToSign',
			'signingKey',
			'signature',
			'signedRequest',
			'curl',
			'presignedUrl'
		]);
		expect(out.stages.canonicalRequest).toMatch(/^PUT\n\/uploads\/report\.pdf\n/);
		expect(out.input).toMatchObject({ kind: 'curl', format: 'a curl command' });
		expect(out.exitCode).toBe(1);
		expect(run.stdout).not.toContain(sseKey);
	});

	it('reads standard input for "-": seed 002, a 12-hour clock and a base64 hash that SNS refused', async () => {
		const { stringToSign, serverError } = seed002();
		const run = await runBin(cli.bin, ['-', '--json'], { stdin: `${stringToSign}\n\n${serverError}\n` });
		expect(run.code).toBe(1);
		const out = JSON.parse(run.stdout);
		expect(out.verdict).toMatchObject({ kind: 'cause', code: 'timestamp-12-hour-clock' });
		expect(out.findings.map((f: { code: string }) => f.code)).toEqual(
			expect.arrayContaining(['timestamp-12-hour-clock', 'hash-base64-not-hex'])
		);
		const text = await runBin(cli.bin, ['-'], { stdin: `${stringToSign}\n\n${serverError}\n` });
		expect(text.stdout).toContain('Read: a string to sign (standard input).');
	});

	it("reads an S3 error body alone: the server's stages match, so the secret key is blamed once forensics found nothing", async () => {
		const run = await check('error.xml', S3_SIGNATURE_MISMATCH);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('Read: an S3 error response');
		expect(run.stdout).toMatch(/^Verdict: Likely cause — .* \[wrong-secret-key\]$/m);
		// Without forensics the page does not blame the key yet, and neither does the CLI.
		const off = await check('error-off.xml', S3_SIGNATURE_MISMATCH, ['--forensics', 'off']);
		expect(off.stdout).toMatch(/^Verdict: Undecided — .*run the forensics/m);
	});

	it("exits 0 on AWS's documented S3 GET Object request, and --stages prints the correct stages", async () => {
		const run = await check('correct.txt', S3_DOC_GET, ['--stages']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Verdict: Correct — Your signature is correct for this request.');
		expect(run.stdout).toContain('Findings: none.');
		expect(run.stdout).toContain('Signature\n---------\nf0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41\n');
		// One byte of the request changed: the same signature is now wrong.
		const changed = await check('changed.txt', S3_DOC_GET.replace('bytes=0-9', 'bytes=0-10'), ['--forensics', 'off']);
		expect(changed.code).toBe(1);
		expect(changed.stdout).toContain('signature-mismatch');
	});

	it('uses a secret from the environment only for the key that signed the input', async () => {
		const paste = S3_DOC_GET.replace(/AKIAIOSFODNN7EXAMPLE/g, 'AKIAOTHERKEY00000001');
		const env = { AWS_ACCESS_KEY_ID: 'AKIASHELLKEY00000001', AWS_SECRET_ACCESS_KEY: 'shell-secret-that-must-not-be-used-0000' };
		const other = await check('other-key.txt', paste, ['--json'], env);
		const out = JSON.parse(other.stdout);
		expect(out.secretAccessKey).toMatch(/^not given/);
		expect(out.note).toContain('AWS_ACCESS_KEY_ID names AKIASHELLKEY00000001, but the input was signed with AKIAOTHERKEY00000001');
		const same = await check('same-key.txt', paste, ['--json'], { ...env, AWS_ACCESS_KEY_ID: 'AKIAOTHERKEY00000001' });
		expect(JSON.parse(same.stdout).secretAccessKey).toBe('AWS_SECRET_ACCESS_KEY');
		// A flag is the user's explicit choice: used whatever the shell's key ID.
		const flag = await check('flag-key.txt', paste, ['--json', '--secret-access-key', env.AWS_SECRET_ACCESS_KEY], env);
		expect(JSON.parse(flag.stdout).secretAccessKey).toBe('--secret-access-key');
		expect(same.stdout + other.stdout + flag.stdout).not.toContain(env.AWS_SECRET_ACCESS_KEY);
	});
});

describe('sigv4-debugger: unusable input or command line exits 2 and says what to do', () => {
	it('text that is no known format', async () => {
		const run = await check('notes.txt', 'my request does not work, please help\n');
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('This text is not a format the debugger knows.');
		expect(run.stderr).toContain('Paste one of: a raw HTTP request');
	});

	it('a missing file, an empty paste, no input, an unknown option, two inputs, a bad depth', async () => {
		const [missing, empty, none, unknown, two, depth] = await Promise.all([
			runBin(cli.bin, [join(cli.dir, 'no-such-file.txt')]),
			runBin(cli.bin, ['-'], { stdin: '  \n' }),
			runBin(cli.bin, []),
			runBin(cli.bin, ['-', '--verbose']),
			runBin(cli.bin, ['a.txt', 'b.txt']),
			runBin(cli.bin, ['-', '--forensics', 'all'], { stdin: S3_DOC_GET })
		]);
		for (const run of [missing, empty, none, unknown, two, depth]) expect(run).toMatchObject({ code: 2, stdout: '' });
		expect(missing.stderr).toMatch(/Cannot read .*no-such-file\.txt: there is no such file\.\n {2}Give the path of a file/);
		expect(empty.stderr).toContain('The paste box is empty');
		expect(none.stderr).toContain('No input given.');
		expect(unknown.stderr).toContain("Unknown option '--verbose'.");
		expect(unknown.stderr).toContain('Run "sigv4-debugger --help" for the options.');
		expect(two.stderr).toContain('One input at a time: got 2');
		expect(depth.stderr).toContain('Use --forensics off, single or pairs.');
	});

	it('a request the reader cannot read: its line, its message and its fix, never the example standing in', async () => {
		const run = await runBin(cli.bin, ['-'], { stdin: 'GET /photo.jpg HTTP/1.1\n' });
		expect(run).toMatchObject({ code: 2, stdout: '' });
		expect(run.stderr).toBe(
			'sigv4-debugger: Line 1, column 5 of an HTTP request: The request line has a path but there is no Host header, so the URL is unknown.\n  Add a "Host: example.amazonaws.com" header, or write the full URL in the request line.\n'
		);
	});

	it('--json puts the problem on stdout too, as an object', async () => {
		const run = await check('notes.json.txt', 'hello\n', ['--json']);
		expect(run.code).toBe(2);
		expect(JSON.parse(run.stdout)).toMatchObject({ error: { message: expect.stringContaining('not a format') }, exitCode: 2 });
	});

	it('--help prints the usage and exits 0', async () => {
		const run = await runBin(cli.bin, ['--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Usage: sigv4-debugger <file|-> [options]');
		expect(run.stdout).toContain('Exit code: 0 no mistake found, 1 a mistake found');
	});
});
