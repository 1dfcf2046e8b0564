import { Button, Card, Group, ScrollArea, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconBuilding, IconFileText, IconList, IconMessage, IconSearch } from '../../../../web/src/icons.tsx';
import type { MeOrg } from '../../../../web/src/me.ts';
import { useMyOrg } from './services-api.ts';

export type ProviderTab = 'services' | 'requests' | 'directory';

/** The provider's own pages: 提供サービス / 問い合わせ / 事業者名簿への掲載. */
export function ProviderTabs({ orgId, current }: { orgId: string; current: ProviderTab }) {
  const { t } = useTranslation();
  const tabs: { id: ProviderTab; to: string; icon: ReactNode }[] = [
    { id: 'services', to: `/orgs/${orgId}/services`, icon: <IconList size={16} /> },
    { id: 'requests', to: `/orgs/${orgId}/service-requests`, icon: <IconMessage size={16} /> },
    { id: 'directory', to: `/orgs/${orgId}/directory`, icon: <IconFileText size={16} /> },
  ];
  return (
    <ScrollArea type="never" mb="lg">
      <Group gap={6} wrap="nowrap" component="nav" aria-label={t('services.provider.tabsLabel')}>
        {tabs.map((tab) => (
          <Button
            key={tab.id}
            component={Link}
            to={tab.to}
            variant={tab.id === current ? 'light' : 'subtle'}
            color={tab.id === current ? 'brand' : 'gray'}
            leftSection={tab.icon}
            aria-current={tab.id === current ? 'page' : undefined}
            size="sm"
          >
            {t(`services.provider.tabs.${tab.id}`)}
          </Button>
        ))}
      </Group>
    </ScrollArea>
  );
}

/** Renders `children(org)` for a provider organisation; SMEs get a friendly explanation instead. */
export function ProviderGate({
  orgId,
  title,
  children,
}: {
  orgId: string;
  title: string;
  children: (org: MeOrg) => ReactNode;
}) {
  const { me, org } = useMyOrg(orgId);
  if (me.isPending) return <PageLoader />;
  if (me.isError)
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={me.error} />
      </>
    );
  if (!org) {
    return (
      <>
        <PageHeader title={title} />
        <NotMember />
      </>
    );
  }
  if (org.kind !== 'provider')
    return (
      <>
        <PageHeader title={title} />
        <NotProvider orgName={org.name} />
      </>
    );
  return <>{children(org)}</>;
}

function NotMember() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" maw={720}>
      <Text>{t('services.provider.notMember')}</Text>
    </Card>
  );
}

export function NotProvider({ orgName }: { orgName: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" maw={760} component="section" aria-labelledby="not-provider-title">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <ThemeIcon size={44} radius="xl" variant="light" visibleFrom="xs">
          <IconBuilding size={24} />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Title order={2} size="h4" id="not-provider-title">
            {t('services.provider.smeTitle')}
          </Title>
          <Text size="sm">{t('services.provider.smeBody', { name: orgName })}</Text>
          <Text size="sm">{t('services.provider.smeFind')}</Text>
          <Group gap="sm" mt={4}>
            <Button component={Link} to="/services" leftSection={<IconSearch size={16} />}>
              {t('services.provider.smeFindButton')}
            </Button>
            <Button component={Link} to="/orgs/new" variant="default">
              {t('services.provider.smeRegister')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
