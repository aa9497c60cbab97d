import { lazy } from 'react';

/**
 * The sections of a case page below its status (the flow, clock, steps and timeline; the
 * documents), loaded once the status is drawn: a first visit waits for none of their code.
 */
export const CaseOverview = lazy(() => import('./case-overview').then((m) => ({ default: m.CaseOverview })));
export const DocumentsPanel = lazy(() => import('./documents-panel').then((m) => ({ default: m.DocumentsPanel })));
