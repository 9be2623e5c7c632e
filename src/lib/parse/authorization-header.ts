import { parseCredential, type ParsedCredential } from './credential-scope.ts';

/** A problem inside an Authorization value; `index` is the character it starts at within the value. */
export interface ValueProblem {
	index: number;
	message: string;
	fix: string;
}

export type ParsedAuthorization =
	| {
			scheme: 'sigv4' | 'sigv4a';
			algorithm: string;
			credential?: ParsedCredential;
			signedHeaders?: string[];
			signature?: string;
			problems: ValueProblem[];
	  }
	| { scheme: 'sigv2'; accessKeyId: string; signature: string; problems: ValueProblem[] }
	| { scheme: 'other'; name: string; problems: ValueProblem[] };

const SIGV4_ALGORITHMS = ['AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256'];
const FORM =
	'Write it as "AWS4-HMAC-SHA256 Credential=AKID/YYYYMMDD/region/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=<64 hex>".';

/**
 * Reads an Authorization value. Components are found by name wherever they are, separated by
 * commas and/or spaces, because both "a, b" (the suites) and "a,b" (the S3 docs) are in use.
 */
export function parseAuthorization(raw: string): ParsedAuthorization {
	const value = raw.replace(/\r?\n[ \t]+/g, ' ');
	const lead = value.length - value.trimStart().length;
	const v = value.trim();
	const problems: ValueProblem[] = [];
	const sigv2 = /^AWS\s+([^:\s]+):(\S*)\s*$/.exec(v);
	if (sigv2) return { scheme: 'sigv2', accessKeyId: sigv2[1]!, signature: sigv2[2]!, problems };

	const space = v.search(/\s/);
	const algorithm = space === -1 ? v : v.slice(0, space);
	const upper = algorithm.toUpperCase();
	if (!SIGV4_ALGORITHMS.includes(upper)) {
		if (/^AWS4-/i.test(algorithm)) {
			problems.push({ index: lead, message: `"${algorithm}" is not a SigV4 algorithm name.`, fix: FORM });
		} else return { scheme: 'other', name: algorithm, problems };
	} else if (algorithm !== upper) {
		problems.push({ index: lead, message: `The algorithm is written "${algorithm}"; AWS expects "${upper}".`, fix: FORM });
	}
	const asymmetric = upper === 'AWS4-ECDSA-P256-SHA256';
	const rest = space === -1 ? '' : v.slice(space);
	const restStart = lead + (space === -1 ? v.length : space);
	const found = new Map<string, { value: string; index: number }>();
	for (const m of rest.matchAll(/(?<![A-Za-z])([A-Za-z]+)\s*=\s*([^,\s]*)/g)) {
		const name = m[1]!;
		if (!found.has(name.toLowerCase())) found.set(name.toLowerCase(), { value: m[2]!, index: restStart + m.index });
	}
	const result: ParsedAuthorization = { scheme: asymmetric ? 'sigv4a' : 'sigv4', algorithm: upper, problems };
	const missing: string[] = [];

	const cred = found.get('credential');
	if (!cred) missing.push('Credential');
	else {
		const parsed = parseCredential(cred.value, asymmetric);
		if (parsed) result.credential = parsed;
		else
			problems.push({
				index: cred.index,
				message: `Credential "${cred.value}" should be ${asymmetric ? 'AKID/YYYYMMDD/service/aws4_request' : 'AKID/YYYYMMDD/region/service/aws4_request'}.`,
				fix: 'Put the access key id, the date, the region, the service and "aws4_request", separated by "/", after Credential=.'
			});
		const after = rest.slice(cred.index - restStart).match(/^Credential\s*=\s*[^,\s]*\s+([^,\s=]+)(?=[\s,]|$)/i);
		if (after) {
			problems.push({
				index: cred.index,
				message: `The Credential value is followed by "${after[1]}" before the next comma: a space inside the access key id or the scope?`,
				fix: 'Remove the white space from the access key id and the scope.'
			});
		}
	}
	const signed = found.get('signedheaders');
	if (!signed) missing.push('SignedHeaders');
	else result.signedHeaders = signed.value.split(';');
	const sig = found.get('signature');
	if (!sig) missing.push('Signature');
	else result.signature = sig.value;
	if (missing.length > 0) {
		problems.push({
			index: lead,
			message: `The Authorization header has no ${missing.join(', ')} component${missing.length > 1 ? 's' : ''}.`,
			fix: FORM
		});
	}
	return result;
}

/** Where an Authorization value starts in a line such as "Authorization: AWS4-…" or the bare value. */
export function authorizationValueIn(line: string): { value: string; index: number } | undefined {
	const m = /^(\s*(?:>\s*)?["']?authorization["']?\s*[:=]\s*)(.*)$/i.exec(line);
	if (m) return { value: stripTrailing(m[2]!), index: m[1]!.length };
	const bare = /^\s*(AWS4-[A-Z0-9-]+\s+Credential\s*=.*)$/i.exec(line);
	if (bare) return { value: bare[1]!, index: line.length - bare[1]!.length };
	return undefined;
}

/** Drops the quotes and commas a header copied out of code or JSON ends with (a loop, not a regex: no backtracking). */
export function stripTrailing(value: string): string {
	let end = value.trimEnd().length;
	while (end > 0 && `"',`.includes(value[end - 1]!)) end--;
	return value.slice(0, end).trimEnd();
}
