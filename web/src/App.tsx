import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from './api/queries';
import { AppLayout } from './components/AppLayout';
import { CatalogPage } from './pages/CatalogPage';
import { CertificationPage } from './pages/CertificationPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { QuickCheckPage } from './pages/QuickCheckPage';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <BrowserRouter>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/certifications" replace />} />
              <Route path="certifications" element={<CatalogPage />} />
              <Route path="certifications/:id" element={<CertificationPage />} />
              <Route path="quick-check" element={<QuickCheckPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </MantineProvider>
    </QueryClientProvider>
  );
}
