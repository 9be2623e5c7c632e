import type { Header, HttpRequest } from '../sigv4/index.ts';
import { hasQuotedStages } from './quoted-stages.ts';
import { addXmlErrorBody } from './error-body.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addPostFormFields, readMultipart } from './post-form.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { addServiceErrorMessage } from './service-error.ts';
import type { FormField, HarEntrySummary } from './types.ts';

interface HarHeader {
	name?: unknown;
	value?: unknown;
}
interface HarEntry {
	startedDateTime?: unknown;
	request?: {
		method?: unknown;
		url?: unknown;
		headers?: unknown;
		postData?: { text?: unknown; params?: unknown; mimeType?: unknown };
	};
	response?: { status?: unknown; content?: { text?: unknown; encoding?: unknown } };
}

export function isHar(value: unknown): value is { log: { entries: unknown[] } } {
	if (!value || typeof value !== 'object') return false;
	const log = (value as { log?: unknown }).log;
	return !!log && typeof log === 'object' && Array.isArray((log as { entries?: unknown }).entries);
}

function str(v: unknown): string {
	return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function headersOf(entry: HarEntry): Header[] {
	const raw = entry.request?.headers;
	if (!Array.isArray(raw)) return [];
	return raw.filter((h): h is HarHeader => !!h && typeof h === 'object').map((h): Header => [str(h.name), str(h.value)]);
}

function isSigned(entry: HarEntry): boolean {
	const auth = headersOf(entry).find(([n]) => n.toLowerCase() === 'authorization')?.[1] ?? '';
	return /^\s*AWS4-/i.test(auth) || /[?&]X-Amz-Signature=/i.test(str(entry.request?.url));
}

/**
 * Imports one entry of a HAR file. Without a choice, it takes the first signed request that
 * failed (status ≥ 400), else the first signed one, else the first: the one a person debugging
 * SignatureDoesNotMatch is after. Every entry is listed in `entries` so a UI can offer the rest.
 */
export function importHar(b: ImportBuilder, har: { log: { entries: unknown[] } }, choice: number | undefined): void {
	const entries = har.log.entries.map((e) => (e && typeof e === 'object' ? (e as HarEntry) : {}));
	const summaries: HarEntrySummary[] = entries.map((e, index) => {
		const s: HarEntrySummary = { index, method: str(e.request?.method) || 'GET', url: str(e.request?.url), signed: isSigned(e) };
		const status = e.response?.status;
		if (typeof status === 'number' && Number.isFinite(status) && status > 0) s.status = status;
		return s;
	});
	b.entries = summaries;
	if (entries.length === 0) {
		b.error(
			b.locate('"entries"'),
			'The HAR file has no entries.',
			'Record the failing request in DevTools → Network, then "Save all as HAR".'
		);
		return;
	}
	let index: number;
	let why: string;
	if (choice !== undefined) {
		if (Number.isInteger(choice) && choice >= 0 && choice < entries.length) {
			index = choice;
			why = 'as asked';
		} else {
			b.error(
				b.locate('"entries"'),
				`There is no entry ${Number.isInteger(choice) ? choice : `"${String(choice).slice(0, 20)}"`} in this HAR file: it has entries 0 to ${entries.length - 1}.`,
				'Choose one of the listed entries.'
			);
			return;
		}
	} else {
		const failed = summaries.findIndex((s) => s.signed && (s.status ?? 0) >= 400);
		const signed = summaries.findIndex((s) => s.signed);
		index = failed !== -1 ? failed : signed !== -1 ? signed : 0;
		why =
			failed !== -1
				? 'the first signed request that failed'
				: signed !== -1
					? 'the first with an AWS signature'
					: 'none is signed with SigV4';
	}
	const summary = summaries[index]!;
	const entry = entries[index]!;
	b.note(`HAR: entry ${index + 1} of ${entries.length} chosen (${why}): ${summary.method} ${summary.url}.`);
	const signedCount = summaries.filter((s) => s.signed).length;
	if (signedCount > 1) b.note(`${signedCount} entries of this HAR carry a SigV4 signature; the others can be chosen from the list.`);

	const at = b.locate(JSON.stringify(summary.url).slice(1, 60), b.locate('"entries"'));
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(summary.url)) {
		b.error(at, `Entry ${index + 1} has no absolute URL.`, 'Export the HAR again from the browser.');
		return;
	}
	const all = headersOf(entry);
	const pseudo = all.filter(([n]) => n.startsWith(':'));
	const headers = all.filter(([n]) => !n.startsWith(':'));
	if (pseudo.length > 0)
		b.note(`HTTP/2 pseudo-headers (${pseudo.map(([n]) => n).join(', ')}) are left out; the URL carries the same information.`);
	const request: HttpRequest = { method: summary.method, url: summary.url, headers };
	const post = entry.request?.postData;
	const bodyText = str(post?.text);
	if (bodyText !== '') request.body = bodyText;
	b.request = request;
	const sent = new Date(str(entry.startedDateTime));
	if (str(entry.startedDateTime) !== '' && !Number.isNaN(sent.getTime()))
		b.sentAt = sent
			.toISOString()
			.replace(/[-:]/g, '')
			.replace(/\.\d{3}/, '');

	const params: FormField[] = Array.isArray(post?.params)
		? post.params.filter((p): p is HarHeader => !!p && typeof p === 'object').map((p): FormField => [str(p.name), str(p.value)])
		: [];
	addPostFormFields(b, params.length > 0 ? params : readMultipart(bodyText), 'the HAR entry');
	addRequestEvidence(b, request, 'the HAR entry', at);

	// The response of the failing request often carries the server's side of the story.
	const content = entry.response?.content;
	let responseText = str(content?.text);
	if (responseText !== '' && str(content?.encoding) === 'base64') {
		try {
			responseText = new TextDecoder().decode(Uint8Array.from(atob(responseText), (c) => c.charCodeAt(0)));
		} catch {
			responseText = '';
		}
	}
	if (responseText !== '') addResponseBody(b, responseText, summary.status);
}

/** The error in a response body (XML or JSON), read into `server`; positions point at the entry. */
function addResponseBody(b: ImportBuilder, body: string, status: number | undefined): void {
	const xml = body.search(/<(\?xml|Error\b|ErrorResponse\b)/);
	const at = b.locate(JSON.stringify(body.slice(0, 30)).slice(1, -1), 0);
	if (xml !== -1 && /<Code>/.test(body)) addXmlErrorBody(b, body, xml, () => at);
	else if (hasQuotedStages(body) || /"(?:__type|code|message)"/i.test(body)) {
		addServiceErrorMessage(b, body, () => at);
	} else return;
	b.note(
		`The response${status ? ` (${status})` : ''} of this entry carries the server's error${b.server.code ? ` ${b.server.code}` : ''}.`
	);
}
