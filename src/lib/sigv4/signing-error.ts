/** The input fields a signing error can point at. */
export type SigningField =
	| 'method'
	| 'url'
	| 'headers'
	| 'body'
	| 'accessKeyId'
	| 'secretAccessKey'
	| 'sessionToken'
	| 'region'
	| 'service'
	| 'datetime'
	| 'payloadHash'
	| 'signedHeaders'
	| 'expiresIn'
	| 'signingKey'
	| 'policy'
	| 'fields'
	| 'sseType'
	| 'sseCustomerKey'
	| 'sseKmsKeyId'
	| 'sseContext'
	| 'chunkSize'
	| 'trailers';

/**
 * Bad input to the signer. `message` says what is wrong, `fix` how to put it right,
 * `field` which input it is; `index` points at a header (0-based) or a character where useful.
 */
export class SigningError extends Error {
	readonly field: SigningField;
	readonly fix: string;
	readonly index?: number;

	constructor(field: SigningField, message: string, fix: string, index?: number) {
		super(message);
		this.name = 'SigningError';
		this.field = field;
		this.fix = fix;
		if (index !== undefined) this.index = index;
	}
}
