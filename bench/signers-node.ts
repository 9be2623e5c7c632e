import aws4 from 'aws4';
import { prepared, type Signer } from './signer.ts';

type Aws4Request = aws4.Request & { extraHeadersToInclude?: Record<string, boolean>; extraHeadersToIgnore?: Record<string, boolean> };

/** aws4 needs Node's crypto, url and querystring modules: Node only. */
export const aws4Signer: Signer = {
	name: 'aws4',
	note: 'aws4.sign (Node crypto, synchronous) with its own key cache; range included, the Content-Length it adds ignored',
	prepare(c) {
		const headers: Record<string, string> = Object.fromEntries(c.headers);
		const base: Aws4Request = {
			host: c.host,
			method: c.method,
			path: c.path,
			service: c.service,
			region: c.region,
			headers,
			// By default aws4 leaves range unsigned; ours signs every header given.
			extraHeadersToInclude: { range: true },
			// aws4 adds Content-Length to a request with a body and would sign it; ours signs only the headers given.
			extraHeadersToIgnore: { 'content-length': true }
		};
		if (c.body !== undefined) base.body = c.body;
		// aws4 takes the signing time from the request itself.
		if (c.mode === 'query') {
			base.path += `?X-Amz-Date=${c.datetime}&X-Amz-Expires=${c.expiresIn}`;
			base.signQuery = true;
		} else {
			headers['X-Amz-Date'] = c.datetime;
		}
		// aws4 writes into the request object: each call gets a fresh shallow copy.
		const sign = () => Promise.resolve(aws4.sign({ ...base }, c.credentials));
		if (c.mode === 'query') return prepared(sign, (out) => out.path);
		return prepared(sign, (out) => String(out.headers?.Authorization));
	}
};
