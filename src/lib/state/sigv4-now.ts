/** The datetime of this moment, in SigV4's form (20130524T000000Z). */
export function sigv4Now(): string {
	return new Date()
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}
