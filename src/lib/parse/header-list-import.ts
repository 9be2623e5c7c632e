import type { HttpRequest } from '../sigv4/index.ts';
import { authorizationValueIn, stripTrailing } from './authorization-header.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { stripCr } from './text-position.ts';

/**
 * "Authorization: AWS4-HMAC-SHA256 …" alone, its bare value, or a block of "Name: value" header
 * lines around it (X-Amz-Date and the session token are read too). A block with HTTP/2
 * pseudo-headers (:method, :path, :authority — what DevTools shows for HTTP/2) is a whole request.
 */
export function importHeaderList(b: ImportBuilder, lines: string[]): boolean {
	const content = lines.map(stripCr).filter((l) => l.trim() !== '');
	const headerLike = content.every((l) => /^\s*["']?:?[\w-]+["']?\s*:/.test(l) || authorizationValueIn(l) !== undefined);
	if (!headerLike) return false;
	const all = content.map((l): [string, string] => {
		const a = authorizationValueIn(l);
		if (a && !/^\s*["']?authorization/i.test(l)) return ['Authorization', a.value];
		const colon = l.indexOf(':', l.trimStart().startsWith(':') ? l.indexOf(':') + 1 : 0);
		const name = l
			.slice(0, colon)
			.trim()
			.replace(/^["']|["']$/g, '');
		return [
			name,
			stripTrailing(
				l
					.slice(colon + 1)
					.trim()
					.replace(/^["']/, '')
			)
		];
	});
	const pseudo = (n: string): string | undefined => all.find(([name]) => name.toLowerCase() === n)?.[1];
	const headers = all.filter(([n]) => !n.startsWith(':'));
	const method = pseudo(':method');
	const path = pseudo(':path');
	const authority = pseudo(':authority') ?? headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
	if (method && path && authority) {
		b.kind = 'raw-http';
		const request: HttpRequest = { method: method.toUpperCase(), url: `${pseudo(':scheme') ?? 'https'}://${authority}${path}`, headers };
		b.request = request;
		b.note('HTTP/2 request headers (:method, :path, :authority) read as a request; the body is not part of them.');
		addRequestEvidence(b, request, 'the request headers');
		return true;
	}
	const auth = content.map((l) => authorizationValueIn(l)).find((a) => a !== undefined);
	if (!auth) return false;
	b.kind = /^AWS\s/.test(auth.value.trim()) ? 'sigv2-request' : 'authorization-header';
	const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
	addRequestEvidence(b, { method: 'GET', url: `https://${host || 'unknown.invalid'}/`, headers }, 'the Authorization header');
	b.note(
		'Only headers were pasted: method, path and body are unknown, so the request cannot be rebuilt; the signature and scope are imported.'
	);
	return true;
}
