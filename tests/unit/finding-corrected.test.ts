// A finding that gives a corrected URL carries it in its own field (`corrected`), so the page offers
// it to copy and the command line prints it, instead of a URL buried in the message. The value
// holds no session token the user's own URL did not carry.
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../src/lib/case/redact-secrets.ts';
import { findingsText } from '../../src/lib/cli/format-text.ts';
import { correctedUrl, TOKEN_LEFT_OUT } from '../../src/lib/diagnose/corrected-url.ts';
import { makeFinding } from '../../src/lib/diagnose/make-finding.ts';
import { diagnoseScenario } from './diagnose-helpers.ts';
import { TRANSCRIBE, WEBSOCKET_CASES } from './websocket-cases.ts';

const URL_WITH = (token: string) =>
	`wss://a1b2c3d4e5f6g7-ats.iot.us-west-2.amazonaws.com/mqtt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${'a'.repeat(64)}&X-Amz-Security-Token=${encodeURIComponent(token)}`;

describe('the corrected value of a finding', () => {
	it('makeFinding keeps it, and leaves it out when there is none', () => {
		const f = makeFinding('session-token-signed', { message: 'm', fix: 'f', corrected: { label: 'Corrected URL', value: 'wss://x/' } });
		expect(f.corrected).toEqual({ label: 'Corrected URL', value: 'wss://x/' });
		expect('corrected' in makeFinding('session-token-signed', { message: 'm', fix: 'f' })).toBe(false);
	});

	it('transcribe-port-missing (signed without the port) offers the URL signed for :8443 as its value, not in its message', async () => {
		const { findings } = await diagnoseScenario(await WEBSOCKET_CASES[1]!.scenario());
		const f = findings.find((x) => x.code === 'transcribe-port-missing')!;
		expect(f.severity).toBe('warning');
		expect(f.corrected?.label).toBe('URL signed for port 8443');
		expect(f.corrected!.value).toMatch(
			new RegExp(`^wss://${TRANSCRIBE.replace(/\./g, '\\.')}:8443/stream-transcription-websocket\\?.*X-Amz-Signature=[0-9a-f]{64}`)
		);
		expect(f.message).not.toContain('wss://');
	});

	it("keeps the session token only when it is the one the user's URL carries", () => {
		const mine = 'FwoGZXIvYXdzEXAMPLE/token+with=chars';
		expect(correctedUrl(URL_WITH(mine), mine)).toBe(URL_WITH(mine));
		expect(correctedUrl(URL_WITH(mine), undefined)).toBe(URL_WITH(TOKEN_LEFT_OUT));
		expect(correctedUrl(URL_WITH(mine), 'another-token')).toBe(URL_WITH(TOKEN_LEFT_OUT));
		const none = 'wss://example.amazonaws.com/?X-Amz-Signature=ab';
		expect(correctedUrl(none, undefined)).toBe(none);
		// The stand-in is the one every redaction writes, so it reads the same wherever it is seen.
		expect(TOKEN_LEFT_OUT).toBe(PLACEHOLDERS.sessionToken);
	});

	it('the command line prints it under the finding', () => {
		const f = makeFinding('session-token-signed', { message: 'm', fix: 'f', corrected: { label: 'Corrected URL', value: 'wss://x/?a=1' } });
		expect(findingsText([f])).toContain('\n          Corrected URL: wss://x/?a=1\n');
	});
});
