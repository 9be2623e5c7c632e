import type { Case } from '../case/case.ts';

/**
 * The one mapping between a case's fields and the keys a link stores them under. Short keys keep
 * a link short; the values (and the keys inside nested objects) are stored as they are, and the
 * compression takes care of their repetition. A key, once published, never changes meaning: a
 * new field gets a new key, and an old key is never reused.
 *
 * | link key | field               | link key | field               |
 * | -------- | ------------------- | -------- | ------------------- |
 * | r        | requestText         | n        | normalizePath       |
 * | a        | accessKeyId         | c        | contentSha256Header |
 * | s        | secretAccessKey     | o        | overrides           |
 * | t        | sessionToken        | x        | pasteText           |
 * | g        | region              | pv       | provided            |
 * | v        | service             | sv       | server              |
 * | d        | datetime            | f        | form                |
 * | m        | mode                | s2       | sigv2Fields         |
 * | e        | expiresIn           | w        | view                |
 * | h        | signedHeaders       |          |                     |
 * | p        | payload             | pt       | policyText          |
 * | u        | uriEscapePath       | pf       | postFields          |
 * | ph       | payloadHash         | og       | origins             |
 * | bf       | bodyFile            | ck       | chunked             |
 * | al       | algorithm           | rs       | regionSet           |
 */
export const SHORT_KEYS = {
	requestText: 'r',
	accessKeyId: 'a',
	secretAccessKey: 's',
	sessionToken: 't',
	region: 'g',
	algorithm: 'al',
	regionSet: 'rs',
	service: 'v',
	datetime: 'd',
	mode: 'm',
	expiresIn: 'e',
	signedHeaders: 'h',
	payload: 'p',
	uriEscapePath: 'u',
	normalizePath: 'n',
	contentSha256Header: 'c',
	overrides: 'o',
	pasteText: 'x',
	provided: 'pv',
	server: 'sv',
	form: 'f',
	sigv2Fields: 's2',
	view: 'w',
	policyText: 'pt',
	postFields: 'pf',
	origins: 'og',
	payloadHash: 'ph',
	bodyFile: 'bf',
	chunked: 'ck'
} as const satisfies Record<keyof Case, string>;
