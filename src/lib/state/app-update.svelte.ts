import { version } from '$app/environment';

/** What a browser says when a lazily loaded file of the page cannot be fetched (Chromium, Firefox, Safari). */
const LOAD_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload/i;

/** A worker whose script could not be loaded fires a plain "error" event; one that throws fires an ErrorEvent. */
const workerLoadFailure = (reason: unknown) =>
	reason instanceof Event && reason.type === 'error' && !(reason instanceof ErrorEvent) && reason.target instanceof Worker;

/**
 * Newer code than the page runs: a deployed version now serves it, or a part of the page failed to
 * load (after a deploy the host no longer has the old files). Either way the page says so and
 * offers a reload, instead of a paste that silently does nothing.
 */
class AppUpdate {
	/** Another version of the page serves it now: a reload runs that one. */
	ready = $state(false);
	/** The file that could not be loaded, when one failed. */
	failed = $state<string | undefined>();
	/** The failure was the network being gone, not a deploy: it clears when the network is back. */
	offline = $state(false);
	#shown = new WeakSet<object>();

	/** Records a failed load: the page shows it, and the console does not also get an uncaught error. */
	fail(error: unknown, what = 'a part of the page'): void {
		const text = error instanceof Error ? error.message : String(error);
		const url = /\bhttps?:\/\/\S+?\.(?:js|css)\b/.exec(text)?.[0];
		this.failed = url ? new URL(url).pathname.replace(/^.*\/_app\//, '_app/') : what;
		if (typeof error === 'object' && error !== null) this.#shown.add(error);
		void this.#probe();
	}

	/**
	 * Offline or deployed? The build's version file is never cached (the service worker passes it
	 * to the network): no answer is offline, another version is a deploy.
	 */
	async #probe(): Promise<void> {
		try {
			const response = await fetch(new URL('_app/version.json', document.baseURI), { cache: 'no-store' });
			const served = ((await response.json()) as { version?: unknown }).version;
			this.offline = false;
			if (typeof served === 'string' && served !== version) this.ready = true;
		} catch {
			this.offline = true;
		}
	}

	reload(): void {
		location.reload();
	}

	/** Follows the service worker and failed loads; returns the cleanup. */
	watch(): () => void {
		const onPreloadError = (event: Event) => this.fail((event as Event & { payload?: unknown }).payload);
		const onRejection = (event: PromiseRejectionEvent) => {
			const reason: unknown = event.reason;
			if (typeof reason === 'object' && reason !== null && this.#shown.has(reason)) event.preventDefault();
			else if (reason instanceof Error && LOAD_FAILURE.test(reason.message)) {
				this.fail(reason);
				event.preventDefault();
			} else if (workerLoadFailure(reason)) {
				this.fail(reason, 'a background worker');
				event.preventDefault();
			}
		};
		// The editor's worker, started lazily, throws its worker's plain "error" event when its script is gone.
		const onError = (event: ErrorEvent) => {
			if (!workerLoadFailure(event.error)) return;
			this.fail(event.error, 'a background worker');
			event.preventDefault();
		};
		// Back online: what failed offline loads on its next use.
		const onOnline = () => {
			if (!this.offline) return;
			this.offline = false;
			this.failed = undefined;
		};
		addEventListener('online', onOnline);
		addEventListener('vite:preloadError', onPreloadError);
		addEventListener('unhandledrejection', onRejection);
		addEventListener('error', onError);
		const stopWorker = this.#watchWorker();
		return () => {
			removeEventListener('online', onOnline);
			removeEventListener('vite:preloadError', onPreloadError);
			removeEventListener('unhandledrejection', onRejection);
			removeEventListener('error', onError);
			stopWorker();
		};
	}

	#watchWorker(): () => void {
		if (!('serviceWorker' in navigator)) return () => {};
		const container = navigator.serviceWorker;
		// A worker taking over a page that had none is the first visit, not a new version.
		let controlled = container.controller !== null;
		const onChange = () => {
			if (controlled) container.controller?.postMessage({ type: 'version' });
			controlled = true;
		};
		const onMessage = (event: MessageEvent) => {
			const data = event.data as { type?: unknown; version?: unknown } | null;
			if (data?.type === 'version' && typeof data.version === 'string' && data.version !== version) this.ready = true;
		};
		// A tab left open learns of a deploy when it comes back into view, not only on the next navigation.
		const onVisible = () => {
			if (document.visibilityState === 'visible')
				container
					.getRegistration()
					.then((registration) => registration?.update())
					.catch(() => undefined);
		};
		container.addEventListener('controllerchange', onChange);
		container.addEventListener('message', onMessage);
		container.startMessages();
		document.addEventListener('visibilitychange', onVisible);
		return () => {
			container.removeEventListener('controllerchange', onChange);
			container.removeEventListener('message', onMessage);
			document.removeEventListener('visibilitychange', onVisible);
		};
	}
}

export const appUpdate = new AppUpdate();
