import type { HttpRequest } from '../sigv4/index.ts';
import type { ImportBuilder } from './import-builder.ts';
import { importAppSyncRealtime, isAppSyncRealtimeUrl } from './appsync-realtime.ts';
import { addRequestEvidence } from './request-evidence.ts';

/** A URL alone: presigned (query auth) or one to sign. */
export function importUrl(b: ImportBuilder, url: string): void {
	if (isAppSyncRealtimeUrl(url)) return importAppSyncRealtime(b, url);
	const request: HttpRequest = { method: 'GET', url, headers: [] };
	b.request = request;
	b.kind = 'presigned-url';
	addRequestEvidence(b, request, 'the URL');
	if (b.mode === 'query')
		b.note('A URL alone does not say its method: it is imported as GET; change it if the URL was presigned for PUT or another method.');
	else {
		if (b.sigv2Fields) return;
		b.note('The URL carries no X-Amz-Signature: it is imported as a GET request to sign.');
	}
}
