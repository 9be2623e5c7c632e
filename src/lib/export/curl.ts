import {
	HOST_HEADER,
	canonicalPath,
	canonicalQueryComponent,
	canonicalQueryString,
	normalizePathSegments,
	shellQuote,
	splitQuery
} from '../sigv4/index.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

/**
 * The URL curl should send: curl (7.88) signs the path and query as it sends them, where AWS signs
 * their canonical form. The same request written in canonical form (query sorted and encoded, an
 * S3 key encoded once, a path normalized where the service normalizes) signs right. A path that
 * a service encodes twice cannot be written so: `warning` says so.
 */
export function curlTarget(spec: SignerSpec): { target: string; warning?: string } {
	const pairs = splitQuery(spec.query).map((p) => [canonicalQueryComponent(p.key), canonicalQueryComponent(p.value)] as [string, string]);
	const query = canonicalQueryString(pairs);
	let path = spec.path || '/';
	if (spec.normalizePath) path = normalizePathSegments(path);
	if (!spec.uriEscapePath) path = canonicalPath(path, { uriEscapePath: false, normalizePath: false }).value;
	const target = `${path}${query === '' ? '' : `?${query}`}`;
	if (!spec.uriEscapePath || /^[A-Za-z0-9\-_.~/]*$/.test(path)) return { target };
	return {
		target,
		warning: `curl signs the path as it sends it, and ${spec.service} signs it encoded once more: for this path AWS will not accept curl's signature. Use one of the programs.`
	};
}

/**
 * The request as a `curl --aws-sigv4` command: curl's own signer (curl 7.75+), with the current
 * time. It signs the headers given with -H, Host and X-Amz-Date, and uses an X-Amz-Content-Sha256
 * header's value as the payload hash, so S3's header (and UNSIGNED-PAYLOAD) are given explicitly.
 */
export function curlSigner(spec: SignerSpec): string {
	const n = notes(spec);
	const lines = [
		`curl --globoff --path-as-is --aws-sigv4 ${shellQuote(`aws:amz:${spec.region}:${spec.service}`)}`,
		'--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"',
		'${AWS_SESSION_TOKEN:+--header "X-Amz-Security-Token: $AWS_SESSION_TOKEN"}'
	];
	if (spec.method !== 'GET' || spec.body !== '') lines.push(`--request ${shellQuote(spec.method)}`);
	const host = spec.endpoint.replace(/^[a-z]+:\/\//i, '').replace(/:(80|443)$/, '');
	// curl signs a repeated header as two lines; AWS joins the values with ",": sent joined, they agree.
	const merged = new Map<string, [string, string[]]>();
	for (const [name, value] of spec.headers) {
		const entry = merged.get(name.toLowerCase()) ?? [name, []];
		entry[1].push(value.replace(/[ \t\r\n]+/g, ' ').trim());
		merged.set(name.toLowerCase(), entry);
	}
	for (const [name, values] of merged.values()) {
		const flat = values.join(',');
		if (name.toLowerCase() === HOST_HEADER && flat === host) continue;
		// "Name:" with nothing after it would tell curl to drop the header; "Name;" sends it empty.
		lines.push(`--header ${shellQuote(flat === '' ? `${name};` : `${name}: ${flat}`)}`);
	}
	const hash =
		spec.payloadHash ?? (spec.contentSha256Header ? `$(printf '%s' ${shellQuote(spec.body)} | sha256sum | cut -c1-64)` : undefined);
	if (hash !== undefined) lines.push(`--header "X-Amz-Content-Sha256: ${hash}"`);
	if (spec.body !== '') lines.push(`--data-binary ${shellQuote(spec.body)}`);
	const { target, warning } = curlTarget(spec);
	lines.push(shellQuote(`${spec.endpoint}${target}`));

	let more = '';
	if (target !== `${spec.path}${spec.query === '' ? '' : `?${spec.query}`}`)
		more += "\n# The URL is written in SigV4's canonical form (the same request): curl signs it as it sends it.";
	if (warning) more += `\n# Careful: ${warning}`;
	if (spec.mode === 'query') more += '\n# curl cannot presign a URL: this sends the same request signed with an Authorization header.';
	return `#!/bin/sh
# ${n.title}
# Signs and sends this request with curl's own SigV4 signer (curl 7.75 or later), with the current
# time: its stages differ from the page's in the date only (add -v to see the headers it sends).
# The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).${more}
# Run: sh sign.sh
${lines.join(' \\\n  ')}
`;
}
