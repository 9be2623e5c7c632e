import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { headersFor, parseHeaders } from '../../scripts/hosting-headers.mjs';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.ttf': 'font/ttf',
	'.wasm': 'application/wasm'
};

export interface StaticServer {
	readonly url: string;
	/** The folder served from now on: a deploy. */
	root: string;
	/** Paths asked for that the current folder does not have. */
	readonly missing: string[];
	stop(): Promise<void>;
}

/** The file a static host serves for a path: `/` is index.html, `/learn` is learn.html. */
function fileFor(root: string, pathname: string): string | undefined {
	const base = resolve(root);
	const path = resolve(base, `.${decodeURIComponent(pathname)}`);
	if (path !== base && !path.startsWith(base + sep)) return undefined;
	for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

/**
 * A static host like the ones the app is deployed to: files of a folder that can be swapped, no
 * caching by the browser, and, when `headers` is set, the folder's `_headers` applied as Netlify
 * and Cloudflare Pages do.
 */
export async function serveStatic(root: string, options: { headers?: boolean } = {}): Promise<StaticServer> {
	const state = { root, missing: [] as string[] };
	const server = createServer((req, res) => {
		const { pathname } = new URL(req.url ?? '/', 'http://host');
		const file = fileFor(state.root, pathname);
		const extra = options.headers ? headersFor(parseHeaders(readFileSync(join(state.root, '_headers'), 'utf8')), pathname) : {};
		if (!file) {
			state.missing.push(pathname);
			res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
			return;
		}
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...extra });
		res.end(readFileSync(file));
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		get root() {
			return state.root;
		},
		set root(dir: string) {
			state.root = dir;
		},
		missing: state.missing,
		stop: () =>
			new Promise<void>((ok) => {
				server.close(() => ok());
				server.closeAllConnections();
			})
	};
}
