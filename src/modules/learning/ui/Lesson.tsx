import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Typography,
} from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../../web/src/api.ts';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import {
  IconAlert,
  IconArrowRight,
  IconAward,
  IconBulb,
  IconCheck,
  IconMessage,
  IconRefresh,
  IconX,
} from '../../../../web/src/icons.tsx';
import type { AttemptResult, ThemeDetail, ThemeStatus } from './learning-api.ts';
import { CertificateActions, courseLabel, MinutesLabel, StatusBadge } from './parts.tsx';

/** The title block of a lesson. */
export function LessonHeader(props: { theme: ThemeDetail; status?: ThemeStatus; back: ReactNode }) {
  const { t } = useTranslation();
  const { theme, status } = props;
  useDocumentTitle(theme.title);
  return (
    <Stack gap="xs" mb="lg">
      {props.back}
      <Group gap="xs">
        <Badge variant="light" radius="sm">
          {t('learning.lesson.kicker')}
        </Badge>
        <Badge variant="outline" color="gray" radius="sm">
          {t('learning.itemNo', { no: theme.item })}
        </Badge>
        <MinutesLabel minutes={theme.minutes} />
        {status ? <StatusBadge status={status} /> : null}
      </Group>
      <Title order={1} size="h2">
        {theme.title}
      </Title>
      <Text c="dimmed">{theme.summary}</Text>
    </Stack>
  );
}

