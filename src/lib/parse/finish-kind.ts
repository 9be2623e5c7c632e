import type { ImportBuilder } from './import-builder.ts';

/** SigV2 evidence without SigV4 makes the paste a SigV2 request, whatever carried it. */
export function finishKind(b: ImportBuilder): void {
	// A query-protocol service's <ErrorResponse> (SNS, SQS, STS…) is not S3's <Error>.
	if ((b.kind === 's3-error-xml' || b.kind === 'service-error-text') && (b.xmlRoot === 'ErrorResponse' || b.xmlRoot === 'Response')) {
		b.kind = 'service-error-xml';
	}
	if (b.sigv2Fields && b.sigv2Fields.length > 0) {
		if (b.mode === undefined && b.kind !== 'post-form' && b.kind !== 's3-error-xml' && b.kind !== 'unknown') {
			if (b.kind !== 'sigv2-request') b.note(`Recognised as a Signature Version 2 request (${b.sigv2Fields.map(([n]) => n).join(', ')}).`);
			b.kind = 'sigv2-request';
		} else if (b.mode !== undefined) {
			b.note(
				`Signature Version 2 fields (${b.sigv2Fields.map(([n]) => n).join(', ')}) sit next to the SigV4 signature; AWS reads one or the other, never both.`
			);
		}
	}
	if (b.kind === 'sigv2-request' && !b.notes.some((n) => /Signature Version 2/.test(n))) {
		b.note(
			'Signature Version 2 is deprecated; S3 accepts only SigV4 in regions opened after January 2014 and for SSE-KMS. Sign with AWS4-HMAC-SHA256.'
		);
	}
	if ((b.kind === 'canonical-request' || b.kind === 'string-to-sign') && b.text.includes('\r\n')) {
		b.note('The text has CRLF (Windows) line endings; they are kept as pasted, since a signer that writes CRLF is a cause of mismatch.');
	}
}
