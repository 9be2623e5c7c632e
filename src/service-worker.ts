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
const MONACO: readonly string[] = typeof __MONACO_FILES__ === 'undefined' ? [] : __MONACO_FILES__;
const isMonaco = (path: string) => MONACO.some((file) => path.endsWith(`/${file}`));
const ASSETS = [...build.filter((file) => !isMonaco(file)), ...files, ...prerendered];
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
 * Monaco's files this browser already holds in its HTTP cache (a page loaded them before this
 * worker took control), copied into this version's cache without a download.
 */
async function keepLoadedMonaco(): Promise<void> {
	const cache = await caches.open(CACHE);
	for (const file of build.filter(isMonaco)) {
		if (await cache.match(file)) continue;
		const held = await fromHttpCache(new Request(file));
		if (held) await cache.put(file, held);
	}
}

/** A response the browser holds, however old, without the network: `only-if-cached` needs same-origin. */
async function fromHttpCache(request: Request): Promise<Response | undefined> {
	try {
		const response = await fetch(request.url, { cache: 'only-if-cached', mode: 'same-origin' });
		return response.ok ? response : undefined;
	} catch {
		return undefined;
	}
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(prune(true).then(() => sw.clients.claim()));
	// Not waited for: fetches wait until the worker is active.
	void keepLoadedMonaco();
});

// A page asks which version serves it, to offer a reload when it is not its own.
sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type !== 'version') return;
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
 * version's cache (the host no longer has it); anything else from the network. Monaco's files are
 * kept once fetched (`keep`), and offline come from what the browser holds.
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
	if (!isMonaco(url.pathname)) return fetch(request);
	let response: Response;
	try {
		response = await fetch(request);
	} catch (error) {
		const held = await fromHttpCache(request);
		if (!held) throw error;
		response = held;
	}
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
