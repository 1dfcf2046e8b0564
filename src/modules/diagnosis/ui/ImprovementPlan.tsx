import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconPlus } from '../../../../web/src/icons.tsx';
import { type OrgRole, useMe } from '../../../../web/src/me.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import {
  canEditDiagnosis,
  type Task,
  type TaskInput,
  tasksKey,
  useOrgMembers,
  useQuestions,
  useTasks,
} from './diagnosis-api.ts';

/** Tasks in working order: open ones first (overdue, then by due date), done ones last. */
export function sortTasks(tasks: Task[]): Task[] {
  const rank = (t: Task) => (t.status === 'done' ? 2 : t.overdue ? 0 : 1);
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.itemNo - b.itemNo ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** The topic of item `no` in the UI language ("" while the questions load). */
export function useTopics(): (no: number) => string {
  const q = useQuestions();
  const map = new Map<number, string>();
  for (const p of q.data?.parts ?? []) for (const i of p.items) map.set(i.no, i.topic);
  return (no) => map.get(no) ?? '';
}

export function TaskStatusBadges({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.status === 'done')
    return (
      <Badge tt="none" color="teal" variant="light">
        {t('diagnosis.plan.statusDone')}
      </Badge>
    );
  return (
    <Group gap={4}>
      {task.overdue ? (
        <Badge tt="none" color="red" variant="filled">
          {t('diagnosis.plan.overdue')}
        </Badge>
      ) : null}
      {task.reviewDue ? (
        <Badge tt="none" color="yellow" variant="filled" c="dark">
          {t('diagnosis.plan.reviewDue')}
        </Badge>
      ) : null}
      {!task.overdue && !task.reviewDue ? (
        <Badge tt="none" color="brand" variant="light">
          {t('diagnosis.plan.statusOpen')}
        </Badge>
      ) : null}
    </Group>
  );
}

export interface TaskDraft {
  itemNo: number | null;
  title: string;
  note: string;
  assigneeUserId: string | null;
  dueDate: string;
  reviewDate: string;
}

export function emptyDraft(itemNo: number | null = null, title = ''): TaskDraft {
  return { itemNo, title, note: '', assigneeUserId: null, dueDate: '', reviewDate: '' };
}

function draftOf(task: Task): TaskDraft {
  return {
    itemNo: task.itemNo,
    title: task.title,
    note: task.note ?? '',
    assigneeUserId: task.assigneeUserId,
    dueDate: task.dueDate ?? '',
    reviewDate: task.reviewDate ?? '',
  };
}

/** Adds a task (no `task`) or edits one; the assignee is told by e-mail. */
export function TaskFormModal(props: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  initial: TaskDraft;
  task?: Task;
  /** The item is fixed (added from a weak item of a result). */
  fixedItem?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const questions = useQuestions();
  const members = useOrgMembers(props.orgId, props.opened);
  const [draft, setDraft] = useState<TaskDraft>(props.initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [openedFor, setOpenedFor] = useState<TaskDraft | null>(null);
  // Start from the given values each time the dialog opens.
  if (props.opened && openedFor !== props.initial) {
    setOpenedFor(props.initial);
    setDraft(props.initial);
    setFields({});
  }
  const set = <K extends keyof TaskDraft>(k: K, v: TaskDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const save = useMutation({
    mutationFn: (body: TaskInput) =>
      props.task
        ? api<Task>(`/api/v1/orgs/${props.orgId}/improvement-tasks/${props.task.id}`, {
            method: 'PATCH',
            body,
          })
        : api<Task>(`/api/v1/orgs/${props.orgId}/improvement-tasks`, { method: 'POST', body }),
    onSuccess: async (task) => {
      notifications.show({
        color: 'teal',
        message: props.task
          ? t('diagnosis.plan.updated')
          : task.assigneeName
            ? t('diagnosis.plan.addedNotified', { name: task.assigneeName })
            : t('diagnosis.plan.added'),
      });
      await qc.invalidateQueries({ queryKey: tasksKey(props.orgId) });
      props.onClose();
    },
    onError: (err) => setFields(err instanceof ApiError ? err.fields : {}),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!draft.itemNo) f.itemNo = t('diagnosis.plan.errors.item');
    if (!draft.title.trim()) f.title = t('diagnosis.plan.errors.title');
    if (draft.dueDate && draft.reviewDate && draft.reviewDate < draft.dueDate)
      f.reviewDate = t('diagnosis.plan.errors.reviewBeforeDue');
    setFields(f);
    if (Object.keys(f).length > 0 || !draft.itemNo) return;
    const body: TaskInput = {
      title: draft.title.trim(),
      note: draft.note.trim(),
      assigneeUserId: draft.assigneeUserId,
      dueDate: draft.dueDate || null,
      reviewDate: draft.reviewDate || null,
    };
    if (!props.task) body.itemNo = draft.itemNo;
    save.mutate(body);
  };

  const itemOptions = (questions.data?.parts ?? []).flatMap((p) =>
    p.items.map((i) => ({ value: String(i.no), label: `${i.no}. ${i.topic}` })),
  );
  const memberOptions = (members.data?.members ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name}（${roleLabel(m.role, lang)}）`,
  }));
  const itemLabel = itemOptions.find((o) => o.value === String(draft.itemNo))?.label;

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.task ? t('diagnosis.plan.editTitle') : t('diagnosis.plan.addTitle')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length > 0) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          {props.fixedItem || props.task ? (
            <Box>
              <Text size="sm" fw={500}>
                {t('diagnosis.plan.item')}
              </Text>
              <Text size="sm">{itemLabel ?? draft.itemNo}</Text>
            </Box>
          ) : (
            <Select
              label={t('diagnosis.plan.item')}
              data={itemOptions}
              value={draft.itemNo ? String(draft.itemNo) : null}
              onChange={(v) => set('itemNo', v ? Number(v) : null)}
              error={fields.itemNo}
              searchable
              required
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            label={t('diagnosis.plan.taskTitle')}
            description={t('diagnosis.plan.taskTitleHint')}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fields.title}
            maxLength={200}
            required
            data-autofocus
          />
          <Select
            label={t('diagnosis.plan.assignee')}
            description={t('diagnosis.plan.assigneeHint')}
            placeholder={t('diagnosis.plan.noAssignee')}
            data={memberOptions}
            value={draft.assigneeUserId}
            onChange={(v) => set('assigneeUserId', v)}
            error={fields.assigneeUserId}
            clearable
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t('diagnosis.plan.dueDate')}
              description={t('diagnosis.plan.dueHint')}
              value={draft.dueDate}
              onChange={(e) => set('dueDate', e.currentTarget.value)}
              error={fields.dueDate}
            />
            <TextInput
              type="date"
              label={t('diagnosis.plan.reviewDate')}
              description={t('diagnosis.plan.reviewHint')}
              value={draft.reviewDate}
              onChange={(e) => set('reviewDate', e.currentTarget.value)}
              error={fields.reviewDate}
            />
          </SimpleGrid>
          <Textarea
            label={`${t('diagnosis.plan.note')}${t('common.optionalSuffix')}`}
            value={draft.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={fields.note}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {props.task ? t('common.saveChanges') : t('diagnosis.plan.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function useTaskActions(orgId: string) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (task: Task) =>
      api<Task>(`/api/v1/orgs/${orgId}/improvement-tasks/${task.id}`, {
        method: 'PATCH',
        body: { status: task.status === 'done' ? 'open' : 'done' },
      }),
    onSuccess: async (task) => {
      notifications.show({
        color: 'teal',
        message:
          task.status === 'done'
            ? t('diagnosis.plan.markedDone', { title: task.title })
            : t('diagnosis.plan.markedOpen', { title: task.title }),
      });
      await qc.invalidateQueries({ queryKey: tasksKey(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const remove = useMutation({
    mutationFn: (task: Task) =>
      api(`/api/v1/orgs/${orgId}/improvement-tasks/${task.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, task) => {
      notifications.show({ color: 'teal', message: t('diagnosis.plan.deleted', { title: task.title }) });
      await qc.invalidateQueries({ queryKey: tasksKey(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return { toggle, remove };
}

function DateCell({ date, late }: { date: string | null; late?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!date)
    return (
      <Text size="sm" c="dimmed">
        {t('diagnosis.plan.noDate')}
      </Text>
    );
  return (
    <Text
      size="sm"
      c={late ? 'red.8' : undefined}
      fw={late ? 700 : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {formatDate(date, lang)}
    </Text>
  );
}

/** The improvement plan of an organisation: who fixes what by when, and when to look again. */
export function ImprovementPlan({ orgId, role }: { orgId: string; role: OrgRole | null | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const tasks = useTasks(orgId);
  const topic = useTopics();
  const edit = canEditDiagnosis(role);
  const { toggle, remove } = useTaskActions(orgId);
  const [adding, setAdding] = useState<TaskDraft | null>(null);
  const [editing, setEditing] = useState<{ task: Task; draft: TaskDraft } | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);

  const list = sortTasks(tasks.data?.items ?? []);
  const open = list.filter((x) => x.status === 'open');
  const overdue = open.filter((x) => x.overdue).length;
  const mayTick = (task: Task) => edit || task.assigneeUserId === me.data?.user.id;

  const checkbox = (task: Task) => (
    <Checkbox
      checked={task.status === 'done'}
      onChange={() => toggle.mutate(task)}
      disabled={!mayTick(task) || (toggle.isPending && toggle.variables?.id === task.id)}
      aria-label={t('diagnosis.plan.doneFor', { title: task.title })}
      size="md"
    />
  );
  const actions = (task: Task) =>
    edit ? (
      <Group gap={4} wrap="nowrap">
        <Button
          size="xs"
          variant="subtle"
          onClick={() => setEditing({ task, draft: draftOf(task) })}
          aria-label={t('diagnosis.plan.editFor', { title: task.title })}
        >
          {t('diagnosis.plan.edit')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => setDeleting(task)}
          aria-label={t('diagnosis.plan.deleteFor', { title: task.title })}
        >
          {t('diagnosis.plan.delete')}
        </Button>
      </Group>
    ) : null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-plan-title" id="plan">
      <Group justify="space-between" align="flex-start" mb="xs" gap="sm">
        <Box style={{ flex: '1 1 260px' }}>
          <Group gap="xs">
            <Title order={2} size="h3" id="diag-plan-title">
              {t('diagnosis.plan.title')}
            </Title>
            {open.length > 0 ? (
              <Badge tt="none" variant="light">
                {t('diagnosis.plan.openCount', { count: open.length })}
              </Badge>
            ) : null}
            {overdue > 0 ? (
              <Badge tt="none" color="red" variant="filled">
                {t('diagnosis.plan.overdueCount', { count: overdue })}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {t('diagnosis.plan.lead')}
          </Text>
        </Box>
        {edit ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(emptyDraft())}>
            {t('diagnosis.plan.add')}
          </Button>
        ) : null}
      </Group>
      {tasks.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : list.length === 0 ? (
        <Alert color="gray" variant="light" mt="sm">
          {edit ? t('diagnosis.plan.emptyEditor') : t('diagnosis.plan.empty')}
        </Alert>
      ) : (
        <>
          <Box visibleFrom="md" mt="sm">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={56}>{t('diagnosis.plan.done')}</Table.Th>
                    <Table.Th>{t('diagnosis.plan.taskTitle')}</Table.Th>
                    <Table.Th>{t('diagnosis.plan.assignee')}</Table.Th>
                    <Table.Th>{t('diagnosis.plan.dueDate')}</Table.Th>
                    <Table.Th>{t('diagnosis.plan.reviewDate')}</Table.Th>
                    <Table.Th>{t('diagnosis.plan.status')}</Table.Th>
                    {edit ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((task) => (
                    <Table.Tr
                      key={task.id}
                      className={task.overdue && task.status === 'open' ? 'diag-task-overdue' : undefined}
                      id={`task-${task.id}`}
                      data-testid={`task-${task.id}`}
                    >
                      <Table.Td>{checkbox(task)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {t('diagnosis.plan.itemRef', { no: task.itemNo, topic: topic(task.itemNo) })}
                        </Text>
                        <Text
                          size="sm"
                          fw={600}
                          td={task.status === 'done' ? 'line-through' : undefined}
                          c={task.status === 'done' ? 'dimmed' : undefined}
                        >
                          {task.title}
                        </Text>
                        {task.note ? (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {task.note}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          c={task.assigneeName ? undefined : 'dimmed'}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {task.assigneeName ?? t('diagnosis.plan.noAssignee')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <DateCell date={task.dueDate} late={task.overdue && task.status === 'open'} />
                      </Table.Td>
                      <Table.Td>
                        <DateCell date={task.reviewDate} late={task.reviewDue} />
                      </Table.Td>
                      <Table.Td>
                        <TaskStatusBadges task={task} />
                      </Table.Td>
                      {edit ? <Table.Td>{actions(task)}</Table.Td> : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
          <Stack gap="sm" hiddenFrom="md" mt="sm">
            {list.map((task) => (
              <Card
                key={task.id}
                withBorder
                padding="sm"
                radius="md"
                className={task.overdue && task.status === 'open' ? 'diag-task-overdue' : undefined}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Box pt={2}>{checkbox(task)}</Box>
                  <Box style={{ flex: 1, minWidth: 0 }}>
                    <Text size="xs" c="dimmed">
                      {t('diagnosis.plan.itemRef', { no: task.itemNo, topic: topic(task.itemNo) })}
                    </Text>
                    <Text
                      size="sm"
                      fw={600}
                      td={task.status === 'done' ? 'line-through' : undefined}
                      c={task.status === 'done' ? 'dimmed' : undefined}
                    >
                      {task.title}
                    </Text>
                    <Group gap={4} mt={2} style={{ columnGap: 12 }}>
                      {[
                        t('diagnosis.plan.summaryAssignee', {
                          assignee: task.assigneeName ?? t('diagnosis.plan.noAssignee'),
                        }),
                        t('diagnosis.plan.summaryDue', {
                          due: task.dueDate ? formatDate(task.dueDate, lang) : t('diagnosis.plan.noDate'),
                        }),
                        t('diagnosis.plan.summaryReview', {
                          review: task.reviewDate
                            ? formatDate(task.reviewDate, lang)
                            : t('diagnosis.plan.noDate'),
                        }),
                      ].map((line) => (
                        <Text key={line} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {line}
                        </Text>
                      ))}
                    </Group>
                    <Group justify="space-between" mt={6} gap="xs">
                      <TaskStatusBadges task={task} />
                      {actions(task)}
                    </Group>
                  </Box>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
      {edit ? (
        <>
          <TaskFormModal
            orgId={orgId}
            opened={adding !== null}
            onClose={() => setAdding(null)}
            initial={adding ?? emptyDraft()}
          />
          <TaskFormModal
            orgId={orgId}
            opened={editing !== null}
            onClose={() => setEditing(null)}
            initial={editing?.draft ?? emptyDraft()}
            task={editing?.task}
          />
          <Modal
            opened={deleting !== null}
            onClose={() => setDeleting(null)}
            title={t('diagnosis.plan.deleteTitle')}
            centered
          >
            <Stack gap="md">
              <Text>{t('diagnosis.plan.deleteBody', { title: deleting?.title ?? '' })}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDeleting(null)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  color="red"
                  loading={remove.isPending}
                  onClick={() =>
                    deleting &&
                    remove.mutate(deleting, {
                      onSuccess: () => setDeleting(null),
                    })
                  }
                >
                  {t('diagnosis.plan.deleteConfirm')}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      ) : null}
    </Card>
  );
}
