import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, initialJs } from '../../scripts/initial-js.mjs';

describe('the JavaScript needed before the page is usable', () => {
	it('stays under 150 KB gzipped, with the editor loaded lazily', () => {
		const { files, gzip } = initialJs();
		expect(files.length).toBeGreaterThan(0);
		// Monaco must not be part of it: no initial file is anywhere near its size.
		expect(Math.max(...files.map((f) => f.raw))).toBeLessThan(1_000_000);
		expect(gzip).toBeLessThan(BUDGET_BYTES);
	});

	it('holds nothing of the command line (src/lib/cli), which npm run build bundles apart into dist-cli/', () => {
		const build = resolve(import.meta.dirname, '../../build');
		const scripts = readdirSync(build, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(0);
		// The CLI's help text is in no other module: in the page's files it would mean the CLI came along.
		expect(scripts.filter((f) => readFileSync(join(build, f), 'utf8').includes('sigv4-debugger presign <file|->'))).toEqual([]);
	});
});
