/**
 * Accounts in the web app: the session, sign-in / sign-up / sign-out, password change, API tokens,
 * the audit log, account deletion and the calendar feed, as TanStack Query hooks over the API.
 *
 * Whenever the signed-in person changes (sign-in, sign-up, sign-out, deletion), every cached
 * answer that belongs to a person is dropped, so that nothing of one account is shown to the next.
 */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type { auditEventSchema, auditPageSchema } from '../../../src/server/audit/schema';
import type {
  changePasswordBodySchema,
  changePasswordResponseSchema,
  sessionProbeSchema,
  sessionResponseSchema,
  signInBodySchema,
  signUpBodySchema,
  userSchema,
} from '../../../src/server/auth/schema';
import type {
  apiTokenSchema,
  createdTokenSchema,
  createTokenBodySchema,
  tokenListSchema,
} from '../../../src/server/tokens/schema';
import { ApiError, downloadFile, getJson, sendJson, setCsrfToken } from './client';

export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionResponseSchema>;
export type SignInRequest = z.input<typeof signInBodySchema>;
export type SignUpRequest = z.input<typeof signUpBodySchema>;
export type ChangePasswordRequest = z.input<typeof changePasswordBodySchema>;
export type ChangePasswordResult = z.infer<typeof changePasswordResponseSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdTokenSchema>;
export type CreateTokenRequest = z.input<typeof createTokenBodySchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;

/** GET /api/me/calendar. */
export interface CalendarFeedStatus {
  enabled: boolean;
}
/** POST /api/me/calendar: the feed's secret address, shown once. */
export interface CalendarFeedCreated {
  url: string;
}

/** Password rules, as the server checks them (docs/security.md). */
export const passwordRules = { minLength: 10, maxLength: 200 } as const;

/** How many audit events one "load more" fetches. */
export const AUDIT_PAGE_SIZE = 25;

export const authKeys = {
  session: ['session'] as const,
  tokens: ['account', 'tokens'] as const,
  audit: ['account', 'audit'] as const,
  calendar: ['account', 'calendar'] as const,
};

/** Query keys whose answers are the same for everyone; every other cached answer is a person's. */
const publicKeys = new Set<unknown>(['catalog', 'certifications', 'certification']);

/** The session, or null when nobody is signed in (`user: null`; a 401 from an older server too). */
async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const probe = await getJson<z.infer<typeof sessionProbeSchema>>('/api/auth/session', signal);
    setCsrfToken(probe.user ? probe.csrfToken : null);
    return probe.user ? { user: probe.user, csrfToken: probe.csrfToken } : null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const authApi = {
  session: fetchSession,
  signIn: (body: SignInRequest) => sendJson<Session>('POST', '/api/auth/signin', body),
  signUp: (body: SignUpRequest) => sendJson<Session>('POST', '/api/auth/signup', body),
  signOut: () => sendJson('POST', '/api/auth/signout'),
  changePassword: (body: ChangePasswordRequest) =>
    sendJson<ChangePasswordResult>('POST', '/api/auth/password', body),
  listTokens: (signal?: AbortSignal) => getJson<z.infer<typeof tokenListSchema>>('/api/tokens', signal),
  createToken: (body: CreateTokenRequest) => sendJson<CreatedApiToken>('POST', '/api/tokens', body),
  revokeToken: (id: string) => sendJson('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
  audit: (before: string | undefined, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
    if (before) params.set('before', before);
    return getJson<AuditPage>(`/api/audit?${params}`, signal);
  },
  deleteAccount: (password: string) => sendJson('DELETE', '/api/account', { password }),
  updateSettings: (body: { timeZone: string | null }) => sendJson<User>('PATCH', '/api/account', body),
  calendarStatus: (signal?: AbortSignal) => getJson<CalendarFeedStatus>('/api/me/calendar', signal),
  enableCalendar: () => sendJson<CalendarFeedCreated>('POST', '/api/me/calendar'),
  disableCalendar: () => sendJson('DELETE', '/api/me/calendar'),
  downloadExport: () => downloadFile('/api/me/export', 'pathways-export.json'),
  downloadProfileFile: () => downloadFile('/api/me/profile.yaml', 'profile.yaml'),
};

/**
 * After the signed-in person changed: forgets every cached answer that was someone's (records,
 * dashboards, tokens, activity, ...) and stores the new session (null: signed out).
 */
export function switchIdentity(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session ? session.csrfToken : null);
  queryClient.removeQueries({
    predicate: (query) => !publicKeys.has(query.queryKey[0]) && query.queryKey[0] !== authKeys.session[0],
  });
  queryClient.setQueryData(authKeys.session, session);
}

