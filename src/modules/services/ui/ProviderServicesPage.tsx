import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconPlus } from '../../../../web/src/icons.tsx';
import { ProviderGate, ProviderTabs } from './ProviderShell.tsx';
import { CheckSummaryText, StatusBadge, TierBadge, TypeBadge } from './parts.tsx';
import { canApply, type MyService, useMyServices } from './services-api.ts';

/** /orgs/:orgId/services — the provider's services and their review status. */
export function ProviderServicesPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <ProviderGate orgId={orgId} title={t('services.provider.title')}>
      {(org) => <ServiceList orgId={orgId} canEdit={canApply(org.role)} />}
    </ProviderGate>
  );
}

function ServiceList({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const list = useMyServices(orgId);
  return (
    <>
      <PageHeader
        title={t('services.provider.title')}
        description={t('services.provider.lead')}
        actions={
          canEdit ? (
            <Button component={Link} to={`/orgs/${orgId}/services/new`} leftSection={<IconPlus size={16} />}>
              {t('services.provider.new')}
            </Button>
          ) : null
        }
      />
      <ProviderTabs orgId={orgId} current="services" />
      {!canEdit ? (
        <Alert color="gray" variant="light" mb="md">
          {t('services.provider.readOnly')}
        </Alert>
      ) : null}
      {list.isPending ? (
        <Stack gap="sm">
          {[0, 1].map((i) => (
            <Skeleton key={i} h={110} radius="md" />
          ))}
        </Stack>
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap="sm">
            <Title order={2} size="h4">
              {t('services.provider.emptyTitle')}
            </Title>
            <Text c="dimmed" ta="center" maw={520}>
              {t('services.provider.emptyBody')}
            </Text>
            {canEdit ? (
              <Button
                component={Link}
                to={`/orgs/${orgId}/services/new`}
                leftSection={<IconPlus size={16} />}
              >
                {t('services.provider.new')}
              </Button>
            ) : null}
          </Stack>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((s) => (
            <ServiceRow key={s.id} orgId={orgId} service={s} />
          ))}
        </Stack>
      )}
    </>
  );
}

export function versionText(s: MyService, t: TFunction): string {
  const status = t(`services.status.${s.status}`);
  if (s.approvedVersion && s.currentVersion > s.approvedVersion)
    return t('services.provider.versionPublicAndNext', {
      approved: s.approvedVersion,
      current: s.currentVersion,
      status,
    });
  if (s.approvedVersion) return t('services.provider.versionPublic', { version: s.approvedVersion });
  return t('services.provider.version', { version: s.currentVersion });
}

function ServiceRow({ orgId, service: s }: { orgId: string; service: MyService }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = `/orgs/${orgId}/services/${s.id}`;
  return (
    <Card component="li" withBorder padding="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap={6}>
            <StatusBadge status={s.status} />
            <TierBadge tier={s.data.tier} />
            <TypeBadge type={s.data.type} />
          </Group>
          <Anchor component={Link} to={to} fw={700} size="lg" c="dark">
            {s.data.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {versionText(s, t)}・{t('services.provider.updated', { date: formatDateTime(s.updatedAt, lang) })}
          </Text>
          <CheckSummaryText items={s.checks} />
          {s.status === 'changes_requested' ? (
            <Text size="sm" c="orange.8" fw={600}>
              {t('services.provider.changesRequested')}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          {s.approvedVersion ? (
            <Button component={Link} to={`/services/${s.id}`} variant="subtle" size="sm">
              {t('services.provider.viewPublic')}
            </Button>
          ) : null}
          <Button
            component={Link}
            to={to}
            variant="light"
            size="sm"
            rightSection={<IconArrowRight size={14} />}
            aria-label={t('services.provider.openNamed', { name: s.data.name })}
          >
            {t('services.provider.open')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
