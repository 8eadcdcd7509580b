import { createContext, useContext } from 'react';
import type { Actor } from '#app/domain/accounts/actor.js';

/** What every page needs from the request: who is signed in, the CSRF token, where we are. */
export type PageContextValue = {
  actor: Actor | null;
  csrfToken: string;
  path: string;
  /** Unread notifications of the signed-in person (the "Berichten" menu item shows them). */
  unreadNotifications?: number;
};

export const PageContext = createContext<PageContextValue>({ actor: null, csrfToken: '', path: '/' });

export function usePage(): PageContextValue {
  return useContext(PageContext);
}
