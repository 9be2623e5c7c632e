/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// After the first visit the page works without a network: a tool for secrets should work on a
// plane. A deploy must not break a page that is open: its lazily loaded files are gone from the
// server, so each version's cache stays until no page that may run that version is open.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'sigv4-debugger-';
const CACHE = `${PREFIX}${version}`;
/** Which open pages may still run each older version (window client ids), kept across worker restarts. */
const USERS = 'sigv4-debugger:users';
const USERS_KEY = 'users.json';
/** Monaco's files (see vite.config.ts): cached when a page first loads them, not on install. */
declare const __MONACO_FILES__: string[];
declare const __ON_USE_FILES__: string[];
const MONACO: readonly string[] = typeof __MONACO_FILES__ === 'undefined' ? [] : __MONACO_FILES__;
const ON_USE: readonly string[] = [...MONACO, ...(typeof __ON_USE_FILES__ === 'undefined' ? [] : __ON_USE_FILES__)];
const isMonaco = (path: string) => MONACO.some((file) => path.endsWith(`/${file}`));
/** Monaco, and the heavy libraries of features few visits use: kept when first fetched (see vite.config.ts). */
const isOnUse = (path: string) => ON_USE.some((file) => path.endsWith(`/${file}`));
const ASSETS = [...build.filter((file) => !isOnUse(file)), ...files, ...prerendered];
const IMMUTABLE = '/_app/immutable/';

type Users = Record<string, string[]>;

async function readUsers(): Promise<Users> {
	const response = await (await caches.open(USERS)).match(USERS_KEY);
	return response ? ((await response.json()) as Users) : {};
}

/**
 * Deletes older versions' caches once no page that may run them is open. On activation every
 * open page may run an older version, so each older cache not yet tracked gets all of them;
 * otherwise an untracked cache may be a newer version still installing, and is left alone.
 */
async function prune(activating: boolean): Promise<void> {
	const open = new Set((await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id));
	const users = await readUsers();
	const next: Users = {};
	for (const key of await caches.keys()) {
		if (!key.startsWith(PREFIX) || key === CACHE) continue;
		const known = users[key] ?? (activating ? [...open] : undefined);
		if (!known) continue;
		const alive = known.filter((id) => open.has(id));
		if (alive.length > 0) next[key] = alive;
		else await caches.delete(key);
	}
	await (await caches.open(USERS)).put(USERS_KEY, new Response(JSON.stringify(next)));
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

/**
 * Monaco's files, fetched into this version's cache. A page that loaded Monaco before this worker
 * controlled it (its first visit) asks for this, so that the editor works offline next time.
 */
async function keepMonaco(): Promise<void> {
	const cache = await caches.open(CACHE);
	for (const file of build.filter(isMonaco)) {
		if (await cache.match(file)) continue;
		// The browser's HTTP cache usually has it: the page has just loaded it.
		const response = await fetch(file);
		if (response.ok) await cache.put(file, response);
	}
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(prune(true).then(() => sw.clients.claim()));
});

// A page asks which version serves it, to offer a reload when it is not its own; and, once it has
// loaded the editor, that the editor be kept.
sw.addEventListener('message', (event) => {
	const type = (event.data as { type?: unknown } | null)?.type;
	if (type === 'keep-editor' && (event.data as { version?: unknown }).version === version) {
		// Not waited for: an extended event here would hold back the activation of a newer version.
		void keepMonaco().catch(() => undefined);
		return;
	}
	if (type !== 'version') return;
	(event.ports[0] ?? event.source)?.postMessage({ type: 'version', version });
});

/** The page from the network, so one reload runs the latest deploy; this version's copy when offline. */
async function navigate(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.status < 500) return response;
		return (await fromCache(request)) ?? response;
	} catch (error) {
		const cached = await fromCache(request);
		if (cached) return cached;
		throw error;
	}
}

async function fromCache(request: Request): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	// The page itself is "/" (index.html); any path of this single-page app gets it.
	return (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(sw.registration.scope));
}

/**
 * This version's files from its cache; a content-hashed file an older page still asks for from that
 * version's cache (the host no longer has it); anything else from the network. Monaco's and the other
 * on-use files are kept once fetched (`keep`).
 */
async function asset(request: Request, url: URL, keep: (done: Promise<unknown>) => void): Promise<Response> {
	const cache = await caches.open(CACHE);
	const own = await cache.match(request, { ignoreSearch: true });
	if (own) return own;
	if (url.pathname.includes(IMMUTABLE)) {
		for (const key of await caches.keys()) {
			if (!key.startsWith(PREFIX) || key === CACHE) continue;
			const old = await (await caches.open(key)).match(request, { ignoreSearch: true });
			if (old) return old;
		}
	}
	if (!isOnUse(url.pathname)) return fetch(request);
	const response = await fetch(request);
	if (response.ok) keep(cache.put(url.pathname, response.clone()));
	return response;
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') {
		// A reloaded page closed its old client: an older version may now have no page left.
		event.waitUntil(prune(false));
		event.respondWith(navigate(request));
	} else {
		event.respondWith(asset(request, url, (done) => event.waitUntil(done)));
	}
});
