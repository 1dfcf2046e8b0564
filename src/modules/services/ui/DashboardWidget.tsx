import { Badge, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { IconArrowRight, IconLifebuoy } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { StatusBadge } from './parts.tsx';
import { useMyServices, useServiceRequests } from './services-api.ts';

/** Dashboard of a provider organisation: its services' review status and the enquiries received. */
export function ProviderServicesWidget() {
  const { t } = useTranslation();
  const me = useMe();
  const org = activeOrg(me.data);
  const provider = org?.kind === 'provider';
  const services = useMyServices(org?.id, provider);
  const requests = useServiceRequests(org?.id, provider);
  if (!org || !provider) return null;
  const page = `/orgs/${org.id}/services`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="svc-widget-title">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h4" id="svc-widget-title">
          {t('services.widget.title')}
        </Title>
        <Button
          component={Link}
          to={page}
          variant="subtle"
          size="sm"
          rightSection={<IconArrowRight size={14} />}
        >
          {t('services.widget.open')}
        </Button>
      </Group>
      {services.isPending ? (
        <Skeleton h={60} />
      ) : services.isError ? (
        <ErrorAlert error={services.error} />
      ) : (
        <Group gap="md" align="flex-start" wrap="nowrap">
          <ThemeIcon size={48} radius="xl" variant="light" color="teal">
            <IconLifebuoy size={26} />
          </ThemeIcon>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            {services.data.items.length === 0 ? (
              <Text size="sm">{t('services.widget.none')}</Text>
            ) : (
              services.data.items.map((s) => (
                <Group key={s.id} gap="xs" wrap="nowrap">
                  <StatusBadge status={s.status} style={{ flexShrink: 0 }} />
                  <Text size="sm" fw={600} truncate>
                    {s.data.name}
                  </Text>
                </Group>
              ))
            )}
            {requests.data ? (
              <Group gap={6}>
                <Text size="sm">{t('services.widget.requests')}</Text>
                <Badge variant="light" color={requests.data.items.length ? 'blue' : 'gray'} tt="none">
                  {t('services.widget.requestCount', { count: requests.data.items.length })}
                </Badge>
              </Group>
            ) : null}
          </Stack>
        </Group>
      )}
    </Card>
  );
}
