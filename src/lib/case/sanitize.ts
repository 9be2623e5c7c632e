import type { Case, OriginField } from './case.ts';
import { EXAMPLE_CREDENTIALS } from './examples.ts';
import { mapTexts } from './case-texts.ts';
import { redactSecrets, type LeftOut } from './redact-secrets.ts';
import { sanitizedNames } from './sanitize-names.ts';
import { hasEvidence } from './evidence.ts';

export interface SanitizeOptions {
	/** Also put example names in place of the bucket and the host. */
	names?: boolean;
}

/** One value the sanitized case no longer holds: what it was, what stands there now, in how many places. */
export interface Replacement {
	what: 'access key ID' | 'bucket' | 'host';
	from: string;
	to: string;
	places: number;
}

export interface Sanitized {
	case: Case;
	replaced: Replacement[];
	/** The secrets taken out, as a link without secrets leaves them out. */
	removed: LeftOut;
}

/**
 * The case with AWS's documented example keys in place of the real ones, everywhere they appear,
 * so that it can be posted in public: every secret in its texts gives way to its placeholder (the
 * redaction a link uses), the access key ID to the example's, and on request the bucket and host
 * to example names. Signatures then follow the example keys (and names), except where pasted
 * evidence was signed with another secret. Says what it replaced.
 */
export function sanitize(c: Case, options: SanitizeOptions = {}): Sanitized {
	const { case: redacted, leftOut } = redactSecrets(c);
	const swaps: Replacement[] = [];
	const oldKey = c.accessKeyId.trim();
	if (oldKey.length >= 4 && oldKey !== EXAMPLE_CREDENTIALS.accessKeyId) {
		swaps.push({ what: 'access key ID', from: oldKey, to: EXAMPLE_CREDENTIALS.accessKeyId, places: 0 });
	}
	if (options.names) swaps.push(...sanitizedNames(c).map((n) => ({ ...n, places: 0 })));
	let out = redacted;
	for (const swap of swaps) {
		const pattern = swap.what === 'access key ID' ? literal(swap.from) : name(swap.from);
		out = mapTexts(out, (text) =>
			text.replace(pattern, () => {
				swap.places++;
				return swap.to;
			})
		);
	}
	// Pasted evidence was signed with the user's own secret: judged against the example's, every
	// signature in it would look wrong. The case then comes without a secret, and the page judges
	// only what needs none (canonical request, string to sign) until someone types one.
	const signedElsewhere = hasEvidence(c) && c.secretAccessKey !== EXAMPLE_CREDENTIALS.secretAccessKey;
	const { secretAccessKey: _dropped, ...rest } = out;
	return {
		case: {
			...rest,
			accessKeyId: EXAMPLE_CREDENTIALS.accessKeyId,
			...(signedElsewhere ? {} : { secretAccessKey: EXAMPLE_CREDENTIALS.secretAccessKey }),
			sessionToken: '',
			origins: withoutOrigins(c.origins, ['accessKeyId'])
		},
		replaced: swaps.filter((s) => s.places > 0 || s.what === 'access key ID'),
		removed: leftOut
	};
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const literal = (text: string) => new RegExp(escape(text), 'g');
/** A bucket or host name where it stands whole: "my-bucket" is not replaced inside "my-bucket-2". */
const name = (text: string) => new RegExp(`(?<![A-Za-z0-9-])${escape(text)}(?![A-Za-z0-9-])`, 'gi');

/** The example's keys are defaults again: nothing typed or pasted is left in them. */
function withoutOrigins(origins: Case['origins'], fields: OriginField[]): Case['origins'] {
	const out = { ...origins };
	for (const field of fields) delete out[field];
	return out;
}
