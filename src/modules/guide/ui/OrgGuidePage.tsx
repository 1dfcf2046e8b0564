import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  type CaseDetail,
  type CaseStatus,
  type CaseSummary,
  casesKey,
  PAGE_SIZE,
  useCases,
  useTopics,
} from './guide-api.ts';
import { EmergencyStrip, TopicCard } from './parts.tsx';

function CaseCard({ c, orgId }: { c: CaseSummary; orgId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pct = c.stepCount ? Math.round((c.doneCount / c.stepCount) * 100) : 0;
  return (
    <Card withBorder padding="md" radius="md" data-testid="guide-case-card">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/orgs/${orgId}/help/guide/cases/${c.id}`} fw={700}>
            {c.title}
          </Anchor>
          <Badge color={c.status === 'open' ? 'orange' : 'gray'} variant="light">
            {t(`guide.case.status.${c.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {c.topicTitle} · {t('guide.case.startedAt', { at: formatDateTime(c.createdAt, lang) })}
        </Text>
        <Progress
          value={pct}
          size="sm"
          aria-label={t('guide.case.progress', { done: c.doneCount, total: c.stepCount })}
        />
        <Text size="xs" c="dimmed">
          {t('guide.case.progress', { done: c.doneCount, total: c.stepCount })}
        </Text>
      </Stack>
    </Card>
  );
}

/** /orgs/:orgId/help/guide — the cases the organisation is handling, and starting a new one. */
export function OrgGuidePage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const wanted = search.get('topic');
  const incidentId = search.get('incident') ?? undefined;
  const [status, setStatus] = useState<CaseStatus>('open');
  const [page, setPage] = useState(1);
  const cases = useCases(orgId, status, page);
  const topics = useTopics();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async (topic: string) => {
    setStarting(topic);
    setError(null);
    try {
      const c = await api<CaseDetail>(`/api/v1/orgs/${orgId}/guide/cases`, {
        method: 'POST',
        body: { topic, ...(incidentId ? { incidentId } : {}) },
      });
      await qc.invalidateQueries({ queryKey: casesKey(orgId) });
      navigate(`/orgs/${orgId}/help/guide/cases/${c.id}`);
    } catch (err) {
      setError(err);
      setStarting(null);
    }
  };

  const ordered = topics.data
    ? [...topics.data].sort((a, b) => Number(b.id === wanted) - Number(a.id === wanted))
    : [];

  return (
    <Stack gap="lg">
      <PageHeader title={t('guide.org.title')} description={t('guide.org.lead')} />
      <EmergencyStrip />
      <section aria-labelledby="guide-cases">
        <Group justify="space-between" mb="sm" gap="sm">
          <Title order={2} size="h3" id="guide-cases">
            {t('guide.org.casesTitle')}
          </Title>
          <SegmentedControl
            value={status}
            onChange={(v) => {
              setStatus(v as CaseStatus);
              setPage(1);
            }}
            data={[
              { value: 'open', label: t('guide.case.status.open') },
              { value: 'closed', label: t('guide.case.status.closed') },
            ]}
          />
        </Group>
        {cases.isPending ? (
          <PageLoader />
        ) : cases.isError ? (
          <ErrorAlert error={cases.error} />
        ) : cases.data.items.length === 0 ? (
          <Text c="dimmed">{t(status === 'open' ? 'guide.org.noOpen' : 'guide.org.noClosed')}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {cases.data.items.map((c) => (
                <CaseCard key={c.id} c={c} orgId={orgId} />
              ))}
            </SimpleGrid>
            {cases.data.total > PAGE_SIZE ? (
              <Pagination
                mt="md"
                total={Math.ceil(cases.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
              />
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="guide-start">
        <Title order={2} size="h3" id="guide-start" mb={4}>
          {t('guide.org.startTitle')}
        </Title>
        <Text c="dimmed" mb="md">
          {t('guide.org.startLead')}
        </Text>
        {incidentId ? (
          <Alert color="blue" variant="light" mb="md">
            {t('guide.org.fromIncident')}
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
        {topics.isPending ? (
          <PageLoader />
        ) : topics.isError ? (
          <ErrorAlert error={topics.error} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {ordered.map((tp) => (
              <TopicCard
                key={tp.id}
                topic={tp}
                to={`/help/guide/${tp.id}`}
                action={
                  <Button
                    size="sm"
                    variant={tp.id === wanted ? 'filled' : 'light'}
                    loading={starting === tp.id}
                    disabled={starting !== null && starting !== tp.id}
                    onClick={() => void start(tp.id)}
                    aria-label={t('guide.org.startFor', { topic: tp.title })}
                  >
                    {t('guide.org.start')}
                  </Button>
                }
              />
            ))}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}
