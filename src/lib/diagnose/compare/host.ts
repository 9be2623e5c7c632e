import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';
import type { Stage } from '../types.ts';

function split(host: string): { name: string; port?: string } {
	const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host.trim());
	if (!m) return { name: host.trim().toLowerCase() };
	return m[2] !== undefined ? { name: m[1]!.toLowerCase(), port: m[2] } : { name: m[1]!.toLowerCase() };
}

/** A signed host against the one the server sees: only the port differs, or the host itself. */
export function compareHost(
	signed: string,
	seen: string,
	line: number | undefined,
	stage: Stage,
	list: FindingList,
	where: string,
	serverSays = false
): void {
	if (signed === seen) return;
	const a = split(signed);
	const b = split(seen);
	const at = { stage, ...(line !== undefined ? { line } : {}), ...(serverSays ? { basis: 'server' as const } : {}) };
	if (a.name === b.name && a.port !== b.port) {
		list.add(
			'host-port-mismatch',
			{
				...at,
				message: `${where}, but the server sees ${quote(seen)}: ${
					a.port !== undefined && (a.port === '443' || a.port === '80')
						? `the default port :${a.port} is signed, and clients leave it out of the Host header`
						: b.port !== undefined
							? `the port :${b.port} is left out`
							: `the port :${a.port} is not in the Host header sent`
				}.`,
				fix: 'Sign the Host header exactly as sent: without :443 or :80, with any other port.'
			},
			'host'
		);
	} else if (a.name !== b.name || signed.trim() !== seen.trim()) {
		list.add(
			'host-mismatch',
			{
				...at,
				message: `${where}, but the server sees ${quote(seen)}.`,
				fix: 'Sign the Host the service receives: the endpoint you send to (a proxy, CloudFront or a VPC endpoint may change it).'
			},
			'host'
		);
	}
}
