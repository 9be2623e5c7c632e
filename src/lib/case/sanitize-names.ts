import type { Case } from './case.ts';

const EXAMPLE_BUCKET = 'examplebucket';
const EXAMPLE_HOST = 'example.com';
/** A virtual-hosted S3 address: the bucket, then the S3 endpoint (which names no one). */
const VIRTUAL_HOSTED = /^(.+?)\.(s3[.-](?:[a-z0-9-]+\.)*amazonaws\.com(?:\.cn)?)$/i;
const S3_ENDPOINT = /^s3[.-](?:[a-z0-9-]+\.)*amazonaws\.com(?:\.cn)?$/i;
/** AWS's own endpoints name a service and a region, not a customer: they stay. */
const AWS_ENDPOINT = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|on\.aws)$/i;
/** An AWS address whose first label is the customer's resource (an API, a function URL). */
const AWS_RESOURCE = /^[a-z0-9]+\.(?:execute-api|lambda-url)\./i;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The request's host (without its port) and path, from its Host header or its absolute URL. */
function target(c: Case): { host: string; path: string } | undefined {
	const [line = '', ...rest] = c.requestText.split('\n');
	const url = /^\S+\s+(https?:\/\/([^/\s]+))?(\/\S*)?/i.exec(line.trim());
	const header = rest.map((l) => /^host:\s*(\S+)/i.exec(l.trim())?.[1]).find((h) => h !== undefined);
	const host = (header ?? url?.[2] ?? '').replace(/:\d+$/, '');
	return host === '' ? undefined : { host, path: url?.[3] ?? '/' };
}

/**
 * The bucket and host names of the case's request and the example names to put in their place:
 * the bucket of a virtual-hosted or path-style S3 request, and a host that is not AWS's own endpoint.
 */
export function sanitizedNames(c: Case): { what: 'bucket' | 'host'; from: string; to: string }[] {
	const t = target(c);
	if (!t) return [];
	const out: { what: 'bucket' | 'host'; from: string; to: string }[] = [];
	const bucket = (name: string | undefined) => {
		if (name && BUCKET.test(name) && name !== EXAMPLE_BUCKET) out.push({ what: 'bucket', from: name, to: EXAMPLE_BUCKET });
	};
	const virtual = VIRTUAL_HOSTED.exec(t.host);
	if (virtual) bucket(virtual[1]);
	else if (AWS_RESOURCE.test(t.host)) out.push({ what: 'host', from: t.host.split('.')[0]!, to: 'example' });
	else {
		if (!AWS_ENDPOINT.test(t.host) && t.host !== EXAMPLE_HOST) out.push({ what: 'host', from: t.host, to: EXAMPLE_HOST });
		if (S3_ENDPOINT.test(t.host) || (!AWS_ENDPOINT.test(t.host) && c.service === 's3')) bucket(t.path.split('/')[1]?.split('?')[0]);
	}
	return out;
}
