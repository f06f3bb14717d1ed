import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from './api/queries';
import { AppLayout } from './components/AppLayout';
import { RequireAuth } from './components/auth/RequireAuth';
import { CatalogPage } from './pages/CatalogPage';
import { cssVariablesResolver, theme } from './theme';

// Every page but the catalog (the landing page) is its own chunk, loaded when first visited.
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const ActivityPage = lazy(() => import('./pages/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const CertificationPage = lazy(() =>
  import('./pages/CertificationPage').then((m) => ({ default: m.CertificationPage })),
);
const CompetencyFrameworkPage = lazy(() =>
  import('./pages/CompetencyFrameworkPage').then((m) => ({ default: m.CompetencyFrameworkPage })),
);
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlanPrintPage = lazy(() => import('./pages/PlanPrintPage').then((m) => ({ default: m.PlanPrintPage })));
const ProgramComparePage = lazy(() =>
  import('./pages/ProgramComparePage').then((m) => ({ default: m.ProgramComparePage })),
);
const ProgramPage = lazy(() => import('./pages/ProgramPage').then((m) => ({ default: m.ProgramPage })));
const ProgramsPage = lazy(() => import('./pages/ProgramsPage').then((m) => ({ default: m.ProgramsPage })));
const QuickCheckPage = lazy(() =>
  import('./pages/QuickCheckPage').then((m) => ({ default: m.QuickCheckPage })),
);
const RecordPage = lazy(() => import('./pages/RecordPage').then((m) => ({ default: m.RecordPage })));
const SelfAssessmentPage = lazy(() =>
  import('./pages/SelfAssessmentPage').then((m) => ({ default: m.SelfAssessmentPage })),
);
const SignInPage = lazy(() => import('./pages/SignInPage').then((m) => ({ default: m.SignInPage })));
const StartPage = lazy(() => import('./pages/StartPage').then((m) => ({ default: m.StartPage })));
const SignUpPage = lazy(() => import('./pages/SignUpPage').then((m) => ({ default: m.SignUpPage })));

/** A page's chunk loading: the layout stays, a spinner stands in for the page. */
function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label="Loading the page" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <BrowserRouter>
          <Routes>
            <Route
              path="plan/print"
              element={
                <Page>
                  <PlanPrintPage />
                </Page>
              }
            />
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/certifications" replace />} />
              <Route path="certifications" element={<CatalogPage />} />
              <Route
                path="certifications/:id"
                element={
                  <Page>
                    <CertificationPage />
                  </Page>
                }
              />
              <Route
                path="programs"
                element={
                  <Page>
                    <ProgramsPage />
                  </Page>
                }
              />
              <Route
                path="programs/compare"
                element={
                  <Page>
                    <ProgramComparePage />
                  </Page>
                }
              />
              <Route
                path="programs/:id"
                element={
                  <Page>
                    <ProgramPage />
                  </Page>
                }
              />
              <Route
                path="competencies"
                element={
                  <Page>
                    <CompetencyFrameworkPage />
                  </Page>
                }
              />
              <Route
                path="quick-check"
                element={
                  <Page>
                    <QuickCheckPage />
                  </Page>
                }
              />
              <Route
                path="self-assessment"
                element={
                  <Page>
                    <SelfAssessmentPage />
                  </Page>
                }
              />
              <Route
                path="plan"
                element={
                  <Page>
                    <PlanPage />
                  </Page>
                }
              />
              <Route
                path="sign-in"
                element={
                  <Page>
                    <SignInPage />
                  </Page>
                }
              />
              <Route
                path="sign-up"
                element={
                  <Page>
                    <SignUpPage />
                  </Page>
                }
              />
              <Route element={<RequireAuth />}>
                <Route
                  path="account"
                  element={
                    <Page>
                      <AccountPage />
                    </Page>
                  }
                />
                <Route
                  path="activity"
                  element={
                    <Page>
                      <ActivityPage />
                    </Page>
                  }
                />
                <Route
                  path="dashboard"
                  element={
                    <Page>
                      <DashboardPage />
                    </Page>
                  }
                />
                <Route
                  path="record"
                  element={
                    <Page>
                      <RecordPage />
                    </Page>
                  }
                />
                <Route
                  path="record/import"
                  element={
                    <Page>
                      <ImportPage />
                    </Page>
                  }
                />
                <Route
                  path="start"
                  element={
                    <Page>
                      <StartPage />
                    </Page>
                  }
                />
              </Route>
              <Route
                path="*"
                element={
                  <Page>
                    <NotFoundPage />
                  </Page>
                }
              />
            </Route>
          </Routes>
        </BrowserRouter>
      </MantineProvider>
    </QueryClientProvider>
  );
}
