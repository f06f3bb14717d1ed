import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from './api/queries';
import { AppLayout } from './components/AppLayout';
import { RequireAuth } from './components/auth/RequireAuth';
import { AccountPage } from './pages/AccountPage';
import { ActivityPage } from './pages/ActivityPage';
import { CatalogPage } from './pages/CatalogPage';
import { CertificationPage } from './pages/CertificationPage';
import { CompetencyFrameworkPage } from './pages/CompetencyFrameworkPage';
import { DashboardPage } from './pages/DashboardPage';
import { ImportPage } from './pages/ImportPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlanPage } from './pages/PlanPage';
import { PlanPrintPage } from './pages/PlanPrintPage';
import { ProgramComparePage } from './pages/ProgramComparePage';
import { ProgramPage } from './pages/ProgramPage';
import { ProgramsPage } from './pages/ProgramsPage';
import { QuickCheckPage } from './pages/QuickCheckPage';
import { RecordPage } from './pages/RecordPage';
import { SelfAssessmentPage } from './pages/SelfAssessmentPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { StartPage } from './pages/StartPage';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <BrowserRouter>
          <Routes>
            <Route path="plan/print" element={<PlanPrintPage />} />
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/certifications" replace />} />
              <Route path="certifications" element={<CatalogPage />} />
              <Route path="certifications/:id" element={<CertificationPage />} />
              <Route path="programs" element={<ProgramsPage />} />
              <Route path="programs/compare" element={<ProgramComparePage />} />
              <Route path="programs/:id" element={<ProgramPage />} />
              <Route path="competencies" element={<CompetencyFrameworkPage />} />
              <Route path="quick-check" element={<QuickCheckPage />} />
              <Route path="self-assessment" element={<SelfAssessmentPage />} />
              <Route path="plan" element={<PlanPage />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="sign-up" element={<SignUpPage />} />
              <Route element={<RequireAuth />}>
                <Route path="account" element={<AccountPage />} />
                <Route path="activity" element={<ActivityPage />} />
                <Route path="dashboard" element={<DashboardPage />} />
                <Route path="record" element={<RecordPage />} />
                <Route path="record/import" element={<ImportPage />} />
                <Route path="start" element={<StartPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </MantineProvider>
    </QueryClientProvider>
  );
}
