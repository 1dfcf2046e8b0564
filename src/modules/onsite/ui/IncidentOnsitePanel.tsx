import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { useDispatches } from './onsite-api.ts';
import { DispatchBadge } from './parts.tsx';

/**
 * For the incident page (monitoring module): this incident's dispatches and the button to ask
 * for one. The server decides who may ask; the button only opens the request form.
 */
export function IncidentOnsitePanel({ orgId, incidentId }: { orgId: string; incidentId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useDispatches(orgId, { page: 1, incident: incidentId, pageSize: 10 });
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('onsite.incidentPanel.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('onsite.incidentPanel.title')}
      </Title>
      <Stack gap="sm">
        {(q.data?.items ?? []).length === 0 ? (
          <Text c="dimmed">{t('onsite.incidentPanel.none')}</Text>
        ) : (
          q.data?.items.map((d) => (
            <Group key={d.id} justify="space-between" wrap="wrap">
              <Anchor component={Link} to={`/orgs/${orgId}/onsite/dispatches/${d.id}`}>
                {formatDateTime(d.requestedAt, lang)}
              </Anchor>
              <DispatchBadge status={d.status} />
            </Group>
          ))
        )}
        <Group justify="flex-end">
          <Button component={Link} to={`/orgs/${orgId}/onsite/dispatches/new?incident=${incidentId}`}>
            {t('onsite.incidentPanel.request')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
