import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import { type CaseDetail, caseKey, casesKey, useCase, useTopic } from './guide-api.ts';
import { DontBox, EmergencyStrip } from './parts.tsx';
import { TopicSteps } from './TopicSteps.tsx';

/** Whom to tell inside: the organisation's own people, and the お助け隊 provider serving it. */
function InsidePeople({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="sm" radius="md" mb="sm" bg="brand.0" data-testid="guide-inside-people">
      <Text fw={700} size="sm" mb={4}>
        {t('guide.case.peopleTitle')}
      </Text>
      <Stack gap={4}>
        {c.people.map((p) => (
          <Text key={p.email} size="sm">
            {t('guide.case.person', { name: p.name, role: roleLabel(p.role, lang) })}{' '}
            <Anchor href={`mailto:${p.email}`} size="sm">
              {p.email}
            </Anchor>
          </Text>
        ))}
        {c.providers.map((p) => (
          <Text key={p.name} size="sm">
            {t('guide.case.provider', { name: p.name })}
          </Text>
        ))}
        {c.providers.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('guide.case.noProvider')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** /orgs/:orgId/help/guide/cases/:caseId — work through the steps, keep notes, draft the IPA reports. */
export function CasePage() {
  const { orgId = '', caseId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const kase = useCase(orgId, caseId);
  const topic = useTopic(kase.data?.topic);
  const [notes, setNotes] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [savedNotes, setSavedNotes] = useState(false);
  const [pending, setPending] = useState<Map<string, boolean>>(new Map());

  useEffect(() => {
    if (kase.data && notes === null) setNotes(kase.data.notes);
  }, [kase.data, notes]);

  const apply = async (c: CaseDetail) => {
    qc.setQueryData([...caseKey(orgId, caseId), lang], c);
    await qc.invalidateQueries({ queryKey: casesKey(orgId) });
  };

  const call = async (method: 'PUT' | 'PATCH', path: string, body: unknown) => {
    setError(null);
    try {
      const c = await api<CaseDetail>(`/api/v1/orgs/${orgId}/guide/cases/${caseId}${path}`, { method, body });
      await apply(c);
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };

  if (kase.isPending) return <PageLoader />;
  if (kase.isError) return <ErrorAlert error={kase.error} />;
  const c = kase.data;
  const closed = c.status === 'closed';
  const done = new Map(c.steps.map((s) => [s.stepId, s]));
  const pct = c.stepCount ? Math.round((c.doneCount / c.stepCount) * 100) : 0;

  return (
    <Stack gap="lg" maw={920}>
      <Anchor component={Link} to={`/orgs/${orgId}/help/guide`} size="sm">
        ← {t('guide.case.back')}
      </Anchor>
      <PageHeader
        title={c.title}
        description={
          <>
            {c.title === c.topicTitle ? '' : `${c.topicTitle} · `}
            {t('guide.case.startedAt', { at: formatDateTime(c.createdAt, lang) })}
          </>
        }
        actions={
          <Button
            variant={closed ? 'light' : 'default'}
            onClick={() => void call('PATCH', '', { status: closed ? 'open' : 'closed' })}
          >
            {closed ? t('guide.case.reopen') : t('guide.case.close')}
          </Button>
        }
      />
      <Card withBorder padding="md" radius="md">
        <Group justify="space-between" mb={6}>
          <Badge color={closed ? 'gray' : 'orange'} variant="light">
            {t(`guide.case.status.${c.status}`)}
          </Badge>
          <Text size="sm" fw={700} data-testid="guide-case-progress">
            {t('guide.case.progress', { done: c.doneCount, total: c.stepCount })}
          </Text>
        </Group>
        <Progress value={pct} size="lg" color={pct === 100 ? 'teal' : 'brand'} />
      </Card>
      <ErrorAlert error={error} />
      {closed ? null : <EmergencyStrip />}
      {topic.isPending ? (
        <PageLoader />
      ) : topic.isError ? (
        <ErrorAlert error={topic.error} />
      ) : (
        <TopicSteps
          steps={topic.data.steps}
          afterFirst={<DontBox items={topic.data.dont} />}
          phaseLead={{ inside: <InsidePeople c={c} /> }}
          stepExtra={(step) =>
            step.referral?.id === 'ipa-report' && c.reports.length ? (
              <Group gap="sm">
                {c.reports.map((r) => (
                  <Button
                    key={r.id}
                    component={Link}
                    to={`/orgs/${orgId}/help/guide/cases/${caseId}/reports/${r.id}`}
                    variant="light"
                    size="sm"
                    styles={{ root: { height: 'auto', paddingBlock: 6 }, label: { whiteSpace: 'normal' } }}
                  >
                    {t('guide.case.openDraftOf', { title: r.title })}
                  </Button>
                ))}
              </Group>
            ) : null
          }
          ticks={{
            done,
            disabled: closed,
            pending,
            onToggle: async (stepId, d) => {
              setPending((m) => new Map(m).set(stepId, d));
              await call('PUT', `/steps/${stepId}`, { done: d });
              setPending((m) => {
                const next = new Map(m);
                next.delete(stepId);
                return next;
              });
            },
          }}
        />
      )}
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="guide-notes">
        <Title order={2} size="h4" id="guide-notes" mb={4}>
          {t('guide.case.notesTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('guide.case.notesLead')}
        </Text>
        <Textarea
          label={t('guide.case.notesLabel')}
          autosize
          minRows={5}
          maxLength={10000}
          value={notes ?? ''}
          disabled={closed}
          onChange={(e) => {
            setNotes(e.currentTarget.value);
            setSavedNotes(false);
          }}
        />
        <Group mt="sm" gap="sm">
          <Button
            disabled={closed || notes === c.notes}
            onClick={async () => {
              if (await call('PATCH', '', { notes: notes ?? '' })) setSavedNotes(true);
            }}
          >
            {t('guide.case.saveNotes')}
          </Button>
          {savedNotes ? (
            <Text size="sm" c="teal.8" role="status">
              {t('guide.case.notesSaved')}
            </Text>
          ) : null}
        </Group>
      </Card>
      {c.reports.length ? (
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="guide-reports">
          <Title order={2} size="h4" id="guide-reports" mb={4}>
            {t('guide.case.reportsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('guide.case.reportsLead')}
          </Text>
          <Stack gap="sm">
            {c.reports.map((r) => (
              <Group key={r.id} justify="space-between" gap="sm">
                <div>
                  <Text fw={700}>{r.title}</Text>
                  <Text size="xs" c="dimmed">
                    {r.savedAt
                      ? t('guide.report.savedAt', { at: formatDateTime(r.savedAt, lang) })
                      : t('guide.report.notSaved')}
                  </Text>
                </div>
                <Button
                  component={Link}
                  to={`/orgs/${orgId}/help/guide/cases/${caseId}/reports/${r.id}`}
                  variant="light"
                >
                  {t('guide.case.openDraft')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
