// The curl export, sent to a local server (plain HTTP, redirected with curl's connect-to): curl sends
// the case's request, and its signature, made with the current time, is the one the core computes
// for what arrived.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlTarget, LANGUAGE_INFO, signerSpec } from '../../../src/lib/export/index.ts';
import { signRequest, type Header } from '../../../src/lib/sigv4/index.ts';
import { envOf, randomCases, suiteCases, type ProgramCase } from './program-cases.ts';

interface Received {
	method: string;
	target: string;
	headers: Header[];
	body: string;
}

let server: Server;
let home: string;
const received: Received[] = [];

beforeAll(async () => {
	if (spawnSync('sh', ['-c', 'command -v curl']).status !== 0) throw new Error('curl not found: install with  apt-get install -y curl');
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const headers: Header[] = [];
			// Node reads header bytes as Latin-1; they were sent as UTF-8.
			const utf8 = (text: string) => Buffer.from(text, 'latin1').toString('utf8');
			for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, utf8(req.rawHeaders[i + 1]!)]);
			received.push({ method: req.method!, target: req.url!, headers, body: Buffer.concat(chunks).toString('utf8') });
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	home = mkdtempSync(join(tmpdir(), 'export-curl-'));
	// Every host and port goes to the local server; nothing leaves the machine.
	writeFileSync(join(home, '.curlrc'), `connect-to = "::127.0.0.1:${port}"\n`);
});

afterAll(() => {
	server?.close();
	if (home) rmSync(home, { recursive: true, force: true });
});

function send(script: string, c: ProgramCase): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('sh', ['-c', script], { env: { ...process.env, ...envOf(c), HOME: home } });
		let err = '';
		child.stderr.on('data', (b: Buffer) => (err += b.toString()));
		child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`curl exited ${code}: ${err}`))));
	});
}

const header = (r: Received, name: string) => r.headers.find(([n]) => n.toLowerCase() === name)?.[1];
/** Each header name's values joined with ",", as a server reads them. */
const valuesOf = (headers: Header[], skip: string[]) => {
	const out = new Map<string, string[]>();
	for (const [n, v] of headers) {
		if (skip.includes(n.toLowerCase())) continue;
		out.set(n.toLowerCase(), [...(out.get(n.toLowerCase()) ?? []), v.replace(/[ \t\r\n]+/g, ' ').trim()]);
	}
	return new Map([...out].map(([n, v]) => [n, v.join(',')]));
};

const cases = [...suiteCases().filter((c) => c.mode === 'header'), ...randomCases()];

describe('curl --aws-sigv4 export, sent to a local server', () => {
	for (const c of cases) {
		it(c.name, async () => {
			const spec = signerSpec(c.request, c.params, c.mode);
			const { target, warning } = curlTarget(spec);
			if (warning) {
				// A path the service encodes twice: curl cannot sign it, and the script says so.
				expect(LANGUAGE_INFO.curl.generate(spec)).toContain(`# Careful: ${warning}`);
				return;
			}
			// Plain HTTP to the local server: the scheme is signed nowhere.
			const script = LANGUAGE_INFO.curl.generate({ ...spec, endpoint: spec.endpoint.replace(/^(https|wss|ws)/i, 'http') });
			expect(script).not.toContain(c.params.credentials.secretAccessKey);
			const before = received.length;
			await send(script, c);
			const r = received[before]!;
			expect(r.method).toBe(spec.method);
			expect(r.target).toBe(target);
			expect(r.body).toBe(spec.body);
			const sent = valuesOf(r.headers, []);
			for (const [name, values] of valuesOf(spec.headers, ['host'])) expect(sent.get(name)).toEqual(values);
			const auth = /Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})/.exec(
				header(r, 'authorization') ?? ''
			);
			expect(auth, header(r, 'authorization')).not.toBeNull();
			const trace = await signRequest(
				{ method: r.method, url: `http://${header(r, 'host')}${r.target}`, headers: r.headers, body: r.body },
				{
					...c.params,
					signSessionToken: true,
					datetime: header(r, 'x-amz-date')!,
					signedHeaders: auth![4]!.split(';'),
					contentSha256Header: false
				}
			);
			expect(auth![5]).toBe(trace.signature);
		});
	}
});
