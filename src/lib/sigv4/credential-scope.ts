import { TERMINATOR } from './constants.ts';

export function credentialScope(date: string, region: string, service: string): string {
	return `${date}/${region}/${service}/${TERMINATOR}`;
}
