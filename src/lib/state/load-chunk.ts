import { appUpdate } from './app-update.svelte.ts';

/**
 * Loads a lazily split part of the page. After a deploy the host may no longer have the file this
 * page was built with: the page then says so and offers a reload, and the caller's promise rejects.
 */
export async function loadChunk<T>(load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (error) {
		appUpdate.fail(error);
		throw error;
	}
}
