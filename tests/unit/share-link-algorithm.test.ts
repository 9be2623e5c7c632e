// The algorithm choice and the region set travel in a link under their own short keys, and a link
// made before they existed still opens, as the SigV4 case it was.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE, edit, exampleCase, readCase } from '../../src/lib/case/index.ts';
import { decodeCase, encodeCase } from '../../src/lib/share/index.ts';
import { compactCase } from '../../src/lib/share/compact-case.ts';

// Written by the version before the algorithm choice: the example in eu-west-1, presigned URL mode.
const OLD_LINK =
	'#v1=eJyrVipWslIq90rMKYoILclzc_X11Pc293Vx9XPXTwqoCErLdI50jXD0DfBx9XaNVNJRSleyUkot1S1PLS7RNVTSUcpVslIqLE0tqlTSUcpPV7KqVipKTc_MzwOx0oryQdIllQWpKUq1Okq5-SmpmOK1tQCxiCoE';

describe('share link: SigV4a', () => {
	it('round-trips the algorithm and region set, under al and rs', async () => {
		const c = edit(exampleCase(), { algorithm: 'sigv4a', regionSet: 'us-east-1,eu-*', mode: 'query' });
		expect(compactCase(c)).toMatchObject({ al: 'sigv4a', rs: 'us-east-1,eu-*' });
		const opened = await decodeCase(`#${await encodeCase(c, { includeSecrets: false })}`);
		if (!('case' in opened)) throw new Error(opened.error.message);
		expect(opened.case).toMatchObject({ algorithm: 'sigv4a', regionSet: 'us-east-1,eu-*', mode: 'query' });
		expect(opened.case.origins).toMatchObject({ algorithm: { from: 'typed' }, regionSet: { from: 'typed' } });
	});

	it('leaves both out while they are the defaults', () => {
		const compact = compactCase(edit(exampleCase(), { region: 'eu-west-1' }));
		expect(compact).not.toHaveProperty('al');
		expect(compact).not.toHaveProperty('rs');
	});

	it('opens a link made before the choice existed as the SigV4 case it was', async () => {
		const opened = await decodeCase(OLD_LINK);
		if (!('case' in opened)) throw new Error(opened.error.message);
		expect(opened.case).toMatchObject({ region: 'eu-west-1', mode: 'query', algorithm: 'sigv4', regionSet: DEFAULT_CASE.regionSet });
	});

	it("carries the learn page's SigV2 track in the view", async () => {
		const c = { ...exampleCase(), view: { optionsOpen: false, learnStep: 2, learnTrack: 'sigv2-query' as const } };
		const opened = await decodeCase(`#${await encodeCase(c, { includeSecrets: false })}`);
		if (!('case' in opened)) throw new Error(opened.error.message);
		expect(opened.case.view).toEqual({ optionsOpen: false, learnStep: 2, learnTrack: 'sigv2-query' });
		expect(readCase({ view: { learnTrack: 'sigv1' } })).toEqual({
			problem: '"view.learnTrack" should be "sigv2-s3" or "sigv2-query", but it is the text "sigv1"'
		});
	});

	it('refuses an algorithm it does not know, by name', () => {
		expect(readCase({ algorithm: 'sigv9' })).toEqual({ problem: '"algorithm" should be "sigv4" or "sigv4a", but it is the text "sigv9"' });
		expect(readCase({ regionSet: 4 })).toEqual({ problem: '"regionSet" should be text, but it is the number 4' });
	});
});
