import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, ResolvedConfig, Rollup } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Names the files the service worker caches when first used instead of on install: Monaco's (its
 * chunk, CSS, font and editor worker; the page asks for them to be kept once it has loaded them)
 * the chunks made only of the heavy libraries of features few visits use (SigV4a's curve, the
 * CRCs of flexible checksums, the code export), the panels opened by a click (code out, your
 * code) with what only they import, and the workers. Kit builds the service worker last, with the
 * build's `define`, so the lists go there.
 */
const CONFIGS = Symbol.for('sigv4-debugger:vite-configs');
const ON_USE = /node_modules\/(?:@noble\/curves|@aws-sdk|@smithy|@aws-crypto)\/|\/src\/lib\/export\//;
/** A chunk with any of our own code outside the code export may be on the first screen: it is precached. */
const OWN = /\/src\/(?!lib\/export\/)/;
/** Panels opened by a click, and the hash of a chosen file: loaded, and kept, when first used. */
const ON_USE_ENTRIES = /\/src\/lib\/(?:components\/(?:CodePanel|YourCodePanel)\.svelte|case\/hash-blob\.ts)$/;

type Output = Rollup.OutputAsset | Rollup.OutputChunk;

/** The chunks of on-use entries, and the chunks only they import (to a fixed point). */
function onUseChunks(outputs: Output[]): Set<string> {
	const chunks = outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
	const importers = new Map<string, string[]>();
	for (const c of chunks) for (const i of [...c.imports, ...c.dynamicImports]) importers.set(i, [...(importers.get(i) ?? []), c.fileName]);
	const onUse = new Set(chunks.filter((c) => c.facadeModuleId && ON_USE_ENTRIES.test(c.facadeModuleId)).map((c) => c.fileName));
	for (let grew = true; grew;) {
		grew = false;
		for (const c of chunks) {
			const by = importers.get(c.fileName) ?? [];
			if (!onUse.has(c.fileName) && !c.isEntry && by.length > 0 && by.every((i) => onUse.has(i))) grew = onUse.add(c.fileName).size > 0;
		}
	}
	return onUse;
}

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
			// Workers start only on use too: forensics after a paste, the importer for a large one, the hash of a file body.
			const onUse = outputs.filter(
				(o) =>
					(o.type === 'chunk' && !o.isEntry && o.moduleIds.some((id) => ON_USE.test(id)) && !o.moduleIds.some((id) => OWN.test(id))) ||
					(o.type === 'asset' && o.fileName.includes('/workers/'))
			);
			const panels = onUseChunks(outputs);
			onUse.push(...outputs.filter((o) => panels.has(o.fileName) && !onUse.includes(o)));
			for (const config of configs)
				(config as { define?: Record<string, unknown> }).define = {
					...config.define,
					__MONACO_FILES__: JSON.stringify([...files]),
					__ON_USE_FILES__: JSON.stringify(onUse.map((o) => o.fileName))
				};
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
