import type { TestApp } from './app.js';

/** Signs in through better-auth and returns the Cookie header an API client would send. */
export async function sessionHeaders(app: TestApp, user: { email: string; password: string }): Promise<Record<string, string>> {
  const response = await app.auth.api.signInEmail({ body: { email: user.email, password: user.password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed for ${user.email}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}
