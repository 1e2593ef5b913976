/** Where a server action or page redirected to (Next throws the redirect), or null when it did not. */
export async function redirectTarget(promise: Promise<unknown>): Promise<string | null | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { digest?: string }).digest?.split(";")[2];
  }
  return null;
}
