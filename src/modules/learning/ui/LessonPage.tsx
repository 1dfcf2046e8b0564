import { Anchor, Box, Button, Card, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconLock } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { type Answers, LessonArticle, LessonHeader, NextThemeCard, Quiz } from './Lesson.tsx';
import {
  type AttemptResult,
  matrixKey,
  nextTheme,
  progressKey,
  themeStatus,
  useProgress,
  useTheme,
  useThemes,
} from './learning-api.ts';

function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" w="fit-content">
      ← {label}
    </Anchor>
  );
}

/** /orgs/:orgId/learning/:themeId — the lesson and its test; the result is saved for the member. */
export function LessonPage() {
  const { orgId = '', themeId = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const theme = useTheme(themeId);
  const progress = useProgress(orgId);
  const listTo = `/orgs/${orgId}/learning`;
  const back = <BackLink to={listTo} label={t('learning.lesson.backToList')} />;

  if (theme.isPending) return <PageLoader />;
  if (theme.isError)
    return (
      <>
        {back}
        <PageHeader title={t('learning.lesson.notFoundTitle')} />
        <ErrorAlert error={theme.error} />
      </>
    );

  const mine = progress.data?.themes.find((x) => x.id === themeId);
  const next = progress.data ? nextTheme(progress.data.themes, themeId) : null;

  const submit = async (answers: Answers) => {
    const r = await api<AttemptResult>(
      `/api/v1/orgs/${orgId}/learning/themes/${encodeURIComponent(themeId)}/attempts`,
      { method: 'POST', body: { answers } },
    );
    await Promise.all([
      qc.invalidateQueries({ queryKey: progressKey(orgId) }),
      qc.invalidateQueries({ queryKey: matrixKey(orgId) }),
    ]);
    return r;
  };

  return (
    <Box maw={860}>
      <LessonHeader theme={theme.data} status={mine ? themeStatus(mine) : undefined} back={back} />
      <Stack gap="lg">
        <LessonArticle theme={theme.data} />
        {progress.isError ? <ErrorAlert error={progress.error} /> : null}
        <Quiz key={theme.data.id} theme={theme.data} submit={submit} orgId={orgId} />
        {progress.data ? (
          <NextThemeCard
            to={next ? `/orgs/${orgId}/learning/${next.id}` : null}
            title={next?.title}
            listTo={listTo}
            listLabel={t('learning.lesson.backToList')}
            endText={t('learning.lesson.allDone')}
          />
        ) : null}
      </Stack>
    </Box>
  );
}

/** /learning/:themeId — anyone may read the lesson; answering needs an account. */
export function PublicLessonPage() {
  const { themeId = '' } = useParams();
  const { t } = useTranslation();
  const theme = useTheme(themeId);
  const themes = useThemes();
  const me = useMe();
  const back = <BackLink to="/learning" label={t('learning.public.backToList')} />;

  let body: ReactNode;
  if (theme.isPending) body = <PageLoader />;
  else if (theme.isError)
    body = (
      <>
        {back}
        <PageHeader title={t('learning.lesson.notFoundTitle')} />
        <ErrorAlert error={theme.error} />
      </>
    );
  else {
    const list = themes.data ?? [];
    const at = list.findIndex((x) => x.id === themeId);
    const next = at >= 0 ? (list[at + 1] ?? null) : null;
    body = (
      <>
        <LessonHeader theme={theme.data} back={back} />
        <Stack gap="lg">
          <LessonArticle theme={theme.data} />
          <Quiz
            key={theme.data.id}
            theme={theme.data}
            cta={<SignInCta themeId={themeId} signedIn={Boolean(me.data)} orgId={activeOrg(me.data)?.id} />}
          />
          <NextThemeCard
            to={next ? `/learning/${next.id}` : null}
            title={next?.title}
            listTo="/learning"
            listLabel={t('learning.public.backToList')}
            endText={t('learning.public.lastTheme')}
          />
        </Stack>
      </>
    );
  }
  return (
    <Box bg="gray.0" py={{ base: 'lg', sm: 40 }}>
      <Container size={860} px={{ base: 'md', sm: 'lg' }}>
        {body}
      </Container>
    </Box>
  );
}

/** Stands in for the submit button on the public lesson. */
function SignInCta(props: { themeId: string; signedIn: boolean; orgId?: string }) {
  const { t } = useTranslation();
  const here = `/learning/${props.themeId}`;
  const q = `?redirect=${encodeURIComponent(props.orgId ? `/orgs/${props.orgId}/learning/${props.themeId}` : here)}`;
  return (
    <Card withBorder padding="lg" bg="brand.0" className="learn-cta" data-testid="sign-in-cta">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="xl" variant="white" visibleFrom="xs">
          <IconLock size={24} />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          {props.signedIn && props.orgId ? (
            <>
              <Title order={3} size="h4">
                {t('learning.public.ctaOrgTitle')}
              </Title>
              <Text size="sm">{t('learning.public.ctaOrgBody')}</Text>
              <Group>
                <Button component={Link} to={`/orgs/${props.orgId}/learning/${props.themeId}`}>
                  {t('learning.public.takeTest')}
                </Button>
              </Group>
            </>
          ) : props.signedIn ? (
            <>
              <Title order={3} size="h4">
                {t('learning.public.ctaNoOrgTitle')}
              </Title>
              <Text size="sm">{t('learning.public.ctaNoOrgBody')}</Text>
              <Group>
                <Button component={Link} to="/orgs/new">
                  {t('learning.public.createOrg')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Title order={3} size="h4">
                {t('learning.public.ctaTitle')}
              </Title>
              <Text size="sm">{t('learning.public.ctaBody')}</Text>
              <Group gap="sm">
                <Button component={Link} to={`/sign-in${q}`}>
                  {t('learning.public.ctaSignIn')}
                </Button>
                <Button component={Link} to={`/sign-up${q}`} variant="default">
                  {t('learning.public.signUp')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
