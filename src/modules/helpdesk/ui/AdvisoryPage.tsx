import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
  Typography,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate, formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconMail } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import { type AdvisoryDetail, useAdvisory } from './helpdesk-api.ts';
import { SeverityBadge } from './parts.tsx';

export function AdvisoryPage() {
  const { orgId, id } = useParams();
  const { t } = useTranslation();
  const a = useAdvisory(`/api/v1/orgs/${orgId}/advisories/${id}`);
  return (
    <>
      <Anchor component={Link} to={`/orgs/${orgId}/advisories`} size="sm" mb="xs" display="inline-block">
        ← {t('helpdesk.advisories.back')}
      </Anchor>
      {a.isPending ? (
        <PageLoader />
      ) : a.isError ? (
        <ErrorAlert error={a.error} />
      ) : (
        <Stack gap="lg">
          <AdvisoryBody a={a.data} />
          {a.data.canForward ? <ForwardForm a={a.data} orgId={orgId ?? ''} /> : null}
        </Stack>
      )}
    </>
  );
}

/** The operator's advisories are public (the Atom feed links here). */
export function PublicAdvisoryPage() {
  const { id } = useParams();
  const a = useAdvisory(`/api/v1/advisories/${id}`);
  if (a.isPending) return <PageLoader />;
  if (a.isError) return <ErrorAlert error={a.error} />;
  return <AdvisoryBody a={a.data} />;
}

export function AdvisoryBody({ a }: { a: AdvisoryDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <PageHeader
        title={a.title}
        description={`${formatDate(a.publishedAt, lang)} · ${a.source === 'operator' ? t('helpdesk.advisories.fromOperator') : (a.sourceName ?? '')}`}
      />
      <Card withBorder padding="lg" component="article" aria-label={a.title}>
        <Group gap="xs" mb="md">
          <Text size="sm" fw={600}>
            {t('helpdesk.advisories.severity')}:
          </Text>
          <SeverityBadge severity={a.severity} />
        </Group>
        <Title order={2} size="h4" mb={4}>
          {t('helpdesk.advisories.affected')}
        </Title>
        <Text mb="lg" style={{ whiteSpace: 'pre-wrap' }}>
          {a.affected}
        </Text>
        <Title order={2} size="h4" mb={4}>
          {t('helpdesk.advisories.actions')}
        </Title>
        <Typography>
          {/* Rendered server-side by markdown-it with raw HTML disabled. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side (html: false) */}
          <div dangerouslySetInnerHTML={{ __html: a.actionsHtml }} />
        </Typography>
      </Card>
    </>
  );
}

interface Member {
  userId: string;
  name: string;
  email: string;
  role: string;
}

function ForwardForm({ a, orgId }: { a: AdvisoryDetail; orgId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const members = useQuery({
    queryKey: ['helpdesk', 'members', orgId],
    queryFn: () => api<{ members: Member[] }>(`/api/v1/orgs/${orgId}/members`),
  });
  const [to, setTo] = useState<'all' | 'members'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const others = (members.data?.members ?? []).filter((m) => m.userId !== me.data?.user.id);
  const send = useMutation({
    mutationFn: () =>
      api<{ sent: number }>(`/api/v1/orgs/${orgId}/advisories/${a.id}/forward`, {
        method: 'POST',
        body:
          to === 'all'
            ? { to, note: note.trim() || undefined }
            : { to, userIds: chosen, note: note.trim() || undefined },
      }),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: t('helpdesk.forward.sent', { count: r.sent }) });
      setNote('');
      setChosen([]);
      await qc.invalidateQueries({ queryKey: ['helpdesk', 'advisory'] });
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (to === 'members' && chosen.length === 0) {
      setError(t('helpdesk.forward.chooseSomeone'));
      return;
    }
    send.mutate();
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="adv-forward">
      <Title order={2} size="h4" id="adv-forward">
        {t('helpdesk.forward.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('helpdesk.forward.lead')}
      </Text>
      {a.forwards?.count ? (
        <Alert color="teal" variant="light" mb="md">
          {t('helpdesk.forward.already', {
            count: a.forwards.count,
            at: formatDateTime(a.forwards.lastAt, lang),
          })}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          {members.isError ? <ErrorAlert error={members.error} /> : null}
          <Radio.Group
            value={to}
            onChange={(v) => setTo(v as 'all' | 'members')}
            label={t('helpdesk.forward.to')}
          >
            <Stack gap="xs" mt={4}>
              <Radio value="all" label={t('helpdesk.forward.all', { count: others.length })} />
              <Radio value="members" label={t('helpdesk.forward.some')} />
            </Stack>
          </Radio.Group>
          {to === 'members' ? (
            <Checkbox.Group value={chosen} onChange={setChosen} label={t('helpdesk.forward.members')}>
              <Stack gap={6} mt={4}>
                {others.map((m) => (
                  <Checkbox
                    key={m.userId}
                    value={m.userId}
                    label={`${m.name}（${roleLabel(m.role, lang)}）`}
                    description={m.email}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          {others.length === 0 && members.isSuccess ? (
            <Text size="sm" c="dimmed">
              {t('helpdesk.forward.noMembers')}{' '}
              <Anchor component={Link} to={`/orgs/${orgId}/members`}>
                {t('helpdesk.forward.invite')}
              </Anchor>
            </Text>
          ) : null}
          <Textarea
            label={t('helpdesk.forward.note')}
            placeholder={t('helpdesk.forward.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              leftSection={<IconMail size={16} />}
              loading={send.isPending}
              disabled={others.length === 0}
            >
              {t('helpdesk.forward.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
