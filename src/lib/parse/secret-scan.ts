import type { ImportBuilder } from './import-builder.ts';
import { SECRET_PATTERNS } from './secret-patterns.ts';

/**
 * Finds secret access keys anywhere in the paste, whatever format it turns out to be, so the
 * builder can keep them out of the result even when an importer would echo that part of the text.
 */
export function forgetSecrets(b: ImportBuilder): void {
	const found = new Set<string>();
	for (const { re, where, forget } of SECRET_PATTERNS) {
		if (!forget) continue;
		for (const m of b.text.matchAll(re)) {
			const secret = m[1];
			if (!secret || secret.includes('$') || secret.length < 4) continue;
			b.forget(secret);
			found.add(where);
		}
	}
	if (found.size > 0 && !/^\s*(?:\$\s*)?curl/.test(b.text)) {
		b.note(`A secret access key in ${[...found].join(', ')} was left out of the import; type it into the credentials.`);
	}
}
