import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconCheck, IconFileText, IconPlus } from '../../../../web/src/icons.tsx';
import {
  type ConsultationDetail,
  consultationBase,
  formatSize,
  type Message,
  uploadAttachment,
  useConsultation,
  useDeskInfo,
} from './helpdesk-api.ts';
import { checkFiles } from './NewConsultationPage.tsx';
import { ClockLine, OverdueBadge, PriorityBadge, StatusBadge } from './parts.tsx';

export function ConsultationPage() {
  const { orgId, id } = useParams();
  return (
    <Thread
      base={consultationBase({ orgId: orgId ?? '', id: id ?? '' })}
      back={`/orgs/${orgId}/consultations`}
    />
  );
}

export function AdminConsultationPage() {
  const { id } = useParams();
  return <Thread base={consultationBase({ orgId: null, id: id ?? '' })} back="/admin/helpdesk" />;
}

function Thread({ base, back }: { base: string; back: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = useConsultation(base);
  if (c.isPending) return <PageLoader />;
  if (c.isError)
    return (
      <>
        <PageHeader title={t('helpdesk.thread.title')} />
        <ErrorAlert error={c.error} />
      </>
    );
  const d = c.data;
  const side = d.viewer.side;
  return (
    <>
      <Anchor component={Link} to={back} size="sm" mb="xs" display="inline-block">
        ← {t('helpdesk.thread.back')}
      </Anchor>
      <PageHeader
        title={d.subject}
        docTitle={`#${d.ref} ${d.subject}`}
        description={`#${d.ref} · ${d.categoryTitle} · ${side === 'desk' ? `${d.orgName} · ` : ''}${formatDateTime(d.createdAt, lang)}`}
      />
      <Stack gap="lg">
        <Card withBorder padding="md" component="section" aria-label={t('helpdesk.thread.state')}>
          <Group gap="sm" mb="xs">
            <StatusBadge status={d.status} side={side} />
            <PriorityBadge priority={d.priority} />
            {d.overdue ? <OverdueBadge /> : null}
          </Group>
          <Text size="sm" mb="xs">
            {t(`helpdesk.thread.explain.${side}.${d.status}`)}
          </Text>
          <Stack gap={2}>
            <ClockLine label={t('helpdesk.sla.firstResponse')} clock={d.firstResponse} />
            <ClockLine label={t('helpdesk.sla.resolution')} clock={d.resolution} />
          </Stack>
        </Card>

        <Stack gap="sm" component="section" aria-label={t('helpdesk.thread.messages')}>
          <Bubble
            m={{
              id: 'desc',
              side: 'customer',
              authorName: d.openedBy,
              body: d.description,
              status: null,
              createdAt: d.createdAt,
            }}
            viewerSide={side}
          />
          {d.messages.map((m) => (
            <Bubble key={m.id} m={m} viewerSide={side} />
          ))}
        </Stack>

        <Attachments d={d} base={base} />
        {d.viewer.canReply ? <ReplyForm d={d} base={base} /> : null}
        {d.status === 'closed' ? (
          <Alert color="gray" variant="light">
            {t('helpdesk.thread.closedNote')}
          </Alert>
        ) : null}
        {d.viewer.canClose ? <CloseButton d={d} base={base} /> : null}
      </Stack>
    </>
  );
}

function Bubble({ m, viewerSide }: { m: Message; viewerSide: 'customer' | 'desk' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mine = m.side === viewerSide;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg={m.side === 'desk' ? 'var(--mantine-color-blue-light)' : undefined}
      ml={mine ? { base: 0, sm: 48 } : 0}
      mr={mine ? 0 : { base: 0, sm: 48 }}
      data-side={m.side}
    >
      <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
        <Text size="sm" fw={700}>
          {m.authorName}
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            · {t(`helpdesk.thread.sideLabel.${m.side}`)}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(m.createdAt, lang)}
        </Text>
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
      {m.status && m.side === 'desk' && m.status !== 'answered' ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t('helpdesk.thread.movedTo', { status: t(`helpdesk.status.${viewerSide}.${m.status}`) })}
        </Text>
      ) : null}
    </Paper>
  );
}

