export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';

export function credentialScope(date: string, region: string, service: string): string {
	return `${date}/${region}/${service}/${TERMINATOR}`;
}
