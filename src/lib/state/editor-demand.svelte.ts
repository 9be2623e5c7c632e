import { version } from '$app/environment';

/**
 * Monaco is most of the page's weight (about 800 KB gzip with its worker): the stage panes show
 * plain text until one is used (a press or focus in a pane, a request part linked to its lines, a
 * finding pointing at a line), then every pane becomes an editor. A first visit that only reads the
 * stages never downloads it.
 */
class EditorDemand {
	/** Uses so far: each one retries a load that failed offline. */
	asks = $state(0);
	#kept = false;

	want(): void {
		this.asks++;
	}

	/**
	 * Loaded: the service worker keeps Monaco for offline visits. It does when it serves the files;
	 * on a first visit the page loaded them before the worker took over, so it is asked to.
	 */
	loaded(): void {
		if (this.#kept || !('serviceWorker' in navigator)) return;
		this.#kept = true;
		// Only a worker of this page's version keeps it (it knows the files); after a deploy that
		// worker takes control later.
		const ask = (worker: ServiceWorker | null | undefined) => worker?.postMessage({ type: 'keep-editor', version });
		void navigator.serviceWorker.ready.then((registration) => ask(registration.active));
		navigator.serviceWorker.addEventListener('controllerchange', () => ask(navigator.serviceWorker.controller));
	}
}

export const editorDemand = new EditorDemand();
