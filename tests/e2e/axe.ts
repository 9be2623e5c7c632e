import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's serious and critical violations on the page, or inside the first element `scope` selects, each as
 * its rule and the elements it names. The context must bypass the page's Content-Security-Policy, which
 * rightly refuses to run axe.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
	return page.evaluate(async (selector) => {
		type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (el?: Element) => Promise<Result> } }).axe;
		const result = selector ? await axe.run(document.querySelector(selector)!) : await axe.run();
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}, scope);
}
