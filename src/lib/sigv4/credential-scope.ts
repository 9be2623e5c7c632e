import { ALGORITHM, TERMINATOR } from './constants.ts';

export { ALGORITHM, TERMINATOR };

export function credentialScope(date: string, region: string, service: string): string {
	return `${date}/${region}/${service}/${TERMINATOR}`;
}
