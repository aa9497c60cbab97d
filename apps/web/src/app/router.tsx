import { createBrowserRouter, Navigate, Outlet, useLocation, type LoaderFunctionArgs } from 'react-router';
import { PageLoading } from '@/components/page-state';
import { RouteErrorPage } from '@/components/route-error-page';
import { currentToken, setTokenSource } from '@/lib/api/client';
import { requestDetailQuery } from '@/lib/api/queries';
import { queryClient } from '@/lib/api/query-client';
import { useAuth } from '@/lib/auth/auth-context';
import { tabAuthProvider } from '@/lib/auth/tab-auth-provider';
import { homeFor } from './navigation';

/**
 * Starts a request's data request while its page's code (and, on a first visit, the language strings) still
 * load, instead of after: the page finds its answer in the cache or on the way. Returns nothing, so the
 * route never waits for it; a failed prefetch is asked again by the page. On a first visit the session is
 * read from the tab before the app has rendered (the app sets the same token source when it does).
 */
function prefetchRequest(id: string | undefined): null {
  if (!id) return null;
  if (!currentToken()) {
    const session = tabAuthProvider().restore();
    if (!session) return null;
    setTokenSource(() => session.accessToken);
  }
  void queryClient.prefetchQuery(requestDetailQuery(id));
  return null;
}

/**
 * Client routes. None may start with an API route's first segment (`requests`, `work-queue`, `auth`, ...):
 * the API answers those itself, and serves this app for every other page load.
 */
function RequireSession() {
  const { session } = useAuth();
  const location = useLocation();
  // The page asked for, query included, is where signing in leads back to.
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? homeFor(session.user.role) : '/sign-in'} replace />;
}

/**
 * Every route has an error boundary: a page that fails shows what happened and a way on instead of the
 * router's developer screen. Inside the signed-in layout the failing page alone is replaced, so the
 * navigation stays.
 */
export const router = createBrowserRouter([
  {
    path: '/sign-in',
    lazy: () => import('@/features/auth/sign-in-page').then((m) => ({ Component: m.SignInPage })),
    HydrateFallback: PageLoading,
    ErrorBoundary: RouteErrorPage,
  },
  {
    path: '/sign-in/callback',
    lazy: () => import('@/features/auth/sign-in-callback-page').then((m) => ({ Component: m.SignInCallbackPage })),
    HydrateFallback: PageLoading,
    ErrorBoundary: RouteErrorPage,
  },
  {
    // Public: whoever holds an issued document checks it here without an account.
    path: '/verify/:code',
    lazy: () => import('@/features/verification/verify-page').then((m) => ({ Component: m.VerifyPage })),
    HydrateFallback: PageLoading,
  },
  {
    // Public: a consultee body answers through the link it was emailed, without an account.
    path: '/consultation/:token',
    lazy: () => import('@/features/register/consultation-page').then((m) => ({ Component: m.ConsultationPage })),
    HydrateFallback: PageLoading,
    ErrorBoundary: RouteErrorPage,
  },
  {
    // Public: the register of applications, for anyone without an account.
    path: '/register',
    HydrateFallback: PageLoading,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        index: true,
        lazy: () => import('@/features/register/register-page').then((m) => ({ Component: m.RegisterPage })),
      },
      {
        path: 'performance',
        lazy: () => import('@/features/register/performance-page').then((m) => ({ Component: m.PerformancePage })),
      },
      {
        path: ':reference/confirm',
        lazy: () => import('@/features/register/confirm-page').then((m) => ({ Component: m.ConfirmPage })),
      },
      {
        path: ':reference',
        lazy: () => import('@/features/register/application-page').then((m) => ({ Component: m.ApplicationPage })),
      },
    ],
  },
  {
    element: <RequireSession />,
    HydrateFallback: PageLoading,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        lazy: () => import('./layout').then((m) => ({ Component: m.AppLayout })),
        ErrorBoundary: RouteErrorPage,
        children: [
          {
            ErrorBoundary: RouteErrorPage,
            children: [
              { index: true, element: <Home /> },
              {
                path: 'my-requests',
                lazy: () =>
                  import('@/features/requests/my-requests-page').then((m) => ({ Component: m.MyRequestsPage })),
              },
              {
                path: 'my-requests/new',
                lazy: () =>
                  import('@/features/requests/new-request-page').then((m) => ({ Component: m.NewRequestPage })),
              },
              {
                path: 'my-requests/:id',
                loader: ({ params }: LoaderFunctionArgs) => prefetchRequest(params.id),
                lazy: () => import('@/features/requests/request-page').then((m) => ({ Component: m.RequestPage })),
              },
              {
                path: 'queue',
                lazy: () =>
                  import('@/features/work-queue/work-queue-page').then((m) => ({ Component: m.WorkQueuePage })),
              },
              {
                path: 'queue/:requestId/steps/:stepId',
                loader: ({ params }: LoaderFunctionArgs) => prefetchRequest(params.requestId),
                lazy: () => import('@/features/work-queue/step-page').then((m) => ({ Component: m.StepPage })),
              },
              {
                path: 'oversight',
                lazy: () =>
                  import('@/features/supervisor/oversight-page').then((m) => ({ Component: m.OversightPage })),
              },
              {
                path: 'auditing',
                lazy: () => import('@/features/audit/auditing-page').then((m) => ({ Component: m.AuditingPage })),
              },
              {
                path: 'auditing/:id',
                lazy: () => import('@/features/audit/audit-case-page').then((m) => ({ Component: m.AuditCasePage })),
              },
              {
                path: 'notification-settings',
                lazy: () =>
                  import('@/features/notifications/preferences-page').then((m) => ({ Component: m.PreferencesPage })),
              },
              {
                path: 'portfolio',
                lazy: () => import('@/features/projects/projects-page').then((m) => ({ Component: m.ProjectsPage })),
              },
              {
                path: 'portfolio/new',
                lazy: () =>
                  import('@/features/projects/new-project-page').then((m) => ({ Component: m.NewProjectPage })),
              },
              {
                path: 'portfolio/:id',
                lazy: () => import('@/features/projects/project-page').then((m) => ({ Component: m.ProjectPage })),
              },
              {
                path: 'processes',
                lazy: () => import('@/features/admin/processes-page').then((m) => ({ Component: m.ProcessesPage })),
              },
              {
                path: '*',
                lazy: () => import('@/components/not-found-page').then((m) => ({ Component: m.NotFoundPage })),
              },
            ],
          },
        ],
      },
    ],
  },
]);