/** Who is signed in: `data` is the session, null when signed out, undefined while loading. */
export function useSession() {
  return useQuery({
    queryKey: authKeys.session,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/** The signed-in user, or null (also while the session is loading). */
export function useCurrentUser(): User | null {
  return useSession().data?.user ?? null;
}

/**
 * Signs in. `onSignedIn` runs right after the new session is stored, in the same tick, so that a
 * navigation made there already sees the person signed in.
 */
export function useSignIn(options: { onSignedIn?: (session: Session) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.signIn,
    onSuccess: (session) => {
      switchIdentity(queryClient, session);
      options.onSignedIn?.(session);
    },
  });
}

/** Creates an account and signs it in; `onSignedIn` as for {@link useSignIn}. */
export function useSignUp(options: { onSignedIn?: (session: Session) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.signUp,
    onSuccess: (session) => {
      switchIdentity(queryClient, session);
      options.onSignedIn?.(session);
    },
  });
}

/**
 * Work to do once the next navigation has been shown (see {@link useAfterNavigation}): forgetting
 * the session must wait until the person has left a page that needs an account, else that page
 * would send them to sign in. React Router renders navigations as transitions, after the session
 * store's own update, so doing both at once is not enough.
 */
let afterNavigation: (() => void) | null = null;

function whenNavigated(work: () => void): void {
  afterNavigation = work;
  // Should the navigation not happen (same page), do it anyway.
  setTimeout(runAfterNavigation, 2000);
}

function runAfterNavigation(): void {
  const work = afterNavigation;
  afterNavigation = null;
  work?.();
}

/** Call where the location is known and always mounted (the header): runs work left for after a navigation. */
export function useAfterNavigation(locationKey: string): void {
  useEffect(() => runAfterNavigation(), [locationKey]);
}

/**
 * Signs out. A session that had already ended (401) counts as signed out too. `onSignedOut` runs
 * first, to navigate away from pages that need an account; the session is forgotten once that
 * navigation is shown (else those pages would send the person to the sign-in page).
 */
export function useSignOut(options: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await authApi.signOut();
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) throw e;
      }
    },
    onSuccess: () => {
      if (!options.onSignedOut) return switchIdentity(queryClient, null);
      whenNavigated(() => switchIdentity(queryClient, null));
      options.onSignedOut();
    },
  });
}

/**
 * Keeps the session honest: when any request answers 401 `unauthenticated` (the session expired or
 * was ended elsewhere), the session is read again, so pages that need an account ask to sign in.
 */
export function useSessionExpiryWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const check = (error: unknown) => {
      if (error instanceof ApiError && error.status === 401 && error.code === 'unauthenticated') {
        void queryClient.invalidateQueries({ queryKey: authKeys.session });
      }
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: authKeys.audit }),
  });
}

/** Saves account settings (the time zone); every date-based answer is fetched again. */
export function useUpdateAccountSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.updateSettings,
    onSuccess: (user) => {
      queryClient.setQueryData<Session | null | undefined>(authKeys.session, (session) =>
        session ? { ...session, user } : session,
      );
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== authKeys.session[0] });
    },
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: authKeys.tokens,
    queryFn: ({ signal }) => authApi.listTokens(signal),
    staleTime: 0,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.createToken,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: authKeys.tokens });
      void queryClient.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.revokeToken,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: authKeys.tokens });
      void queryClient.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

/** My audit log, newest first, a page at a time (`fetchNextPage` loads older events). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: authKeys.audit,
    queryFn: ({ pageParam, signal }) => authApi.audit(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
}

/**
 * Deletes the account; on success everything cached about it is dropped and nobody is signed in.
 * `onDeleted` runs first, as `onSignedOut` of {@link useSignOut}; the session is forgotten after.
 */
export function useDeleteAccount(options: { onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.deleteAccount,
    onSuccess: () => {
      if (!options.onDeleted) return switchIdentity(queryClient, null);
      whenNavigated(() => switchIdentity(queryClient, null));
      options.onDeleted();
    },
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: authKeys.calendar,
    queryFn: ({ signal }) => authApi.calendarStatus(signal),
    staleTime: 0,
  });
}

/** Turns the calendar feed on, or gives it a new address (the old one stops working). */
export function useEnableCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.enableCalendar,
    onSuccess: () => {
      queryClient.setQueryData<CalendarFeedStatus>(authKeys.calendar, { enabled: true });
      void queryClient.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useDisableCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.disableCalendar,
    onSuccess: () => {
      queryClient.setQueryData<CalendarFeedStatus>(authKeys.calendar, { enabled: false });
      void queryClient.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}
