import { SigningError } from '../sigv4/index.ts';

/** An error as it crosses postMessage: a SigningError keeps the input it points at and its fix. */
export interface SerializedError {
	name: string;
	message: string;
	field?: SigningError['field'];
	fix?: string;
	index?: number;
}

export function serializeError(e: unknown): SerializedError {
	if (e instanceof SigningError) {
		const out: SerializedError = { name: e.name, message: e.message, field: e.field, fix: e.fix };
		if (e.index !== undefined) out.index = e.index;
		return out;
	}
	return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}

/** The error back on this side: a SigningError again where it was one. */
export function deserializeError(e: SerializedError): Error {
	if (e.name === 'SigningError' && e.field) return new SigningError(e.field, e.message, e.fix ?? '', e.index);
	return Object.assign(new Error(e.message), { name: e.name });
}
