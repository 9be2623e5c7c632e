import { decodedKey, splitQuery, percentDecode } from '../sigv4/index.ts';

/** The signature parameters of a presigned URL (SigV4 and SigV4a, and SigV2 ones where present). */
export interface ParsedSignedUrl {
	url: string;
	algorithm?: string;
	credential?: string;
	date?: string;
	expires?: string;
	signedHeaders?: string;
	signature?: string;
	securityToken?: string;
	/** SigV4a: X-Amz-Region-Set, as written ("us-east-1,us-west-2" or "*"). */
	regionSet?: string;
	/** Signature Version 2 parameter names present (AWSAccessKeyId, Signature, Expires, SignatureVersion, SignatureMethod). */
	sigv2: string[];
}

const V4 = new Map<string, keyof ParsedSignedUrl>([
	['x-amz-algorithm', 'algorithm'],
	['x-amz-credential', 'credential'],
	['x-amz-date', 'date'],
	['x-amz-expires', 'expires'],
	['x-amz-signedheaders', 'signedHeaders'],
	['x-amz-signature', 'signature'],
	['x-amz-security-token', 'securityToken'],
	['x-amz-region-set', 'regionSet']
]);
const V2 = ['AWSAccessKeyId', 'Signature', 'Expires', 'SignatureVersion', 'SignatureMethod'];

/** Reads the query of a URL; undefined when it carries no signature parameter at all. */
export function parseSignedUrl(url: string): ParsedSignedUrl | undefined {
	const q = /\?([^#]*)/.exec(url)?.[1];
	if (q === undefined) return undefined;
	const parsed: ParsedSignedUrl = { url, sigv2: [] };
	let any = false;
	for (const param of splitQuery(q)) {
		const key = decodedKey(param);
		const field = V4.get(key.toLowerCase());
		if (field) {
			// '+' as a space: how S3 reads a query value.
			(parsed as unknown as Record<string, string>)[field] = new TextDecoder().decode(percentDecode(param.value, true));
			any = true;
		} else if (V2.includes(key)) {
			parsed.sigv2.push(key);
		}
	}
	// "Expires" alone is an ordinary parameter name; with AWSAccessKeyId or Signature it is SigV2's.
	if (!parsed.sigv2.some((n) => n !== 'Expires')) parsed.sigv2 = [];
	return any || parsed.sigv2.length > 0 ? parsed : undefined;
}
