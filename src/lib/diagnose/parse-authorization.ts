/** An Authorization header value, read leniently so that each defect can be named. */
export interface ParsedAuthorization {
	text: string;
	/** The first word: AWS4-HMAC-SHA256, or AWS for Signature Version 2, or anything else. */
	scheme: string;
	credential?: string;
	signedHeaders?: string;
	signature?: string;
	/** What makes it malformed, in plain words (empty when well-formed). */
	problems: string[];
	/** The credential has white space inside (the access key pasted with a space). */
	credentialWhitespace: boolean;
	/** Signature Version 2: "AWS AKID:signature". */
	sigv2?: { accessKeyId: string; signature: string };
}

const COMPONENTS = ['Credential', 'SignedHeaders', 'Signature'] as const;

export function parseAuthorization(text: string): ParsedAuthorization {
	const trimmed = text.trim();
	const space = trimmed.search(/\s/);
	const scheme = space < 0 ? trimmed : trimmed.slice(0, space);
	const rest = space < 0 ? '' : trimmed.slice(space).trim();
	const parsed: ParsedAuthorization = { text, scheme, problems: [], credentialWhitespace: false };

	if (scheme === 'AWS') {
		const v2 = /^([^:\s]+):(\S+)$/.exec(rest);
		if (v2) parsed.sigv2 = { accessKeyId: v2[1]!, signature: v2[2]! };
		return parsed;
	}
	if (/=/.test(scheme)) {
		parsed.problems.push(`there is no space between the algorithm and ${JSON.stringify(scheme.slice(scheme.search(/[A-Z][a-z]+=/)))}`);
	}
	const seen = new Set<string>();
	for (const part of rest.split(',')) {
		const item = part.trim();
		if (item === '') {
			if (rest !== '') parsed.problems.push('there is an empty component (two commas in a row, or a comma at the end)');
			continue;
		}
		const eq = item.indexOf('=');
		if (eq <= 0) {
			parsed.problems.push(`"${item}" is not a key=value pair (missing "=")`);
			continue;
		}
		const key = item.slice(0, eq);
		let value = item.slice(eq + 1);
		const known = COMPONENTS.find((c) => c.toLowerCase() === key.toLowerCase());
		if (!known) {
			parsed.problems.push(`"${key}" is not a component of a SigV4 Authorization header`);
			continue;
		}
		if (known !== key) parsed.problems.push(`"${key}" is spelled with the wrong case; write ${known}`);
		if (seen.has(known)) parsed.problems.push(`${known} appears twice`);
		seen.add(known);
		if (/\s/.test(value)) {
			const next = /\s+([A-Za-z]+)=/.exec(value);
			if (next && COMPONENTS.some((c) => c.toLowerCase() === next[1]!.toLowerCase())) {
				parsed.problems.push(`there is no comma before ${next[1]}=`);
				value = value.slice(0, next.index);
			} else if (known === 'Credential') {
				parsed.credentialWhitespace = true;
			} else {
				parsed.problems.push(`${known} contains white space`);
			}
		}
		if (known === 'Credential') parsed.credential = value;
		else if (known === 'SignedHeaders') parsed.signedHeaders = value;
		else parsed.signature = value;
	}
	for (const c of COMPONENTS) if (!seen.has(c)) parsed.problems.push(`the ${c} component is missing`);
	return parsed;
}
