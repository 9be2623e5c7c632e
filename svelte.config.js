import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeHostingHeaders } from './scripts/hosting-headers.mjs';

/** app.html's one inline script (it runs before the page's own), allowed by its hash. */
const appScript = /<script>([\s\S]*?)<\/script>/.exec(readFileSync('src/app.html', 'utf8'))?.[1] ?? '';
const appScriptHash = `sha256-${createHash('sha256').update(appScript).digest('base64')}`;

const staticAdapter = adapter({ fallback: undefined, strict: true });

/** adapter-static, then the hosting headers read from the pages it wrote (`vite build` and `npm run build` alike). */
const adapterWithHeaders = {
	...staticAdapter,
	/** @param {import('@sveltejs/kit').Builder} builder */
	async adapt(builder) {
		await staticAdapter.adapt(builder);
		writeHostingHeaders('build');
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapterWithHeaders,
		// The first screen's styles come inside the page: a stylesheet request would hold back its first paint.
		inlineStyleThreshold: 16384,
		// A page that holds AWS secrets talks to nobody but its own origin (DESIGN §7). SvelteKit
		// hashes its own inline bootstrap script; nothing else inline runs.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', appScriptHash],
				// Monaco sets element styles at run time.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
