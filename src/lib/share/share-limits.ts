/**
 * How large a link may be. Browsers and chat apps cope with far longer addresses than a typical
 * case needs (the example's link is a few dozen characters); the cap stops a hostile link from
 * making the page decode megabytes. Cases this size belong in a file.
 */
export const MAX_FRAGMENT_LENGTH = 200_000;

/**
 * How large a link's case may be once unpacked (bytes of UTF-8 JSON). The decoder stops as soon
 * as the unpacked data passes this, so a compression bomb costs at most this much memory.
 */
export const MAX_CASE_BYTES = 1024 * 1024;

/** How large a case file may be, in characters: room for a link-sized case written out in full, pretty-printed. */
export const MAX_CASE_FILE_CHARS = 10 * 1024 * 1024;
