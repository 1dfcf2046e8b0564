import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { AdminList } from './AdminList.tsx';

interface AuditEntry {
  id: string;
  at: string;
  actorEmail: string | null;
  orgId: string | null;
  orgName: string | null;
  action: string;
  target: string | null;
  ip: string | null;
}

export function AdminAuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const dash = (
    <Text c="dimmed" size="sm" span>
      —
    </Text>
  );
  return (
    <AdminList<AuditEntry>
      title={t('admin.audit.title')}
      description={t('admin.audit.lead')}
      endpoint="/api/v1/admin/audit"
      filterParam="action"
      filterLabel={t('admin.audit.filter')}
      filterPlaceholder="orgs.invite"
      minWidth={1000}
      columns={[
        {
          key: 'at',
          label: t('admin.audit.at'),
          render: (a) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(a.at, lang)}
            </Text>
          ),
        },
        { key: 'actor', label: t('admin.audit.actor'), render: (a) => a.actorEmail ?? dash },
        { key: 'org', label: t('admin.audit.org'), render: (a) => a.orgName ?? a.orgId ?? dash },
        {
          key: 'action',
          label: t('admin.audit.action'),
          render: (a) => <Code style={{ whiteSpace: 'nowrap' }}>{a.action}</Code>,
        },
        {
          key: 'target',
          label: t('admin.audit.target'),
          render: (a) =>
            a.target ? (
              <Text size="xs" ff="monospace">
                {a.target}
              </Text>
            ) : (
              dash
            ),
        },
        {
          key: 'ip',
          label: t('admin.audit.ip'),
          render: (a) =>
            a.ip ? (
              <Text size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {a.ip}
              </Text>
            ) : (
              dash
            ),
        },
      ]}
    />
  );
}
