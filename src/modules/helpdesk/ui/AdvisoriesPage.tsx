import {
  Anchor,
  Box,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { FormCard } from '../../../../web/src/components/FormCard.tsx';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { type AdvisorySummary, SEVERITIES, type Severity, useAdvisories } from './helpdesk-api.ts';
import { Pager, SeverityBadge, useMembership } from './parts.tsx';

/** /orgs/:orgId/advisories: what an SME has received, or what a provider has sent to its customers. */
export function AdvisoriesPage() {
  const { orgId } = useParams();
  const org = useMembership(orgId);
  const { t } = useTranslation();
  if (!org) return <PageLoader />;
  const provider = org.kind === 'provider';
  return (
    <>
      <PageHeader
        title={t(provider ? 'helpdesk.advisories.titleProvider' : 'helpdesk.advisories.title')}
        description={t(
          provider
            ? 'helpdesk.advisories.leadProvider'
            : org.role === 'owner'
              ? 'helpdesk.advisories.leadOwner'
              : 'helpdesk.advisories.lead',
        )}
      />
      <Stack gap="lg">
        {provider ? <PublishForm url={`/api/v1/orgs/${org.id}/advisories`} audience="customers" /> : null}
        <AdvisoryList url={`/api/v1/orgs/${org.id}/advisories`} linkBase={`/orgs/${org.id}/advisories`} />
      </Stack>
    </>
  );
}

export function AdminAdvisoriesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('helpdesk.advisories.titleOperator')}
        description={t('helpdesk.advisories.leadOperator')}
      />
      <Stack gap="lg">
        <PublishForm url="/api/v1/admin/advisories" audience="everyone" />
        <AdvisoryList url="/api/v1/advisories" linkBase="/advisories" />
      </Stack>
    </>
  );
}

function AdvisoryList({ url, linkBase }: { url: string; linkBase: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const severity = params.get('severity') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAdvisories(url, { severity, page });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="adv-list">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Title order={2} size="h4" id="adv-list">
          {t('helpdesk.advisories.list')}
        </Title>
        <Select
          label={t('helpdesk.advisories.severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`helpdesk.severity.${s}`) }))}
          value={severity ?? null}
          onChange={(v) => set('severity', v)}
          placeholder={t('helpdesk.list.any')}
          clearable
          w={180}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('helpdesk.advisories.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((a) => (
            <AdvisoryRow key={a.id} a={a} to={`${linkBase}/${a.id}`} />
          ))}
          <Pager
            total={list.data.total}
            pageSize={list.data.pageSize}
            page={page}
            onChange={(p) => set('page', String(p))}
          />
        </Stack>
      )}
    </Card>
  );
}

function AdvisoryRow({ a, to }: { a: AdvisorySummary; to: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Box
      p="sm"
      style={{
        borderLeft: `4px solid var(--mantine-color-${a.severity === 'critical' ? 'red' : a.severity === 'high' ? 'orange' : 'gray'}-5)`,
        borderRadius: 4,
        background: 'var(--mantine-color-gray-light)',
      }}
    >
      <Group gap="xs" mb={4}>
        <SeverityBadge severity={a.severity} />
        <Text size="xs" c="dimmed">
          {formatDate(a.publishedAt, lang)} ·{' '}
          {a.source === 'operator' ? t('helpdesk.advisories.fromOperator') : (a.sourceName ?? '')}
        </Text>
      </Group>
      <Anchor component={Link} to={to} fw={700}>
        {a.title}
      </Anchor>
      <Text size="sm" c="dimmed" lineClamp={2}>
        {t('helpdesk.advisories.affected')}: {a.affected}
      </Text>
    </Box>
  );
}

function PublishForm({ url, audience }: { url: string; audience: 'customers' | 'everyone' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = { title: '', severity: 'high' as Severity, affected: '', actions: '' };
  const [v, setV] = useState(empty);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: () => api<{ id: string }>(url, { method: 'POST', body: v }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t(`helpdesk.publish.done.${audience}`) });
      setV(empty);
      setFields({});
      await qc.invalidateQueries({ queryKey: ['helpdesk', 'advisories'] });
    },
    onError: (err) => {
      setFields(err instanceof ApiError ? err.fields : {});
      setError(errorMessage(err));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const f: Record<string, string> = {};
    for (const k of ['title', 'affected', 'actions'] as const) {
      if (!v[k].trim()) f[k] = t('helpdesk.publish.required');
    }
    setFields(f);
    if (Object.keys(f).length === 0) publish.mutate();
  };
  return (
    <FormCard
      id="adv-publish"
      title={t('helpdesk.publish.title')}
      lead={t(`helpdesk.publish.lead.${audience}`)}
      onSubmit={submit}
      error={error}
      gap="sm"
      actions={
        <Button type="submit" loading={publish.isPending}>
          {t('helpdesk.publish.submit')}
        </Button>
      }
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('helpdesk.publish.titleField')}
          value={v.title}
          onChange={(e) => {
            setV({ ...v, title: e.currentTarget.value });
            setFields({ ...fields, title: '' });
          }}
          error={fields.title || undefined}
          maxLength={200}
          required
          style={{ flex: '3 1 280px' }}
        />
        <Select
          label={t('helpdesk.advisories.severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`helpdesk.severity.${s}`) }))}
          value={v.severity}
          onChange={(s) => setV({ ...v, severity: (s ?? 'high') as Severity })}
          allowDeselect={false}
          style={{ flex: '1 1 160px' }}
        />
      </Group>
      <Textarea
        label={t('helpdesk.publish.affected')}
        description={t('helpdesk.publish.affectedHint')}
        value={v.affected}
        onChange={(e) => {
          setV({ ...v, affected: e.currentTarget.value });
          setFields({ ...fields, affected: '' });
        }}
        error={fields.affected || undefined}
        autosize
        minRows={2}
        maxLength={2000}
        required
      />
      <Textarea
        label={t('helpdesk.publish.actions')}
        description={t('helpdesk.publish.actionsHint')}
        value={v.actions}
        onChange={(e) => {
          setV({ ...v, actions: e.currentTarget.value });
          setFields({ ...fields, actions: '' });
        }}
        error={fields.actions || undefined}
        autosize
        minRows={5}
        maxLength={10000}
        required
      />
    </FormCard>
  );
}
