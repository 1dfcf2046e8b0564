import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconMail } from '../../../../web/src/icons.tsx';
import { ProviderGate, ProviderTabs } from './ProviderShell.tsx';
import { type ContactRequest, useServiceRequests } from './services-api.ts';

/** /orgs/:orgId/service-requests — SMEs who asked the provider to get in touch. */
export function ServiceRequestsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <ProviderGate orgId={orgId} title={t('services.requests.title')}>
      {() => <Requests orgId={orgId} />}
    </ProviderGate>
  );
}

function Requests({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const list = useServiceRequests(orgId);
  return (
    <>
      <PageHeader title={t('services.requests.title')} description={t('services.requests.lead')} />
      <ProviderTabs orgId={orgId} current="requests" />
      {list.isPending ? (
        <Stack gap="sm">
          {[0, 1].map((i) => (
            <Skeleton key={i} h={140} radius="md" />
          ))}
        </Stack>
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {t('services.requests.empty')}
          </Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </Stack>
      )}
    </>
  );
}

function RequestCard({ request: r }: { request: ContactRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = `req-${r.id}`;
  return (
    <Card component="li" withBorder padding="lg" radius="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Title order={2} size="h4" id={headingId}>
            {r.smeOrgName}
          </Title>
          <Text size="sm" c="dimmed">
            {t('services.requests.about')}{' '}
            <Anchor component={Link} to={`/services/${r.serviceId}`} size="sm">
              {r.serviceName || t('services.requests.unnamed')}
            </Anchor>
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt, lang)}
          </Text>
          {r.diagnosisTotal !== null ? (
            <Badge color="teal" variant="light" tt="none" size="lg">
              {t('services.requests.diagnosis', { total: r.diagnosisTotal })}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline" tt="none">
              {t('services.requests.noDiagnosis')}
            </Badge>
          )}
        </Stack>
      </Group>
      <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {r.message}
      </Text>
      <Group gap={6} mt="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {r.requesterName}
        </Text>
        <IconMail size={16} />
        <Anchor
          href={`mailto:${r.requesterEmail}?subject=${encodeURIComponent(
            t('services.requests.replySubject', { service: r.serviceName }),
          )}`}
          size="sm"
          aria-label={t('services.requests.mailNamed', { name: r.requesterName, email: r.requesterEmail })}
        >
          {r.requesterEmail}
        </Anchor>
      </Group>
    </Card>
  );
}
