// The HTTP headers a static host must send so that no other site can frame the page
// (frame-ancestors and X-Frame-Options cannot go in a <meta> tag). Written to build/_headers,
// which Netlify and Cloudflare Pages read, by the adapter in svelte.config.js after each build.
// SvelteKit's CSP is in hash mode: each page's meta CSP names the hash of its own inline script,
// so the header is read from each built page and matches it exactly.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Sent with every file; a path must not get the same header from two rules (hosts join them). */
export const COMMON_HEADERS = {
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'no-referrer',
	'X-Content-Type-Options': 'nosniff'
};

/** @param {string} html */
export function metaCsp(html) {
	const tag = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
	return tag?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** @param {string} csp */
export const headerCsp = (csp) => `${csp}; frame-ancestors 'none'`;

/**
 * The URL paths a host serves a built page at: `index.html` at its folder, `learn.html` at `/learn`.
 * @param {string} file relative to the build folder, `/`-separated
 */
export function pagePaths(file) {
	const path = `/${file}`;
	if (path.endsWith('/index.html')) {
		const folder = path.slice(0, -'index.html'.length);
		return folder === '/' ? ['/', '/index.html'] : [folder, folder.slice(0, -1), path];
	}
	const bare = path.slice(0, -'.html'.length);
	return [bare, `${bare}/`, path];
}

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir, root = dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_app' ? [] : htmlFiles(full, root);
		return entry.name.endsWith('.html') ? [relative(root, full).split(sep).join('/')] : [];
	});
}

/**
 * `_headers` for a built app: the common headers for every path, each page's CSP for its paths,
 * and a year's caching for the content-hashed files.
 * @param {string} buildDir
 */
export function hostingHeaders(buildDir) {
	const lines = [
		'# Written by scripts/hosting-headers.mjs after each build (Netlify and Cloudflare Pages read it).',
		'/*',
		...Object.entries(COMMON_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
		'',
		'/_app/immutable/*',
		'  Cache-Control: public, max-age=31536000, immutable'
	];
	for (const file of htmlFiles(buildDir).sort()) {
		const csp = metaCsp(readFileSync(join(buildDir, file), 'utf8'));
		if (!csp) throw new Error(`${file} has no Content-Security-Policy meta tag: check kit.csp in svelte.config.js.`);
		for (const path of pagePaths(file)) lines.push('', path, `  Content-Security-Policy: ${headerCsp(csp)}`);
	}
	return `${lines.join('\n')}\n`;
}

/** @param {string} buildDir */
export function writeHostingHeaders(buildDir) {
	writeFileSync(join(buildDir, '_headers'), hostingHeaders(buildDir));
}

/**
 * The rules of a `_headers` file, as a host reads them: a path (a trailing `*` matches any rest),
 * then indented `Name: value` lines.
 * @param {string} text
 * @returns {{ path: string; headers: Record<string, string> }[]}
 */
export function parseHeaders(text) {
	/** @type {{ path: string; headers: Record<string, string> }[]} */
	const rules = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		const rule = rules.at(-1);
		if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
		else if (rule) rule.headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
	}
	return rules;
}

/**
 * The headers a host sends for a path: every matching rule's, a header named twice joined with ", ".
 * @param {ReturnType<typeof parseHeaders>} rules
 * @param {string} path
 */
export function headersFor(rules, path) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const rule of rules) {
		const match = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
		if (!match) continue;
		for (const [name, value] of Object.entries(rule.headers)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
	}
	return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	writeHostingHeaders(process.argv[2] ?? 'build');
	console.log(`Wrote ${join(process.argv[2] ?? 'build', '_headers')}.`);
}
