import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  List,
  Modal,
  Radio,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconAlert, IconArrowRight, IconCheck, IconMail, IconUser } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import {
  deskKeys,
  type IncidentDetail,
  type IncidentStatus,
  useIncident,
  useIncidentAlerts,
  useIncidentNotes,
  type Verdict,
} from './desk-api.ts';
import { Pager, SeverityBadge, StatusBadge, targetText, When } from './parts.tsx';

export function IncidentPage() {
  const { orgId = '', incidentId = '' } = useParams();
  const { t } = useTranslation();
  const q = useIncident(orgId, incidentId);
  const me = useMe();
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return (
      <>
        <PageHeader title={t('monitoringDesk.incidents.title')} />
        <ErrorAlert error={q.error} />
      </>
    );
  const i = q.data;
  const provider = i.viewer === 'provider';
  // The provider's staff came from their own queue; the SME's members from their dashboard.
  const providerOrg =
    me.data?.orgs.find((o) => o.kind === 'provider' && o.id === me.data?.activeOrgId) ??
    me.data?.orgs.find((o) => o.kind === 'provider');
  const backTo = provider && providerOrg ? `/orgs/${providerOrg.id}/monitoring` : `/orgs/${orgId}/monitoring`;
  const where = targetText(i.target);
  return (
    <>
      <Anchor component={Link} to={backTo} size="sm" mb="xs" display="block">
        ← {t('monitoringDesk.incident.back')}
      </Anchor>
      <PageHeader
        title={i.title}
        description={
          <>
            {provider && i.customerName ? `${i.customerName} ・ ` : ''}
            {where
              ? t('monitoringDesk.common.target', { target: where })
              : t('monitoringDesk.common.targetUnknown')}
          </>
        }
      />
      <Group gap="xs" mb="lg" mt={-8}>
        <SeverityBadge severity={i.severity} long />
        <StatusBadge status={i.status} />
        {i.verdict ? (
          <Badge variant="outline" color={i.verdict === 'true_positive' ? 'red' : 'gray'}>
            {t(`monitoringDesk.verdict.${i.verdict}`)}
          </Badge>
        ) : null}
        {i.escalated ? (
          <Badge color="grape" variant="light">
            {t('monitoringDesk.queue.escalated')}
          </Badge>
        ) : null}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Explanation incident={i} />
            {provider ? <WorkPanel orgId={orgId} incident={i} /> : null}
            <Notes orgId={orgId} incident={i} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Steps incident={i} />
            <Alerts orgId={orgId} incidentId={i.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Which page of the incident guide fits the rules behind the incident. */
function guideTopic(ruleIds: string[]): string {
  if (ruleIds.includes('ransomware-behaviour')) return 'ransomware';
  if (
    ruleIds.some(
      (r) => r === 'brute-force-login' || r === 'admin-login-from-outside' || r === 'credential-dumping',
    )
  )
    return 'account-takeover';
  if (ruleIds.includes('malicious-attachment')) return 'fraud-mail';
  return 'malware';
}

function Explanation({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const done = i.status === 'resolved' || i.status === 'closed';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="explain-title">
      <Title order={2} size="h4" id="explain-title" mb={4}>
        {t('monitoringDesk.incident.whatHappened')}
      </Title>
      <Text mb="md">{i.what}</Text>
      <Title order={2} size="h4" mb={4}>
        {t('monitoringDesk.incident.howSerious')}
      </Title>
      <Text mb="md">{t(`monitoringDesk.severityLong.${Math.min(4, Math.max(1, i.severity))}`)}</Text>
      {done ? (
        <Text c="teal.8" fw={600}>
          {t('monitoringDesk.incident.closedNote')}
        </Text>
      ) : i.actions.length ? (
        <Box p="md" bg="yellow.0" style={{ borderRadius: 8 }}>
          <Title order={2} size="h4" mb="xs">
            {t('monitoringDesk.incident.whatToDo')}
          </Title>
          <List type="ordered" spacing="xs">
            {i.actions.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </Box>
      ) : null}
      {done ? null : (
        <Button
          component={Link}
          to={`/orgs/${i.orgId}/help/guide?topic=${guideTopic(i.ruleIds)}&incident=${i.id}`}
          variant="light"
          mt="md"
        >
          {t('monitoringDesk.incident.openGuide')}
        </Button>
      )}
      {done ? null : (
        <Button
          component={Link}
          to={`/orgs/${i.orgId}/onsite/dispatches/new?incident=${i.id}`}
          variant="default"
          mt="md"
          ml="sm"
        >
          {t('monitoringDesk.incident.requestDispatch')}
        </Button>
      )}
      {i.providerDoing ? (
        <Box mt="md" p="md" bg="teal.0" style={{ borderRadius: 8 }}>
          <Title order={2} size="h4" mb={4}>
            {t('monitoringDesk.incident.providerDoing', { name: i.providerName ?? '' })}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{i.providerDoing}</Text>
        </Box>
      ) : null}
      {i.providerName ? (
        <Text size="sm" c="dimmed" mt="md">
          {t('monitoringDesk.incident.whoHandles', { name: i.providerName })}
        </Text>
      ) : null}
      {i.verdictReason && i.viewer === 'provider' ? (
        <Text size="sm" mt="xs">
          <b>{t('monitoringDesk.incident.verdictReason')}：</b>
          {i.verdictReason}
        </Text>
      ) : null}
    </Card>
  );
}

function useIncidentAction(orgId: string, incidentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api<IncidentDetail & { mailedTo?: number }>(`/api/v1/orgs/${orgId}/incidents/${incidentId}/${path}`, {
        method: 'POST',
        body,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: deskKeys.all });
    },
  });
}

type Dialog = null | 'triage' | 'contact' | 'move' | 'escalate' | 'suppress';

function WorkPanel({ orgId, incident: i }: { orgId: string; incident: IncidentDetail }) {
  const { t } = useTranslation();
  const action = useIncidentAction(orgId, i.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [moveTo, setMoveTo] = useState<IncidentStatus | null>(null);
  const closed = i.status === 'closed';
  const run = (path: string, body: unknown, message: (r: IncidentDetail & { mailedTo?: number }) => string) =>
    action.mutate(
      { path, body },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: message(r) });
          setDialog(null);
        },
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );
  const host = i.target['host.name'] ?? '';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="work-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="work-title">
          {t('monitoringDesk.incident.work')}
        </Title>
        <Group gap={6}>
          <IconUser size={16} />
          <Text size="sm">
            {t('monitoringDesk.incident.assignee')}：
            {i.assignee?.name ?? t('monitoringDesk.queue.unassigned')}
          </Text>
        </Group>
      </Group>
      {closed ? (
        <Text size="sm" c="dimmed">
          {t('monitoringDesk.incident.closedNote')}
        </Text>
      ) : (
        <Group gap="sm" wrap="wrap">
          {i.assignee ? (
            <Button
              variant="default"
              size="sm"
              onClick={() => run('assign', { assignee: 'none' }, () => t('monitoringDesk.incident.release'))}
            >
              {t('monitoringDesk.incident.release')}
            </Button>
          ) : (
            <Button
              variant="light"
              size="sm"
              onClick={() => run('assign', { assignee: 'me' }, () => t('monitoringDesk.incident.take'))}
            >
              {t('monitoringDesk.incident.take')}
            </Button>
          )}
          <Button
            size="sm"
            variant="light"
            onClick={() => setDialog('triage')}
            leftSection={<IconCheck size={16} />}
          >
            {t('monitoringDesk.incident.triage')}
          </Button>
          <Button size="sm" onClick={() => setDialog('contact')} leftSection={<IconMail size={16} />}>
            {t('monitoringDesk.incident.contact')}
          </Button>
          {i.next.map((s) => (
            <Button
              key={s}
              size="sm"
              variant="outline"
              onClick={() => {
                setMoveTo(s);
                setDialog('move');
              }}
              rightSection={<IconArrowRight size={14} />}
            >
              {t(`monitoringDesk.status.${s}`)}
            </Button>
          ))}
          <Button
            size="sm"
            variant="light"
            color="grape"
            onClick={() => setDialog('escalate')}
            leftSection={<IconAlert size={16} />}
          >
            {t('monitoringDesk.incident.escalate')}
          </Button>
          {host && i.ruleId ? (
            <Button size="sm" variant="subtle" color="gray" onClick={() => setDialog('suppress')}>
              {t('monitoringDesk.incident.suppress')}
            </Button>
          ) : null}
        </Group>
      )}
      <TriageDialog
        opened={dialog === 'triage'}
        onClose={() => setDialog(null)}
        pending={action.isPending}
        onSubmit={(b) =>
          run('triage', b, (r) =>
            t('monitoringDesk.incident.moved', { status: t(`monitoringDesk.status.${r.status}`) }),
          )
        }
      />
      <TextDialog
        opened={dialog === 'contact'}
        onClose={() => setDialog(null)}
        title={t('monitoringDesk.incident.contactTitle')}
        lead={t('monitoringDesk.incident.contactLead')}
        label={t('monitoringDesk.incident.contactDoing')}
        placeholder={t('monitoringDesk.incident.contactDoingPlaceholder')}
        submit={t('monitoringDesk.incident.contactSubmit')}
        required={false}
        pending={action.isPending}
        onSubmit={(text) =>
          run('contact', text ? { doing: text } : {}, (r) =>
            t('monitoringDesk.incident.contacted', { count: r.mailedTo ?? 0 }),
          )
        }
      />
      <TextDialog
        opened={dialog === 'move' && moveTo !== null}
        onClose={() => setDialog(null)}
        title={t('monitoringDesk.incident.moveTitle', {
          status: moveTo ? t(`monitoringDesk.status.${moveTo}`) : '',
        })}
        label={t('monitoringDesk.incident.moveNote')}
        submit={t('monitoringDesk.incident.moveSubmit')}
        required={false}
        pending={action.isPending}
        onSubmit={(text) =>
          run('move', { to: moveTo, ...(text ? { note: text } : {}) }, (r) =>
            t('monitoringDesk.incident.moved', { status: t(`monitoringDesk.status.${r.status}`) }),
          )
        }
      />
      <TextDialog
        opened={dialog === 'escalate'}
        onClose={() => setDialog(null)}
        title={t('monitoringDesk.incident.escalateTitle')}
        lead={t('monitoringDesk.incident.escalateLead')}
        label={t('monitoringDesk.incident.escalateReason')}
        submit={t('monitoringDesk.incident.escalateSubmit')}
        required
        pending={action.isPending}
        onSubmit={(text) => run('escalate', { reason: text }, () => t('monitoringDesk.incident.escalated'))}
      />
      <SuppressDialog
        opened={dialog === 'suppress'}
        onClose={() => setDialog(null)}
        orgId={orgId}
        ruleId={i.ruleId ?? ''}
        rule={i.title}
        host={host}
      />
    </Card>
  );
}

