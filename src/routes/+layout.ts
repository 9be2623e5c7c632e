// A single static page: everything is computed in the browser, nothing on a server.
export const ssr = false;
export const prerender = true;
