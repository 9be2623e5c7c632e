import type { ImportBuilder } from './import-builder.ts';

/** Where pasted text tends to carry a secret access key, with the group that holds it. */
const PATTERNS: { re: RegExp; where: string }[] = [
	{ re: /(?:^|[\s^])(?:-u|--user)(?:=|[ \t]*)[ \t]*\^?["']?[^\s"':^]*:([^\s"':^]+)/g, where: 'curl --user' },
	{ re: /\bhttps?:\/\/[^\s/@:]+:([^\s@/?#]+(?:\/[^\s@/?#]+)*)@/gi, where: 'a URL' },
	{ re: /['"]secret_key['"]\s*:\s*['"]([^'"]+)['"]/g, where: 'the awscurl log' },
	{ re: /--secret[_-]key[=\s]+["']?([^\s"']+)/g, where: 'a --secret_key option' },
	{ re: /aws_secret_access_key["']?\s*[=:]\s*["']?([^\s"',]+)/gi, where: 'an aws_secret_access_key setting' }
];

/**
 * Finds secret access keys anywhere in the paste, whatever format it turns out to be, so the
 * builder can keep them out of the result even when an importer would echo that part of the text.
 */
export function forgetSecrets(b: ImportBuilder): void {
	const found = new Set<string>();
	for (const { re, where } of PATTERNS) {
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
