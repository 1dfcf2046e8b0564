import { useParams } from 'react-router';
import { useOrgOf } from './desk-api.ts';
import { QueuePage } from './QueuePage.tsx';
import { SmeDashboard } from './SmeDashboardPage.tsx';

/**
 * One address for "monitoring": a provider's own organisation gets its queue; an SME (seen by
 * its members or by its provider's staff) gets its at-hand dashboard.
 */
export function MonitoringHomePage() {
  const { orgId = '' } = useParams();
  const org = useOrgOf(orgId);
  return org?.kind === 'provider' ? <QueuePage orgId={orgId} /> : <SmeDashboard orgId={orgId} />;
}
