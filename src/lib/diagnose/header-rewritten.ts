import { canonicalHeaderValue, sha256Hex, signatureFor } from '../sigv4/index.ts';
import type { DiagnoseContext } from './context.ts';
import type { FindingList } from './finding-list.ts';
import { quote } from '../findings/index.ts';

/** Values HTTP clients, proxies and CDNs put in Accept-Encoding: the one signed may have been rewritten to the one sent. */
const ACCEPT_ENCODINGS = [
	'identity',
	'gzip',
	'deflate',
	'br',
	'zstd',
	'*',
	'gzip, deflate',
	'gzip,deflate',
	'gzip, deflate, br',
	'gzip, deflate, br, zstd',
	'gzip, br',
	'br, gzip',
	'gzip, zstd',
	'zstd, gzip'
];
/** Headers that proxies and load balancers append to (an address, a hop): the signed value is a prefix of the list sent. */
const APPENDED = new Set(['x-forwarded-for', 'forwarded', 'via']);

/** The values a signed header may have had before something on the way changed it to `sent`. */
function earlierValues(name: string, sent: string): string[] {
	if (name === 'accept-encoding') return ACCEPT_ENCODINGS;
	if (APPENDED.has(name)) {
		const parts = sent.split(',');
		return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join(','));
	}
	return [];
}

/**
 * The user's signature reproduced by the correct canonical request with one signed header holding
 * another value: Accept-Encoding rewritten by a proxy, CDN or HTTP client, or an address appended to
 * X-Forwarded-For by a load balancer or VPC endpoint after signing. Returns true when it named that.
 */
export async function reproduceRewrittenHeader(ctx: DiagnoseContext, signature: string, list: FindingList): Promise<boolean> {
	const lines = ctx.trace.canonicalRequest.split('\n');
	const stsLines = ctx.trace.stringToSign.split('\n');
	if (stsLines.length !== 4) return false;
	const sig = signature.trim().toLowerCase();
	for (let i = 3; i < lines.length && lines[i] !== ''; i++) {
		const colon = lines[i]!.indexOf(':');
		const name = lines[i]!.slice(0, colon);
		const sent = lines[i]!.slice(colon + 1);
		for (const value of earlierValues(name, sent)) {
			const signed = canonicalHeaderValue(value);
			if (signed === sent) continue;
			const canonical = [...lines.slice(0, i), `${name}:${signed}`, ...lines.slice(i + 1)].join('\n');
			const sts = [...stsLines.slice(0, 3), await sha256Hex(canonical)].join('\n');
			if ((await signatureFor(sts, ctx.trace.keyChain.kSigning)) !== sig) continue;
			list.add(
				'header-added-after-signing',
				{
					stage: 'canonical-request',
					line: i + 1,
					basis: 'reproduced',
					message: `Your signature is reproduced exactly with ${name}: ${quote(signed, 60)} signed, but the request arrives with ${quote(sent, 60)}: ${
						APPENDED.has(name) ? 'a proxy, load balancer or VPC endpoint appended to it' : 'a proxy, CDN or the HTTP client rewrote it'
					} after signing.`,
					fix: `Leave ${name} out of the signed headers (it is changed on the way), or sign it where nothing changes it afterwards (after the proxy).`
				},
				`rewritten:${name}`
			);
			return true;
		}
	}
	return false;
}
