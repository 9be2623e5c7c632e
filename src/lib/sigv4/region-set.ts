import { SigningError } from './signing-error.ts';
import { ANY_REGION } from './v4a-constants.ts';

// Region codes, "*" for every region, or a prefix wildcard as in "us-*".
const REGION_SET_ENTRY = /^[A-Za-z0-9._*-]+$/;

/** The region set as a list: a comma-separated header or query value, entries trimmed, empty ones dropped. */
export function parseRegionSet(value: string): string[] {
	return value
		.split(',')
		.map((r) => r.trim())
		.filter((r) => r !== '');
}

/** The region set as SigV4a signs it (comma-joined), after checking each entry. */
export function regionSetValue(regionSet: string[]): string {
	if (!Array.isArray(regionSet) || regionSet.length === 0) {
		throw new SigningError(
			'region',
			'The region set is empty.',
			`Give the regions the request may be used in, e.g. us-east-1,us-west-2, or ${ANY_REGION} for all.`
		);
	}
	const bad = regionSet.findIndex((r) => typeof r !== 'string' || !REGION_SET_ENTRY.test(r.trim()));
	if (bad >= 0) {
		throw new SigningError(
			'region',
			`The region set entry "${String(regionSet[bad])}" is not a region code or "${ANY_REGION}".`,
			'Separate region codes with commas, e.g. us-east-1,eu-west-1.',
			bad
		);
	}
	return regionSet.map((r) => r.trim()).join(',');
}

/** "*" matches any run of characters; the rest literally. Linear in the text, whatever the number of stars (no regex to backtrack). */
function globMatches(pattern: string, text: string): boolean {
	let p = 0;
	let t = 0;
	let star = -1;
	let resume = 0;
	while (t < text.length) {
		if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
			p++;
			t++;
		} else if (p < pattern.length && pattern[p] === '*') {
			star = p++;
			resume = t;
		} else if (star >= 0) {
			p = star + 1;
			t = ++resume;
		} else return false;
	}
	while (pattern[p] === '*') p++;
	return p === pattern.length;
}

/** Whether a region set admits a region: listed, "*", or matched by a wildcard entry such as "us-*". */
export function regionSetIncludes(regionSet: string[], region: string): boolean {
	return regionSet.some((entry) => globMatches(entry, region));
}
