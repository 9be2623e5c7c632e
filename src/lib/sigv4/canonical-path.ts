import { percentDecode, uriEncode, uriEncodeBytes } from './encoding.ts';

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

export interface CanonicalPath {
	value: string;
	rules: string[];
}

/** RFC 3986 dot-segment removal plus empty-segment removal, as AWS's non-S3 services do it. */
export function normalizePathSegments(path: string): string {
	const segments: string[] = [];
	for (const segment of path.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(segment);
	}
	const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
	return '/' + segments.join('/') + trailing;
}

/**
 * The canonical URI. Non-S3 services encode the path as received, so a path that is already
 * percent-encoded is encoded a second time. S3 signs the object key: each segment is decoded
 * and encoded exactly once, and '+' in a key is a literal plus (%2B), never a space.
 */
export function canonicalPath(rawPath: string, opts: { uriEscapePath: boolean; normalizePath: boolean }): CanonicalPath {
	const rules: string[] = [];
	let path = rawPath === '' ? '/' : rawPath;
	if (rawPath === '') rules.push('empty path signed as "/"');
	if (opts.normalizePath) {
		const normalized = normalizePathSegments(path);
		if (normalized !== path) rules.push('normalized: "." and ".." segments and duplicate slashes removed');
		path = normalized;
	} else if (/\/\/|\/\.\.?(\/|$)/.test(path)) {
		rules.push('not normalized: "//", "." and ".." are kept as sent (S3 rule)');
	}
	let value: string;
	if (opts.uriEscapePath) {
		value = uriEncode(path, true);
		if (path.includes('%')) rules.push('encoded as received: an existing "%XX" becomes "%25XX" (double encoding, every service but S3)');
		else if (value !== path) rules.push('each byte outside A-Z a-z 0-9 - _ . ~ / encoded as %XX (UTF-8, uppercase hex)');
	} else {
		value = path
			.split('/')
			.map((segment) => (UNRESERVED_ONLY.test(segment) ? segment : uriEncodeBytes(percentDecode(segment, false))))
			.join('/');
		if (value !== path) rules.push('each segment decoded, then encoded once (S3 rule): only A-Z a-z 0-9 - _ . ~ stay, uppercase hex');
	}
	if (rawPath.includes('+')) rules.push('"+" is a literal plus and is signed as %2B, never as a space');
	if (rules.length === 0) rules.push('already canonical: nothing to encode');
	return { value, rules };
}
