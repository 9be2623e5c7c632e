import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built chunk (its file name in build/_app/immutable/chunks) whose text holds `text`, if one does. */
export function chunkHolding(text: string): string | undefined {
	const dir = 'build/_app/immutable/chunks';
	return readdirSync(dir).find((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(text));
}

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
