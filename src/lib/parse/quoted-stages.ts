/** The stages a non-S3 service quotes in its SignatureDoesNotMatch / InvalidSignatureException message. */
export interface QuotedStages {
	canonicalRequest?: string;
	stringToSign?: string;
	/** Index of each marker in the message, for error positions. */
	canonicalAt?: number;
	stringToSignAt?: number;
	/** A marker whose quoted text never ends. */
	unterminated?: 'canonicalRequest' | 'stringToSign';
	/** Literal "\n" sequences were turned into line breaks. */
	unescaped?: boolean;
}

const CR_MARK = /The Canonical String for this request should have been(?:\s|\\n)*'/i;
const STS_MARK = /The String-to-Sign should have been(?:\s|\\n)*'/i;

export function hasQuotedStages(text: string): boolean {
	return CR_MARK.test(text) || STS_MARK.test(text);
}

/**
 * "…The Canonical String for this request should have been\n'POST\n/\n…'\n\nThe String-to-Sign
 * should have been\n'AWS4-HMAC-SHA256\n…'\n". A canonical request may itself contain "'", so each
 * quoted part ends at the last quote before the next marker (or the end), not at the first.
 */
export function quotedStages(message: string): QuotedStages {
	const out: QuotedStages = {};
	const cr = CR_MARK.exec(message);
	const sts = STS_MARK.exec(message);
	if (cr) {
		out.canonicalAt = cr.index;
		const from = cr.index + cr[0].length;
		const limit = sts && sts.index > from ? sts.index : message.length;
		const close = message.lastIndexOf("'", limit - 1);
		if (close >= from) out.canonicalRequest = message.slice(from, close);
		else {
			out.canonicalRequest = message.slice(from, limit).replace(/\s+$/, '');
			out.unterminated = 'canonicalRequest';
		}
	}
	if (sts) {
		out.stringToSignAt = sts.index;
		const from = sts.index + sts[0].length;
		const limit = cr && cr.index > from ? cr.index : message.length;
		const close = message.lastIndexOf("'", limit - 1);
		if (close >= from) out.stringToSign = message.slice(from, close);
		else {
			out.stringToSign = message.slice(from, limit).replace(/\s+$/, '');
			out.unterminated ??= 'stringToSign';
		}
	}
	// A message copied out of a log line keeps its escapes: "GET\\n/\\n…".
	for (const key of ['canonicalRequest', 'stringToSign'] as const) {
		const v = out[key];
		if (v !== undefined && !v.includes('\n') && v.includes('\\n')) {
			out[key] = v.replace(/\\r/g, '\r').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
			out.unescaped = true;
		}
	}
	return out;
}
