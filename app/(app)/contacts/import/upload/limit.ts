/** The largest file the import accepts: about a million contacts of a typical spreadsheet. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
