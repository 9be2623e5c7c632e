/** The largest file the page takes as a body: S3's limit for one PUT. */
export const MAX_BODY_FILE_BYTES = 5 * 1024 ** 3;

/** Why a file cannot be the body, or undefined when the page takes it. */
export function bodyFileProblem(size: number): string | undefined {
	if (size <= MAX_BODY_FILE_BYTES) return undefined;
	return `The file is ${(size / 1024 ** 3).toFixed(2)} GB; a single PUT takes up to 5 GB (5,368,709,120 bytes). Larger objects go up in a multipart upload, each part signed on its own.`;
}
