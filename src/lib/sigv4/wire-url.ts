import { describeCharacter } from './odd-characters.ts';
import { SigningError } from './signing-error.ts';

/** An absolute URL split as it goes on the wire: nothing decoded, nothing normalized. */
export interface WireUrl {
	/** A ws:// or wss:// URL (AWS IoT's MQTT over WebSocket) is read as the HTTP(S) GET that opens it: the scheme is signed nowhere. */
	scheme: 'http' | 'https';
	/** The URL was ws:// or wss://: the URL to send keeps that scheme. */
	websocket?: boolean;
	hostname: string;
	port?: string;
	/** The path exactly as given ('' when the URL has none). */
	path: string;
	/** The raw query after '?', or undefined when there is no '?'. */
	query?: string;
}

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#[\s\S]*)?$/;
const DEFAULT_PORT = { http: '80', https: '443' } as const;

/**
 * Splits without the WHATWG URL parser on purpose: it would resolve dot segments and re-encode
 * characters, and the canonical request must see the path exactly as the client sent it.
 */
export function parseWireUrl(url: string): WireUrl {
	const trimmed = url.trim();
	if (trimmed === '') {
		throw new SigningError('url', 'The URL is empty.', 'Give the full URL, e.g. https://examplebucket.s3.amazonaws.com/photos/a.jpg');
	}
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	const control = /[\u0000-\u001f\u007f]/.exec(trimmed);
	if (control) {
		throw new SigningError(
			'url',
			`The URL contains the control character ${describeCharacter(control[0])} at character ${control.index + 1}.`,
			'Remove it from the URL; if it is data, percent-encode it (a line break is %0A, U+0000 is %00).',
			control.index
		);
	}
	const m = URL_SHAPE.exec(trimmed);
	if (!m) {
		throw new SigningError(
			'url',
			`"${trimmed.slice(0, 60)}" is not an absolute URL.`,
			'Start it with https:// and the host, e.g. https://sns.us-east-1.amazonaws.com/?Action=ListTopics'
		);
	}
	const scheme = m[1]!.toLowerCase();
	if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ws' && scheme !== 'wss') {
		throw new SigningError(
			'url',
			`The scheme "${m[1]}:" is not HTTP; only http:// and https:// requests (and ws:// or wss:// WebSocket URLs) are signed with SigV4.`,
			scheme === 's3'
				? 'Write an S3 URI as https://BUCKET.s3.REGION.amazonaws.com/KEY.'
				: 'Use the http:// or https:// URL the request is sent to.'
		);
	}
	const authority = m[2]!;
	if (authority.includes('@')) {
		throw new SigningError(
			'url',
			'The URL carries a user name or password before "@".',
			'Remove "user:password@": SigV4 credentials go in the credentials fields, never in the URL.'
		);
	}
	let hostname = authority;
	let port: string | undefined;
	const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
	if (portMatch) {
		hostname = portMatch[1]!;
		port = portMatch[2];
	}
	if (hostname === '' || /\s/.test(hostname)) {
		throw new SigningError(
			'url',
			hostname === '' ? 'The URL has no host.' : `The host "${hostname}" contains white space.`,
			'Write the host after "://", e.g. https://examplebucket.s3.amazonaws.com/'
		);
	}
	if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
		throw new SigningError('url', `The port "${port}" is not a number from 1 to 65535.`, 'Fix or remove the port after the host.');
	}
	const result: WireUrl = { scheme: scheme === 'wss' ? 'https' : scheme === 'ws' ? 'http' : scheme, hostname, path: m[3]! };
	if (scheme === 'ws' || scheme === 'wss') result.websocket = true;
	if (port !== undefined) result.port = port;
	if (m[4] !== undefined) result.query = m[4];
	return result;
}

/** The Host header a client sends for this URL: the port only when it is not the scheme's default. */
export function hostHeaderFor(url: WireUrl): string {
	return url.port === undefined || url.port === DEFAULT_PORT[url.scheme] ? url.hostname : `${url.hostname}:${url.port}`;
}

export function formatWireUrl(url: WireUrl, query: string | undefined): string {
	const port = url.port === undefined ? '' : `:${url.port}`;
	const scheme = url.websocket ? (url.scheme === 'https' ? 'wss' : 'ws') : url.scheme;
	return `${scheme}://${url.hostname}${port}${url.path}${query === undefined ? '' : `?${query}`}`;
}
