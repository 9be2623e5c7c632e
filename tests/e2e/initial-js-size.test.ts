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
});
