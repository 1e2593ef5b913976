// Client-safe: the upload page refuses a bigger file before sending it, the route by its
// Content-Length, and storage while it arrives.

/** The largest file the import accepts: about a million contacts of a typical spreadsheet. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
