// Helpers for the real-server tests: which peer, how to sign with our core and send with fetch.
import { readFileSync } from 'node:fs';
import { presignUrl, signRequest, type Header, type SigningParams, type SigningTrace } from '../../src/lib/sigv4/index.ts';

export interface Peer {
	name: 'ceph-rgw' | 'swift-s3api';
	endpoint: string;
	accessKeyId: string;
	secretAccessKey: string;
	region: string;
	/** The radosgw log (debug_rgw=20), Ceph only. */
	log?: string;
}

const RUN_DIRS = {
	'ceph-rgw': process.env.CEPH_RUN ?? '/tmp/sigv4-debugger-ceph',
	'swift-s3api': process.env.SWIFT_RUN ?? '/tmp/sigv4-debugger-swift'
};
const START_SCRIPTS = { 'ceph-rgw': 'scripts/server/start-ceph-rgw.sh', 'swift-s3api': 'scripts/server/start-swift-s3api.sh' };

/** The peer's endpoint and credentials, from the env file its start script wrote. */
export function loadPeer(name: Peer['name']): Peer {
	const file = `${RUN_DIRS[name]}/env`;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw new Error(`${name} is not running (no ${file}): use npm run test:server, or start it with ${START_SCRIPTS[name]}`);
	}
	const env = Object.fromEntries(text.split('\n').flatMap((line) => (line.includes('=') ? [line.split(/=(.*)/s).slice(0, 2)] : [])));
	const endpoint = env.S3_ENDPOINT ?? '';
	if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint)) throw new Error(`refusing a non-loopback endpoint: ${endpoint}`);
	return {
		name,
		endpoint,
		accessKeyId: env.S3_ACCESS_KEY ?? '',
		secretAccessKey: env.S3_SECRET_KEY ?? '',
		region: env.S3_REGION ?? 'us-east-1',
		...(env.S3_LOG ? { log: env.S3_LOG } : {})
	};
}

/** YYYYMMDDTHHMMSSZ for now (plus an offset in ms). */
export function amzDate(offsetMs = 0): string {
	return new Date(Date.now() + offsetMs)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A key as an SDK puts it on the wire: each segment percent-encoded with AWS's rules (UTF-8, only A-Z a-z 0-9 - _ . ~ kept). */
export function wirePath(bucket: string, key?: string): string {
	const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
	return '/' + encode(bucket) + (key === undefined ? '' : '/' + key.split('/').map(encode).join('/'));
}

export interface SignOptions {
	method: string;
	/** Path and query as on the wire, e.g. wirePath(bucket, key). */
	path: string;
	headers?: Header[];
	body?: string | Uint8Array;
	payloadHash?: string;
	secret?: string;
	datetime?: string;
	expiresIn?: number;
}

export function paramsFor(peer: Peer, o: Pick<SignOptions, 'payloadHash' | 'secret' | 'datetime' | 'expiresIn'> = {}): SigningParams {
	return {
		credentials: { accessKeyId: peer.accessKeyId, secretAccessKey: o.secret ?? peer.secretAccessKey },
		region: peer.region,
		service: 's3',
		datetime: o.datetime ?? amzDate(),
		...(o.payloadHash !== undefined ? { payloadHash: o.payloadHash } : {}),
		...(o.expiresIn !== undefined ? { expiresIn: o.expiresIn } : {})
	};
}

export function sign(peer: Peer, o: SignOptions): Promise<SigningTrace> {
	const req = {
		method: o.method,
		url: peer.endpoint + o.path,
		headers: o.headers ?? [],
		...(o.body !== undefined ? { body: o.body } : {})
	};
	return signRequest(req, paramsFor(peer, o));
}

export function presign(peer: Peer, o: SignOptions): Promise<SigningTrace> {
	const req = { method: o.method, url: peer.endpoint + o.path, headers: o.headers ?? [] };
	return presignUrl(req, paramsFor(peer, o));
}

export interface Reply {
	status: number;
	headers: Headers;
	body: string;
	/** The S3 error code, when the body is an S3 error. */
	code?: string;
}

/**
 * Sends the request our core says to send. fetch sets Host from the URL (it may not be given),
 * and adds a few unsigned headers of its own (accept, user-agent, accept-encoding…).
 */
export async function send(request: SigningTrace['request'], extra: Header[] = []): Promise<Reply> {
	const headers = [...request.headers, ...extra].filter(([name]) => name.toLowerCase() !== 'host');
	const res = await fetch(request.url, {
		method: request.method,
		headers,
		...(request.body !== undefined ? { body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body) } : {}),
		signal: AbortSignal.timeout(20_000)
	});
	const body = await res.text();
	const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
	return { status: res.status, headers: res.headers, body, ...(code !== undefined ? { code } : {}) };
}

/** Replaces (or adds) one header of a request, as a proxy or a late line of code would. */
export function withHeader(headers: Header[], name: string, value: string): Header[] {
	const rest = headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
	return [...rest, [name, value]];
}

/** A bucket name unique to this run. */
export function bucketName(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** radosgw's own canonical request and string to sign for one request (debug_rgw >= 15), by the RequestId of its error body. */
export async function rgwLogStages(peer: Peer, requestId: string): Promise<{ canonicalRequest?: string; stringToSign?: string }> {
	if (!peer.log) return {};
	const deadline = Date.now() + 5_000;
	for (;;) {
		const log = readFileSync(peer.log, 'utf8');
		const req = new RegExp(`req (\\d+) [^\\n]*trans_id = ${requestId}`).exec(log)?.[1];
		const block = (label: string) => {
			let value: string | undefined;
			const re = new RegExp(`req ${req} [^\\n]*? ${label} = ([\\s\\S]*?)\\n(?=\\d{4}-\\d\\d-\\d\\dT)`, 'g');
			for (const m of log.matchAll(re)) value = m[1];
			return value;
		};
		if (req !== undefined) {
			const canonicalRequest = block('canonical request');
			const stringToSign = block('string to sign');
			if (canonicalRequest !== undefined && stringToSign !== undefined) return { canonicalRequest, stringToSign };
		}
		if (Date.now() > deadline) return {};
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
