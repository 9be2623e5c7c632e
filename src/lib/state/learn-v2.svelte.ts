import type { Case, LearnTrack } from '../case/case.ts';
import { NO_SECRET } from '../case/params.ts';
import { learnInputV2, type V2Settings } from '../learn/input-v2.ts';
import type { LearnInputV2 } from '../learn/types.ts';
import type { HttpRequest, SigningTrace } from '../sigv4/index.ts';

/**
 * The learn page's SigV2 track: the case's request signed with SigV2 (asynchronous, as WebCrypto
 * is), following every change; the latest request wins over a slower earlier one.
 */
export class LearnV2 {
	input = $state.raw<LearnInputV2 | undefined>();
	problem = $state('');
	#asked = 0;

	async follow(c: Case, track: LearnTrack, request: HttpRequest | undefined, v4: SigningTrace | undefined): Promise<void> {
		const asked = ++this.#asked;
		const result = request ? await learnInputV2(settingsOf(c), request, track === 'sigv2-s3' ? 's3' : 'query', v4) : undefined;
		if (asked !== this.#asked) return;
		this.input = result && 'trace' in result ? result : undefined;
		this.problem = result && 'problem' in result ? result.problem : '';
	}
}

/** The case's keys and time as the SigV2 track takes them; without a secret it signs with a stand-in, as the SigV4 track does. */
export function settingsOf(c: Case): V2Settings {
	const expires = c.expiresIn.trim();
	const s: V2Settings = {
		accessKeyId: c.accessKeyId,
		secretAccessKey: c.secretAccessKey || NO_SECRET,
		datetime: c.datetime,
		presigned: c.mode === 'query',
		expiresIn: /^\d+$/.test(expires) ? Number(expires) : 3600
	};
	if (c.sessionToken) s.sessionToken = c.sessionToken;
	return s;
}
