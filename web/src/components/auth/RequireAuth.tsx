import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/auth';
import { PageLoader, QueryError } from '../QueryState';

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}

/**
 * Guards the pages below it (as a layout route): while the session loads it says so, and when
 * nobody is signed in it sends the person to /sign-in?next=<this page>.
 *
 * @example
 * <Route element={<RequireAuth />}>
 *   <Route path="account" element={<AccountPage />} />
 * </Route>
 */
export function RequireAuth({ children }: { children?: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader label="Checking your sign-in…" />;
  if (session.isError && session.data === undefined) {
    return (
      <QueryError
        title="Could not check your sign-in"
        error={session.error}
        onRetry={() => void session.refetch()}
      />
    );
  }
  if (!session.data) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return children ?? <Outlet />;
}
