import { Alert, Button, Card, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconArrowRight,
  IconBuilding,
  IconClipboardCheck,
  IconFileText,
  IconLock,
} from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { clearAnswers, isComplete, keepForSignIn, loadAnswers } from './answers-store.ts';
import {
  type Answers,
  canEditDiagnosis,
  diagnosesKey,
  type SavedDiagnosis,
  useScore,
} from './diagnosis-api.ts';
import { ResultView } from './ResultView.tsx';

const HERE = '/diagnosis/result';

/** Saving the visitor's result: into the active organisation, or sign up / sign in first. */
function SavePanel({ answers }: { answers: Answers }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const org = activeOrg(me.data);
  const save = useMutation({
    mutationFn: (orgId: string) =>
      api<SavedDiagnosis>(`/api/v1/orgs/${orgId}/diagnoses`, { method: 'POST', body: { answers } }),
    onSuccess: async (saved, orgId) => {
      clearAnswers();
      await qc.invalidateQueries({ queryKey: diagnosesKey(orgId) });
      notifications.show({ color: 'teal', message: t('diagnosis.save.saved') });
      navigate(`/orgs/${orgId}/diagnoses/${saved.id}`);
    },
  });
  if (me.isPending) return null;

  let body: ReactNode;
  if (!me.data) {
    body = (
      <>
        <Text>{t('diagnosis.save.signedOut')}</Text>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/sign-up?redirect=${encodeURIComponent(HERE)}`}
            onClick={() => keepForSignIn(answers)}
            rightSection={<IconArrowRight size={16} />}
          >
            {t('diagnosis.save.signUp')}
          </Button>
          <Button
            component={Link}
            to={`/sign-in?redirect=${encodeURIComponent(HERE)}`}
            onClick={() => keepForSignIn(answers)}
            variant="default"
          >
            {t('diagnosis.save.signIn')}
          </Button>
        </Group>
      </>
    );
  } else if (!org) {
    body = (
      <>
        <Text>{t('diagnosis.save.noOrg')}</Text>
        <Group>
          <Button component={Link} to="/orgs/new" leftSection={<IconBuilding size={16} />}>
            {t('diagnosis.save.createOrg')}
          </Button>
        </Group>
      </>
    );
  } else if (!canEditDiagnosis(org.role)) {
    body = <Text>{t('diagnosis.save.notAllowed', { org: org.name })}</Text>;
  } else {
    body = (
      <>
        <Text>{t('diagnosis.save.signedIn', { org: org.name })}</Text>
        {save.isError ? <ErrorAlert error={errorMessage(save.error)} /> : null}
        <Group>
          <Button
            size="md"
            loading={save.isPending}
            onClick={() => save.mutate(org.id)}
            leftSection={<IconClipboardCheck size={18} />}
          >
            {t('diagnosis.save.button')}
          </Button>
        </Group>
      </>
    );
  }
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="diag-save-title"
      className="diag-no-print"
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="xl" variant="light" visibleFrom="xs">
          <IconLock size={22} />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Title order={2} size="h4" id="diag-save-title">
            {t('diagnosis.save.title')}
          </Title>
          {body}
        </Stack>
      </Group>
    </Card>
  );
}

/** The visitor's result, scored by the server from the answers kept in this tab. */
export function DiagnosisResultPage() {
  const { t } = useTranslation();
  const lang = useLang();
  useDocumentTitle(t('diagnosis.result.docTitle'));
  const [answers] = useState(() => {
    const a = loadAnswers();
    return isComplete(a) ? a : null;
  });
  const score = useScore(answers);

  if (!answers) {
    return (
      <Container size="sm" py={64}>
        <Card withBorder padding="xl">
          <Stack gap="md" align="flex-start">
            <Title order={1} size="h2">
              {t('diagnosis.result.noAnswersTitle')}
            </Title>
            <Text c="dimmed">{t('diagnosis.result.noAnswers')}</Text>
            <Button component={Link} to="/diagnosis" rightSection={<IconArrowRight size={16} />}>
              {t('diagnosis.start')}
            </Button>
          </Stack>
        </Card>
      </Container>
    );
  }
  if (score.isPending) return <PageLoader />;
  if (score.isError)
    return (
      <Container size="lg" py="xl">
        <ErrorAlert error={score.error} />
      </Container>
    );

  return (
    <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
      <ResultView
        result={score.data}
        heading={
          <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
            <Stack gap={2} style={{ flex: '1 1 280px' }}>
              <Text size="sm" c="dimmed">
                {t('diagnosis.result.dateLine', { date: formatDate(new Date().toISOString(), lang) })}
              </Text>
              <Title order={1} size="h2">
                {t('diagnosis.result.title')}
              </Title>
              <Text c="dimmed" size="sm" className="diag-no-print">
                {t('diagnosis.result.unsavedNote')}
              </Text>
            </Stack>
            <Group gap="sm" className="diag-no-print">
              <Button component={Link} to="/diagnosis" variant="default">
                {t('diagnosis.result.review')}
              </Button>
              <Button variant="light" leftSection={<IconFileText size={16} />} onClick={() => window.print()}>
                {t('diagnosis.print')}
              </Button>
            </Group>
          </Group>
        }
        afterSummary={<SavePanel answers={answers} />}
      />
      <Alert color="gray" variant="transparent" mt="xl" p={0}>
        <Text size="xs" c="dimmed">
          {t('diagnosis.result.disclaimer')}
        </Text>
      </Alert>
    </Container>
  );
}