function TriageDialog(props: {
  opened: boolean;
  onClose: () => void;
  pending: boolean;
  onSubmit: (b: { verdict: Verdict; reason: string; close: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict>('true_positive');
  const [reason, setReason] = useState('');
  const [close, setClose] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    props.onSubmit({ verdict, reason: reason.trim(), close: verdict !== 'true_positive' && close });
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('monitoringDesk.incident.triageTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Radio.Group
            value={verdict}
            onChange={(v) => setVerdict(v as Verdict)}
            label={t('monitoringDesk.incident.verdict')}
          >
            <Stack gap="xs" mt="xs">
              {(['true_positive', 'false_positive', 'benign'] as const).map((v) => (
                <Radio key={v} value={v} label={t(`monitoringDesk.verdict.${v}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('monitoringDesk.incident.triageReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={3}
            maxLength={2000}
          />
          {verdict !== 'true_positive' ? (
            <Checkbox
              label={t('monitoringDesk.incident.triageClose')}
              checked={close}
              onChange={(e) => setClose(e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('monitoringDesk.common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending} disabled={!reason.trim()}>
              {t('monitoringDesk.incident.triageSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TextDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  lead?: string;
  label: string;
  placeholder?: string;
  submit: string;
  required: boolean;
  pending: boolean;
  onSubmit: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (props.required && !text.trim()) return;
    props.onSubmit(text.trim());
    setText('');
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form onSubmit={submit}>
        <Stack>
          {props.lead ? (
            <Text size="sm" c="dimmed">
              {props.lead}
            </Text>
          ) : null}
          <Textarea
            label={props.label}
            placeholder={props.placeholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required={props.required}
            autosize
            minRows={3}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('monitoringDesk.common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending} disabled={props.required && !text.trim()}>
              {props.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SuppressDialog(props: {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  ruleId: string;
  rule: string;
  host: string;
}) {
  const { t } = useTranslation();
  const suppress = useMutation({
    mutationFn: () =>
      api(`/api/v1/orgs/${props.orgId}/monitoring/overrides`, {
        method: 'POST',
        body: { ruleId: props.ruleId, host: props.host },
      }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: t('monitoringDesk.incident.suppressed', { rule: props.rule, host: props.host }),
      });
      props.onClose();
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('monitoringDesk.incident.suppressTitle', { rule: props.rule, host: props.host })}
    >
      <Text size="sm" mb="md">
        {t('monitoringDesk.incident.suppressBody')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('monitoringDesk.common.cancel')}
        </Button>
        <Button color="orange" loading={suppress.isPending} onClick={() => suppress.mutate()}>
          {t('monitoringDesk.incident.suppress')}
        </Button>
      </Group>
    </Modal>
  );
}

function Steps({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="steps-title">
      <Title order={2} size="h4" id="steps-title" mb="xs">
        {t('monitoringDesk.incident.timeline')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t('monitoringDesk.incident.firstSeen')}：<When iso={i.firstSeenAt} /> ・{' '}
        {t('monitoringDesk.incident.lastSeen')}：
        <When iso={i.lastSeenAt} />
      </Text>
      <Timeline active={i.steps.length} bulletSize={18} lineWidth={2}>
        <Timeline.Item title={t('monitoringDesk.incident.detected')}>
          <Text size="xs" c="dimmed">
            <When iso={i.firstSeenAt} />
          </Text>
        </Timeline.Item>
        {i.steps.map((s) => (
          <Timeline.Item key={`${s.at}-${s.toStatus}`} title={t(`monitoringDesk.status.${s.toStatus}`)}>
            <Text size="xs" c="dimmed">
              <When iso={s.at} />
              {s.actor ? ` ・ ${s.actor}` : ''}
            </Text>
            {s.note ? (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {s.note}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function Alerts({ orgId, incidentId }: { orgId: string; incidentId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useIncidentAlerts(orgId, incidentId, page);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alerts-title">
      <Title order={2} size="h4" id="alerts-title" mb="md">
        {t('monitoringDesk.incident.alerts')}
      </Title>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      <Stack gap="xs">
        {q.data?.items.map((a) => (
          <Box key={a.id} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group gap="xs" wrap="wrap">
              <SeverityBadge severity={a.severity} />
              <Text fw={600} size="sm">
                {a.title}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {targetText(a.target)} ・ {t('monitoringDesk.incident.alertCount', { count: a.count })} ・{' '}
              <When iso={a.lastSeenAt} />
            </Text>
          </Box>
        ))}
      </Stack>
      {q.data ? (
        <Pager page={page} total={q.data.total} pageSize={q.data.pageSize} onChange={setPage} />
      ) : null}
    </Card>
  );
}

function Notes({ orgId, incident: i }: { orgId: string; incident: IncidentDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const provider = i.viewer === 'provider';
  const [page, setPage] = useState(1);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(provider);
  const notes = useIncidentNotes(orgId, i.id, page);
  const add = useMutation({
    mutationFn: () =>
      api(`/api/v1/orgs/${orgId}/incidents/${i.id}/notes`, {
        method: 'POST',
        body: { body: body.trim(), visibility: internal ? 'internal' : 'shared' },
      }),
    onSuccess: async () => {
      setBody('');
      notifications.show({ color: 'teal', message: t('monitoringDesk.incident.noteAdded') });
      await qc.invalidateQueries({ queryKey: [...deskKeys.org(orgId), 'incident', i.id, 'notes'] });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="notes-title">
      <Title order={2} size="h4" id="notes-title" mb={4}>
        {t('monitoringDesk.incident.notes')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {provider
          ? t('monitoringDesk.incident.notesLeadProvider')
          : t('monitoringDesk.incident.notesLeadSme')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate();
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('monitoringDesk.incident.noteBody')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <Group justify="space-between" wrap="wrap">
            {provider ? (
              <Checkbox
                label={t('monitoringDesk.incident.noteInternal')}
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
              />
            ) : (
              <span />
            )}
            <Button type="submit" size="sm" loading={add.isPending} disabled={!body.trim()}>
              {t('monitoringDesk.incident.noteAdd')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="sm" mt="md">
        {notes.data?.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('monitoringDesk.incident.noNotes')}
          </Text>
        ) : null}
        {notes.data?.items.map((n) => (
          <Box
            key={n.id}
            p="sm"
            bg={n.visibility === 'internal' ? 'gray.1' : n.side === 'customer' ? 'blue.0' : 'teal.0'}
            style={{ borderRadius: 8 }}
          >
            <Group gap="xs" mb={2} wrap="wrap">
              <Text size="sm" fw={700}>
                {n.author}
              </Text>
              <Badge size="xs" variant="light" color={n.side === 'customer' ? 'blue' : 'teal'}>
                {n.side === 'customer'
                  ? t('monitoringDesk.incident.fromCustomer')
                  : t('monitoringDesk.incident.fromProvider')}
              </Badge>
              {n.visibility === 'internal' ? (
                <Badge size="xs" color="gray">
                  {t('monitoringDesk.incident.internal')}
                </Badge>
              ) : null}
              <Text size="xs" c="dimmed">
                <When iso={n.createdAt} />
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </Text>
          </Box>
        ))}
      </Stack>
      {notes.data ? (
        <Pager page={page} total={notes.data.total} pageSize={notes.data.pageSize} onChange={setPage} />
      ) : null}
    </Card>
  );
}
