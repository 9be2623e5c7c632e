import { SESSION_TOKEN_HEADER, SESSION_TOKEN_QUERY_PARAM } from '../sigv4/index.ts';
import type { DiagnoseContext } from './context.ts';
import type { FindingList } from './finding-list.ts';
import type { Stage } from './types.ts';

/**
 * The correct request signs the session token and the user's does not: either the token was put
 * on the request after signing, or it is missing altogether. Services that expect the token
 * unsigned (signSessionToken: false, e.g. IoT) never get here: their correct request lacks it too.
 */
export function sessionTokenNotSigned(ctx: DiagnoseContext, list: FindingList, at: { stage: Stage; line?: number; where: string }): void {
	const inQuery = ctx.mode === 'query';
	const name = inQuery ? SESSION_TOKEN_QUERY_PARAM : SESSION_TOKEN_HEADER;
	const fields = { stage: at.stage, ...(at.line !== undefined ? { line: at.line } : {}) };
	const where = at.where[0]!.toUpperCase() + at.where.slice(1);
	if (ctx.tokenInRequest) {
		list.add(
			'session-token-added-after-signing',
			{
				...fields,
				message: `${where}: the request carries the session token, but it was added after signing.`,
				fix: inQuery
					? 'Add X-Amz-Security-Token to the query before signing, so it is part of the canonical query (S3 and most services).'
					: `Add the ${name} header before signing and list it in SignedHeaders.`
			},
			'session-token'
		);
	} else {
		list.add(
			'session-token-missing',
			{
				...fields,
				message: `${where}: the credentials are temporary (they come with a session token) and the token is not signed.`,
				fix: inQuery ? 'Add X-Amz-Security-Token=<token> to the query before signing.' : `Send the token in an ${name} header, and sign it.`
			},
			'session-token'
		);
	}
}
