/** Reading a chosen profile file in the browser: size limit and read errors, worded for a person. */

/** The largest profile file accepted (the server's limit too). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type UploadText = { text: string } | { error: { message: string; issues: string[] } };

/** The file's text, or the problem to show when it is too large or cannot be read. */
export async function readUploadText(file: File): Promise<UploadText> {
  if (file.size > MAX_FILE_BYTES)
    return {
      error: {
        message: `${file.name} is ${file.size.toLocaleString('en-US')} bytes; a profile is at most 1 MB.`,
        issues: [],
      },
    };
  try {
    return { text: await file.text() };
  } catch {
    return { error: { message: `${file.name} could not be read.`, issues: [] } };
  }
}
