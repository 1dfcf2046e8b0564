import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconAlert } from '../../../../web/src/icons.tsx';
import {
  type ConsultationDetail,
  type DeskInfo,
  fileType,
  formatSize,
  type Priority,
  uploadAttachment,
  useDeskInfo,
} from './helpdesk-api.ts';
import { TargetHint } from './parts.tsx';

/** Client-side check of the files, so a person hears at once what will be refused. */
export function checkFiles(files: File[], info: DeskInfo, t: TFunction): string | null {
  if (files.length > info.attachments.maxPerConsultation) {
    return t('helpdesk.files.tooMany', { max: info.attachments.maxPerConsultation });
  }
  for (const f of files) {
    if (!info.attachments.types.includes(fileType(f))) return t('helpdesk.files.badType', { name: f.name });
    if (f.size > info.attachments.maxBytes) {
      return t('helpdesk.files.tooLarge', { name: f.name, limit: formatSize(info.attachments.maxBytes) });
    }
  }
  return null;
}

export function NewConsultationPage() {
  const { orgId } = useParams();
  const { t } = useTranslation();
  const info = useDeskInfo();
  if (info.isPending) return <PageLoader />;
  if (info.isError) return <ErrorAlert error={info.error} />;
  return (
    <>
      <PageHeader title={t('helpdesk.new.title')} description={t('helpdesk.new.lead')} />
      <NewConsultationForm orgId={orgId ?? ''} info={info.data} />
    </>
  );
}

function NewConsultationForm({ orgId, info }: { orgId: string; info: DeskInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [category, setCategory] = useState<string>('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const chosen = info.categories.find((c) => c.id === category);
  // A corrected field loses its message at once.
  const clear = (k: string) =>
    setFields((f) => (k in f ? Object.fromEntries(Object.entries(f).filter(([x]) => x !== k)) : f));

  const create = useMutation({
    mutationFn: async () => {
      const c = await api<ConsultationDetail>(`/api/v1/orgs/${orgId}/consultations`, {
        method: 'POST',
        body: { category, priority, subject: subject.trim(), description: description.trim() },
      });
      const failed: string[] = [];
      for (const f of files) {
        try {
          await uploadAttachment(`/api/v1/orgs/${orgId}/consultations/${c.id}`, f);
        } catch (err) {
          failed.push(`${f.name}: ${errorMessage(err)}`);
        }
      }
      return { c, failed };
    },
    onSuccess: async ({ c, failed }) => {
      notifications.show({ color: 'teal', message: t('helpdesk.new.sent', { ref: c.ref }) });
      for (const f of failed) notifications.show({ color: 'red', message: f, autoClose: false });
      await qc.invalidateQueries({ queryKey: ['helpdesk'] });
      navigate(`/orgs/${orgId}/consultations/${c.id}`);
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
    if (!category) f.category = t('helpdesk.new.categoryRequired');
    if (!subject.trim()) f.subject = t('helpdesk.new.subjectRequired');
    if (!description.trim()) f.description = t('helpdesk.new.descriptionRequired');
    const fileProblem = checkFiles(files, info, t);
    if (fileProblem) f.files = fileProblem;
    setFields(f);
    if (Object.keys(f).length === 0) create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Card withBorder padding="lg" component="section" aria-labelledby="hd-cat">
          <Title order={2} size="h4" id="hd-cat" mb="sm">
            {t('helpdesk.new.category')}
          </Title>
          <Radio.Group
            value={category}
            onChange={setCategory}
            error={fields.category}
            aria-labelledby="hd-cat"
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {info.categories.map((c) => (
                <Radio.Card key={c.id} value={c.id} p="md" radius="md" withBorder>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <Text fw={600} size="sm">
                      {c.title}
                    </Text>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          {chosen ? (
            <Alert color="blue" variant="light" mt="md" icon={<IconAlert />} title={chosen.title}>
              {chosen.hint}
            </Alert>
          ) : null}
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="hd-prio">
          <Title order={2} size="h4" id="hd-prio" mb="xs">
            {t('helpdesk.new.priority')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('helpdesk.new.priorityLead', { start: info.businessHours.start, end: info.businessHours.end })}
          </Text>
          <Radio.Group
            value={priority}
            onChange={(v) => setPriority(v as Priority)}
            aria-labelledby="hd-prio"
          >
            <Stack gap="xs">
              {info.priorities.map((p) => (
                <Radio
                  key={p.id}
                  value={p.id}
                  label={t(`helpdesk.priority.${p.id}`)}
                  description={
                    <>
                      {t(`helpdesk.new.priorityWhen.${p.id}`)} {t('helpdesk.new.firstAnswer')}
                      <TargetHint allDay={p.allDay} minutes={p.firstResponseMinutes} />
                    </>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="hd-what">
          <Title order={2} size="h4" id="hd-what" mb="sm">
            {t('helpdesk.new.what')}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t('helpdesk.new.subject')}
              placeholder={t('helpdesk.new.subjectPlaceholder')}
              value={subject}
              onChange={(e) => {
                setSubject(e.currentTarget.value);
                clear('subject');
              }}
              error={fields.subject}
              maxLength={120}
              required
            />
            <Textarea
              label={t('helpdesk.new.description')}
              description={t('helpdesk.new.descriptionHint')}
              value={description}
              onChange={(e) => {
                setDescription(e.currentTarget.value);
                clear('description');
              }}
              error={fields.description}
              autosize
              minRows={6}
              maxLength={8000}
              required
            />
            <FileInput
              label={t('helpdesk.files.label')}
              description={t('helpdesk.files.hint', { limit: formatSize(info.attachments.maxBytes) })}
              placeholder={t('helpdesk.files.placeholder')}
              multiple
              clearable
              accept=".pdf,.png,.jpg,.jpeg,.txt,.eml,application/pdf,image/png,image/jpeg,text/plain,message/rfc822"
              value={files}
              onChange={(f) => {
                setFiles(f);
                clear('files');
              }}
              error={fields.files}
            />
            {files.length ? (
              <List size="sm">
                {files.map((f) => (
                  <List.Item key={f.name}>
                    {f.name}（{formatSize(f.size)}）
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        </Card>
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={create.isPending}>
            {t('helpdesk.new.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