/** 場面 → どこがいけなかったのか → ポイント. */
export function LessonArticle({ theme }: { theme: ThemeDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Paper
        component="section"
        aria-labelledby="lesson-scenario"
        className="learn-story"
        p={{ base: 'md', sm: 'xl' }}
      >
        <Group gap="sm" mb="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="xl" color="orange" variant="light">
            <IconMessage size={22} />
          </ThemeIcon>
          <Box>
            <Text size="xs" c="orange.8" fw={700} tt="uppercase" style={{ letterSpacing: '0.08em' }}>
              {t('learning.lesson.scenarioKicker')}
            </Text>
            <Title order={2} size="h3" id="lesson-scenario" lh={1.3}>
              {t('learning.lesson.scenario')}
            </Title>
          </Box>
        </Group>
        {/* Rendered by the server from Markdown with raw HTML disabled. */}
        <Typography className="learn-story-body">
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered Markdown, raw HTML disabled */}
          <div dangerouslySetInnerHTML={{ __html: theme.scenarioHtml }} />
        </Typography>
      </Paper>

      <Card
        withBorder
        padding="lg"
        component="section"
        aria-labelledby="lesson-wrong"
        className="learn-wrong"
      >
        <Group gap="sm" mb="sm" wrap="nowrap">
          <ThemeIcon size={36} radius="xl" color="red" variant="light">
            <IconAlert size={20} />
          </ThemeIcon>
          <Title order={2} size="h3" id="lesson-wrong">
            {t('learning.lesson.whatWentWrong')}
          </Title>
        </Group>
        <Typography>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered Markdown, raw HTML disabled */}
          <div dangerouslySetInnerHTML={{ __html: theme.whatWentWrongHtml }} />
        </Typography>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="lesson-points">
        <Group gap="sm" mb="md" wrap="nowrap">
          <ThemeIcon size={36} radius="xl" color="teal" variant="light">
            <IconBulb size={20} />
          </ThemeIcon>
          <Title order={2} size="h3" id="lesson-points">
            {t('learning.lesson.keyPoints')}
          </Title>
        </Group>
        <List
          spacing="sm"
          center={false}
          className="learn-points"
          icon={
            <ThemeIcon color="teal" size={24} radius="sm">
              <IconCheck size={16} />
            </ThemeIcon>
          }
        >
          {theme.keyPoints.map((p) => (
            <List.Item key={p}>
              <Text fw={600}>{p}</Text>
            </List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}

export type Answers = Record<string, string>;

/**
 * 確認テスト. With `submit` the answers are checked by the server; without it (public page) `cta`
 * stands where the submit button would be. Render with `key={theme.id}` so a new theme starts afresh.
 */
export function Quiz(props: {
  theme: ThemeDetail;
  submit?: (answers: Answers) => Promise<AttemptResult>;
  cta?: ReactNode;
  orgId?: string;
}) {
  const { t } = useTranslation();
  const { theme, submit } = props;
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLHeadingElement>(null);
  const [focus, setFocus] = useState<'summary' | 'top' | null>(null);

  useEffect(() => {
    const el = focus === 'summary' ? summaryRef.current : focus === 'top' ? topRef.current : null;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    setFocus(null);
  }, [focus]);

  const answered = theme.questions.filter((q) => answers[q.id]).length;
  const remaining = theme.questions.length - answered;
  const fields = error instanceof ApiError ? error.fields : {};
  const byId = new Map(result?.results.map((r) => [r.id, r]));

  const onSubmit = async () => {
    if (!submit || remaining > 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await submit(answers);
      setResult(r);
      setFocus('summary');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const retry = () => {
    setAnswers({});
    setResult(null);
    setError(null);
    setFocus('top');
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="lesson-test" className="learn-test">
      <Group gap="sm" mb={4} wrap="nowrap">
        <ThemeIcon size={36} radius="xl" variant="light">
          <IconCheck size={20} />
        </ThemeIcon>
        <Title
          order={2}
          size="h3"
          id="lesson-test"
          ref={topRef}
          tabIndex={-1}
          style={{ outline: 'none', scrollMarginTop: 84 }}
        >
          {t('learning.quiz.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="lg">
        {t('learning.quiz.lead', { count: theme.questions.length })}
      </Text>

      {result ? (
        <Box
          ref={summaryRef}
          tabIndex={-1}
          mb="lg"
          style={{ outline: 'none', scrollMarginTop: 84 }}
          role="status"
        >
          <ResultSummary result={result} orgId={props.orgId} />
        </Box>
      ) : null}

      <Stack gap="xl">
        {theme.questions.map((q, i) => {
          const r = byId.get(q.id);
          return (
            <Box
              key={q.id}
              className="learn-question"
              data-result={r ? (r.correct ? 'correct' : 'wrong') : undefined}
            >
              <Group gap="xs" mb={6} wrap="nowrap" align="center">
                <Badge variant="filled" color="brand" radius="sm" style={{ flexShrink: 0 }}>
                  {t('learning.quiz.questionNo', { no: i + 1 })}
                </Badge>
                {r ? (
                  <Badge
                    color={r.correct ? 'teal' : 'red'}
                    variant="light"
                    leftSection={r.correct ? <IconCheck size={12} /> : <IconX size={12} />}
                    data-testid={`mark-${q.id}`}
                  >
                    {r.correct ? t('learning.quiz.correct') : t('learning.quiz.wrong')}
                  </Badge>
                ) : null}
              </Group>
              <Radio.Group
                label={q.text}
                value={answers[q.id] ?? null}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                readOnly={Boolean(result)}
                error={fields[`answers.${q.id}`]}
                name={`${theme.id}-${q.id}`}
                styles={{
                  label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 700, marginBottom: 8 },
                }}
              >
                <Stack gap={8}>
                  {q.choices.map((c) => {
                    const isAnswer = r && c.id === r.answer;
                    const isWrongPick = r && !r.correct && c.id === r.chosen;
                    return (
                      <Radio
                        key={c.id}
                        value={c.id}
                        label={c.text}
                        classNames={{
                          root: `learn-choice${isAnswer ? ' is-answer' : isWrongPick ? ' is-wrong' : ''}`,
                        }}
                        description={
                          isAnswer
                            ? t('learning.quiz.rightAnswer')
                            : isWrongPick
                              ? t('learning.quiz.yourAnswer')
                              : undefined
                        }
                        color={result ? (isAnswer ? 'teal' : 'red') : undefined}
                      />
                    );
                  })}
                </Stack>
              </Radio.Group>
              {r ? (
                <Alert
                  mt="sm"
                  color={r.correct ? 'teal' : 'orange'}
                  variant="light"
                  title={t('learning.quiz.explanation')}
                  icon={<IconBulb size={18} />}
                >
                  <Text size="sm" className="learn-explanation">
                    {r.explanation}
                  </Text>
                </Alert>
              ) : null}
            </Box>
          );
        })}
      </Stack>

      <Box mt="xl">
        {error ? (
          <Box mb="md">
            <ErrorAlert error={error} />
          </Box>
        ) : null}
        {!submit ? (
          props.cta
        ) : result ? (
          result.passed ? null : (
            <Group>
              <Button size="md" onClick={retry} leftSection={<IconRefresh size={18} />}>
                {t('learning.quiz.retry')}
              </Button>
            </Group>
          )
        ) : (
          <Stack gap={6} align="flex-start">
            <Button
              size="md"
              onClick={() => void onSubmit()}
              disabled={remaining > 0}
              loading={busy}
              rightSection={<IconArrowRight size={18} />}
            >
              {t('learning.quiz.submit')}
            </Button>
            <Text size="sm" c="dimmed" aria-live="polite">
              {remaining > 0 ? t('learning.quiz.remaining', { count: remaining }) : t('learning.quiz.ready')}
            </Text>
          </Stack>
        )}
      </Box>
    </Card>
  );
}

function ResultSummary({ result, orgId }: { result: AttemptResult; orgId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {result.passed ? (
        <Alert
          color="teal"
          variant="filled"
          icon={<IconCheck size={22} />}
          title={t('learning.quiz.passedTitle')}
          data-testid="quiz-passed"
        >
          {t('learning.quiz.passedBody', { correct: result.correct, total: result.total })}
        </Alert>
      ) : (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlert size={22} />}
          title={t('learning.quiz.failedTitle', { correct: result.correct, total: result.total })}
          data-testid="quiz-failed"
        >
          {t('learning.quiz.failedBody')}
        </Alert>
      )}
      {orgId && result.newCertificates.length > 0 ? (
        <Paper className="learn-celebrate" p="lg" data-testid="new-certificates">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={52} radius="xl" color="yellow" variant="filled">
              <IconAward size={30} />
            </ThemeIcon>
            <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
              <Box>
                <Title order={3} size="h4">
                  {t('learning.quiz.certificateTitle')}
                </Title>
                <Text size="sm">{t('learning.quiz.certificateBody')}</Text>
              </Box>
              {result.newCertificates.map((c) => (
                <Stack key={c.code} gap={6}>
                  <Text fw={700}>
                    {courseLabel(t, c.course)}{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {c.code}
                    </Text>
                  </Text>
                  <CertificateActions orgId={orgId} cert={c} />
                </Stack>
              ))}
            </Stack>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** "Next theme" card at the end of a lesson. */
export function NextThemeCard(props: {
  to: string | null;
  title?: string;
  listTo: string;
  listLabel: string;
  /** Shown when there is no next theme. */
  endText: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="nav" aria-label={t('learning.lesson.nextNav')}>
      <Group justify="space-between" gap="md" wrap="wrap">
        <Box style={{ flex: '1 1 240px', minWidth: 0 }}>
          {props.to ? (
            <>
              <Text size="xs" c="dimmed">
                {t('learning.lesson.nextLabel')}
              </Text>
              <Text fw={700}>{props.title}</Text>
            </>
          ) : (
            <Text fw={700}>{props.endText}</Text>
          )}
        </Box>
        <Group gap="sm">
          <Anchor component={Link} to={props.listTo} size="sm">
            {props.listLabel}
          </Anchor>
          {props.to ? (
            <Button component={Link} to={props.to} rightSection={<IconArrowRight size={16} />}>
              {t('learning.lesson.nextButton')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}
