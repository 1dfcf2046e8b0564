import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight } from '../../../../web/src/icons.tsx';
import { MAX_COMPARE, useCompare } from './compare-store.ts';
import { prefectureText, TierBadge, TypeBadge } from './parts.tsx';
import { channelsText, insuranceText, minutesText, monitoringText, onsiteText } from './ServiceFacts.tsx';
import { hasDevices, hasNetwork, type PublicService, SERVICES_KEY, yen } from './services-api.ts';

/** /services/compare?ids=a,b,c — up to three registered services side by side. */
export function ComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  useDocumentTitle(t('services.compare.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const compare = useCompare();
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_COMPARE);
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: [...SERVICES_KEY, 'one', id],
      queryFn: () => api<PublicService>(`/api/v1/services/${id}`),
      retry: false,
    })),
  });
  const loading = results.some((r) => r.isPending);
  const error = results.find((r) => r.isError)?.error;
  const services = results.flatMap((r) => (r.data ? [r.data] : []));

  const removeColumn = (id: string) => {
    compare.remove(id);
    const rest = ids.filter((x) => x !== id);
    navigate(rest.length ? `/services/compare?ids=${rest.join(',')}` : '/services', { replace: true });
  };

  const min = (values: (number | null | undefined)[]) => {
    const nums = values.filter((v): v is number => typeof v === 'number');
    return nums.length > 1 ? Math.min(...nums) : null;
  };
  const lowNet = min(services.map((s) => (hasNetwork(s.data.type) ? s.data.monthlyNetworkFee : null)));
  const lowDev = min(services.map((s) => (hasDevices(s.data.type) ? s.data.monthlyFeePerDevice : null)));
  const price = (v: number | null | undefined, low: number | null, applies: boolean): ReactNode =>
    !applies || v == null ? (
      <Text size="sm" c="dimmed">
        {t('services.compare.notApplicable')}
      </Text>
    ) : (
      <Group gap={6} wrap="wrap">
        <Text fw={800} c="brand.8">
          {yen(v, lang)}
        </Text>
        {low !== null && v === low ? (
          <Badge color="teal" variant="light" size="sm" tt="none">
            {t('services.compare.lowest')}
          </Badge>
        ) : null}
      </Group>
    );

  const rows: { label: string; cell: (s: PublicService) => ReactNode }[] = [
    { label: t('services.compare.provider'), cell: (s) => s.providerName },
    { label: t('services.fields.tier'), cell: (s) => <TierBadge tier={s.data.tier} /> },
    { label: t('services.fields.type'), cell: (s) => t(`services.type.${s.data.type}`) },
    {
      label: t('services.price.network'),
      cell: (s) => price(s.data.monthlyNetworkFee, lowNet, hasNetwork(s.data.type)),
    },
    {
      label: t('services.price.device'),
      cell: (s) => price(s.data.monthlyFeePerDevice, lowDev, hasDevices(s.data.type)),
    },
    {
      label: t('services.price.initial'),
      cell: (s) =>
        s.data.initialFee
          ? yen(s.data.initialFee, lang)
          : s.data.initialFee === 0
            ? t('services.price.free')
            : '—',
    },
    {
      label: t('services.price.minDevices'),
      cell: (s) => t('services.facts.devices', { count: s.data.minDevices }),
    },
    {
      label: t('services.price.minTerm'),
      cell: (s) => t('services.facts.months', { count: s.data.minTermMonths }),
    },
    { label: t('services.fields.monitoredDevices'), cell: (s) => s.data.monitoredDevices },
    { label: t('services.fields.monitoringHours'), cell: (s) => monitoringText(s.data, t) },
    { label: t('services.fields.deskChannels'), cell: (s) => channelsText(s.data, t) },
    { label: t('services.fields.deskHours'), cell: (s) => s.data.deskHours },
    { label: t('services.fields.firstResponse'), cell: (s) => minutesText(s.data.firstResponseMinutes, t) },
    { label: t('services.facts.onsite'), cell: (s) => onsiteText(s.data, t) },
    { label: t('services.section.insurance'), cell: (s) => insuranceText(s.data, t, lang) },
    { label: t('services.fields.prefectures'), cell: (s) => prefectureText(s.data.prefectures, lang, t) },
  ];

  return (
    <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="lg">
        <Box>
          <Anchor component={Link} to="/services" size="sm">
            {t('services.service.back')}
          </Anchor>
          <Title order={1} size="h2" mt={4}>
            {t('services.compare.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('services.compare.lead')}
          </Text>
        </Box>
        {ids.length === 0 ? (
          <Card withBorder padding="xl">
            <Stack align="center" gap="sm">
              <Text c="dimmed" ta="center">
                {t('services.compare.empty')}
              </Text>
              <Button component={Link} to="/services">
                {t('services.compare.pick')}
              </Button>
            </Stack>
          </Card>
        ) : loading ? (
          <Skeleton h={480} radius="md" />
        ) : (
          <>
            {error ? <ErrorAlert error={error} title={t('services.compare.someMissing')} /> : null}
            <Card withBorder padding={0} radius="md">
              <Table.ScrollContainer minWidth={120 + services.length * 210}>
                <Table
                  layout="fixed"
                  verticalSpacing="sm"
                  horizontalSpacing="md"
                  striped
                  withColumnBorders
                  className="svc-compare"
                >
                  <Table.Caption ta="left" px="md">
                    {t('services.compare.caption')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" className="svc-compare-label">
                        <Text size="sm" c="dimmed">
                          {t('services.compare.item')}
                        </Text>
                      </Table.Th>
                      {services.map((s) => (
                        <Table.Th key={s.id} scope="col" style={{ verticalAlign: 'top' }}>
                          <Stack gap={4}>
                            <TypeBadge type={s.data.type} size="sm" />
                            <Anchor component={Link} to={`/services/${s.id}`} fw={700} lh={1.35}>
                              {s.data.name}
                            </Anchor>
                          </Stack>
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.label}>
                        <Table.Th scope="row" fw={600} fz="sm">
                          {r.label}
                        </Table.Th>
                        {services.map((s) => {
                          const v = r.cell(s);
                          return (
                            <Table.Td key={s.id} style={{ verticalAlign: 'top' }}>
                              {typeof v === 'string' ? (
                                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                                  {v}
                                </Text>
                              ) : (
                                v
                              )}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                    <Table.Tr>
                      <Table.Th scope="row">
                        <Text size="sm" c="dimmed">
                          {t('common.actions')}
                        </Text>
                      </Table.Th>
                      {services.map((s) => (
                        <Table.Td key={s.id}>
                          <Stack gap={6} align="flex-start">
                            <Button
                              component={Link}
                              to={`/services/${s.id}`}
                              size="compact-sm"
                              variant="light"
                              rightSection={<IconArrowRight size={12} />}
                              aria-label={t('services.card.moreNamed', { name: s.data.name })}
                            >
                              {t('services.card.more')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="gray"
                              onClick={() => removeColumn(s.id)}
                              aria-label={t('services.compare.removeNamed', { name: s.data.name })}
                            >
                              {t('services.compare.remove')}
                            </Button>
                          </Stack>
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Text size="xs" c="dimmed">
              {t('services.price.taxExcludedAll')}
            </Text>
          </>
        )}
      </Stack>
    </Container>
  );
}
