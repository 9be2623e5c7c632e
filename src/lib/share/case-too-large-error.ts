/**
 * Thrown (as a rejection) by encodeCase when the link would be larger than a link may be, since
 * such a link would not open. The message says so in plain words; the way out is a case file.
 */
export class CaseTooLargeError extends Error {
	readonly code = 'too-large';

	constructor(message: string) {
		super(message);
		this.name = 'CaseTooLargeError';
	}
}
