import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, ResolvedConfig } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Names Monaco's files (its chunk, CSS, font and editor worker) for the service worker, which
 * caches them when first used instead of on install: most visits never need them offline. Kit
 * builds the service worker last, with the build's `define`, so the list goes there.
 */
const CONFIGS = Symbol.for('sigv4-debugger:vite-configs');

function monacoFiles(): Plugin {
	// Kit builds the client inside the server's build, which loads this file again: the configs of
	// both builds are kept on globalThis so that the server's, which builds the worker, gets the list.
	const configs = ((globalThis as { [CONFIGS]?: ResolvedConfig[] })[CONFIGS] ??= []);
	return {
		name: 'sigv4-monaco-files',
		apply: 'build',
		configResolved(resolved) {
			configs.push(resolved);
		},
		generateBundle(_, bundle) {
			const outputs = Object.values(bundle);
			const monaco = outputs.find((o) => o.type === 'chunk' && o.facadeModuleId?.endsWith('/src/lib/editor/monaco.ts'));
			if (monaco?.type !== 'chunk') return;
			const css = [...(monaco.viteMetadata?.importedCss ?? [])];
			const texts = [
				monaco.code,
				...outputs.filter((o) => o.type === 'asset' && css.includes(o.fileName)).map((o) => String(o.type === 'asset' ? o.source : ''))
			];
			const referenced = outputs.filter((o) => o.type === 'asset' && texts.some((t) => t.includes(o.fileName.split('/').pop() ?? '\0')));
			const files = new Set([
				monaco.fileName,
				...css,
				...(monaco.viteMetadata?.importedAssets ?? []),
				...referenced.map((o) => o.fileName)
			]);
			// A resolved config is read-only in its type; Kit reads `define` from it when it builds the worker.
			for (const config of configs)
				(config as { define?: Record<string, unknown> }).define = { ...config.define, __MONACO_FILES__: JSON.stringify([...files]) };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), monacoFiles()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/vectors/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/realworld/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000
	}
});
