/** Percent-decodes without throwing: a malformed escape stays as written, the valid ones around it are decoded. */
export function safeDecode(text: string, plusIsSpace = false): string {
	const t = plusIsSpace ? text.replace(/\+/g, ' ') : text;
	try {
		return decodeURIComponent(t);
	} catch {
		return t.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
			try {
				return decodeURIComponent(run);
			} catch {
				return run;
			}
		});
	}
}
