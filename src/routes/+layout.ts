// A static site: every page is prerendered with the example's stages in it, so the first screen
// shows a signature before any script runs; everything after that is computed in the browser.
export const ssr = true;
export const prerender = true;
