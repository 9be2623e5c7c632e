import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built chunk (`_app/immutable/….js`) whose entry is a source module, from Vite's manifest. */
export function chunkOf(source: string): string {
	const manifest = JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../../.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, { file: string }>;
	const file = manifest[source]?.file;
	if (!file) throw new Error(`${source} is not a chunk of its own in this build`);
	return file;
}

/** Monaco's chunk in the built app. */
export function monacoChunk(): string {
	return chunkOf('src/lib/editor/monaco.ts');
}
