import type { Header } from '../sigv4/index.ts';

/** The request box's text with these headers set: any of the same name replaced, the body kept. */
export function withHeaders(requestText: string, headers: Header[]): string {
	const names = new Set(headers.map(([n]) => n.toLowerCase()));
	const [head = '', ...rest] = requestText.split(/\n\n/);
	const lines = head.split('\n').filter((l) => !names.has(l.slice(0, l.indexOf(':')).trim().toLowerCase()));
	const body = rest.length ? `\n\n${rest.join('\n\n')}` : '\n';
	return [...lines.filter((l, i) => i === 0 || l.trim() !== ''), ...headers.map(([n, v]) => `${n}: ${v}`)].join('\n') + body;
}