function Attachments({ d, base }: { d: ConsultationDetail; base: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const info = useDeskInfo();
  const add = useMutation({
    mutationFn: async (files: File[]) => {
      const problem = info.data ? checkFiles(files, info.data, t) : null;
      if (problem) throw new Error(problem);
      for (const f of files) await uploadAttachment(base, f);
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('helpdesk.files.added') });
      await qc.invalidateQueries({ queryKey: ['helpdesk', 'detail', base] });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  if (d.attachments.length === 0 && !d.viewer.canAttach) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="hd-files">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="hd-files">
          {t('helpdesk.files.title')}
        </Title>
        {d.viewer.canAttach ? (
          <FileButton
            onChange={(files) => files.length && add.mutate(files)}
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.txt,.eml,application/pdf,image/png,image/jpeg,text/plain,message/rfc822"
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                loading={add.isPending}
              >
                {t('helpdesk.files.add')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {d.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('helpdesk.files.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {d.attachments.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap">
              <IconFileText size={16} aria-hidden="true" />
              <Anchor href={`${base}/attachments/${a.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {a.name}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatSize(a.size)} · {t(`helpdesk.thread.sideLabel.${a.side}`)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ReplyForm({ d, base }: { d: ConsultationDetail; base: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const desk = d.viewer.side === 'desk';
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<'answered' | 'waiting_customer' | 'resolved'>('answered');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api<{ status: string }>(`${base}/messages`, {
        method: 'POST',
        body: desk ? { body: body.trim(), status } : { body: body.trim() },
      }),
    onSuccess: async () => {
      setBody('');
      notifications.show({
        color: 'teal',
        message: t(desk ? 'helpdesk.reply.sentDesk' : 'helpdesk.reply.sentCustomer'),
      });
      await qc.invalidateQueries({ queryKey: ['helpdesk'] });
    },
    onError: (err) =>
      setFieldError(err instanceof ApiError ? (err.fields.body ?? errorMessage(err)) : errorMessage(err)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setFieldError(t('helpdesk.reply.required'));
      return;
    }
    setFieldError(null);
    send.mutate();
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="hd-reply">
      <Title order={2} size="h4" id="hd-reply" mb="sm">
        {t(desk ? 'helpdesk.reply.titleDesk' : 'helpdesk.reply.titleCustomer')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('helpdesk.reply.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError}
            autosize
            minRows={4}
            maxLength={8000}
            required
          />
          {desk ? (
            <Box>
              <Text size="sm" fw={500} mb={4} id="hd-next">
                {t('helpdesk.reply.next')}
              </Text>
              <SegmentedControl
                aria-labelledby="hd-next"
                value={status}
                onChange={(v) => setStatus(v as typeof status)}
                fullWidth
                orientation="horizontal"
                data={[
                  { value: 'answered', label: t('helpdesk.reply.answered') },
                  { value: 'waiting_customer', label: t('helpdesk.reply.waiting') },
                  { value: 'resolved', label: t('helpdesk.reply.resolved') },
                ]}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t(`helpdesk.reply.nextHint.${status}`)}
              </Text>
            </Box>
          ) : (
            <Text size="xs" c="dimmed">
              {t('helpdesk.reply.customerHint')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending} rightSection={<IconArrowRight size={16} />}>
              {t(desk ? 'helpdesk.reply.sendDesk' : 'helpdesk.reply.sendCustomer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CloseButton({ d, base }: { d: ConsultationDetail; base: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const close = useMutation({
    mutationFn: () => api(`${base}/close`, { method: 'POST' }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('helpdesk.thread.closed') });
      await qc.invalidateQueries({ queryKey: ['helpdesk'] });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Group justify="flex-end">
      <Button
        variant={d.status === 'resolved' ? 'filled' : 'default'}
        color={d.status === 'resolved' ? 'teal' : undefined}
        leftSection={<IconCheck size={16} />}
        onClick={() => close.mutate()}
        loading={close.isPending}
      >
        {t(d.viewer.side === 'customer' ? 'helpdesk.thread.closeCustomer' : 'helpdesk.thread.closeDesk')}
      </Button>
    </Group>
  );
}
