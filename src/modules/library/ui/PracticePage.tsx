import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, fieldErrors } from '../../../../web/src/api.ts';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { PublicHero } from '../../../../web/src/components/PublicHero.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconCheck } from '../../../../web/src/icons.tsx';
import { type PracticeResult, type PracticeSet, useTaxonomy } from './library-api.ts';

/** The exam's own labels for the four choices. */
const MARKS: Record<string, Record<string, string>> = {
  ja: { a: 'ア', b: 'イ', c: 'ウ', d: 'エ' },
  en: { a: 'A', b: 'B', c: 'C', d: 'D' },
};

/** /library/practice — five questions at a time; answers are checked on the server, then explained. */
export function PracticePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.practice.docTitle'));
  const lang = useLang();
  const tax = useTaxonomy();
  const [topic, setTopic] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const topRef = useRef<HTMLHeadingElement>(null);
  const set = useQuery({
    queryKey: ['library', 'practice', lang, topic, round],
    queryFn: () => api<PracticeSet>('/api/v1/library/practice', { query: { topic, count: 5 } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const check = useMutation({
    mutationFn: () =>
      api<PracticeResult>('/api/v1/library/practice/check', { method: 'POST', body: { answers } }),
    onSuccess: () => topRef.current?.focus(),
  });
  const result = check.data;
  const byId = new Map((result?.results ?? []).map((r) => [r.id, r]));
  const questions = set.data?.questions ?? [];
  const remaining = questions.filter((q) => !answers[q.id]).length;
  const fields = fieldErrors(check.error);
  const restart = (nextTopic = topic) => {
    setAnswers({});
    check.reset();
    setTopic(nextTopic);
    setRound((r) => r + 1);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <PublicHero
        kicker={t('library.practice.kicker')}
        title={t('library.practice.title')}
        lead={t('library.practice.lead')}
        leadWidth={680}
      />
      <Container size="md" py={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Select
              label={t('library.practice.topic')}
              data={[
                { value: '', label: t('library.practice.allTopics') },
                ...(tax.data?.practiceTopics ?? []).map((x) => ({
                  value: x.id,
                  label: `${x.label}（${x.count}）`,
                })),
              ]}
              value={topic ?? ''}
              onChange={(v) => restart(v || null)}
              allowDeselect={false}
              w={260}
              comboboxProps={{ withinPortal: true }}
            />
            <Text size="sm" c="dimmed">
              {set.data ? t('library.practice.poolSize', { count: set.data.total }) : null}{' '}
              <Anchor component={Link} to="/library/information-security-management-exam" size="sm">
                {t('library.practice.examLink')}
              </Anchor>
            </Text>
          </Group>

          <Title
            order={2}
            size="h3"
            ref={topRef}
            tabIndex={-1}
            style={{ outline: 'none', scrollMarginTop: 84 }}
          >
            {result
              ? t('library.practice.score', { correct: result.correct, total: result.total })
              : t('library.practice.docTitle')}
          </Title>
          {result ? (
            <Alert color={result.correct === result.total ? 'teal' : 'blue'} variant="light" role="status">
              {result.correct === result.total
                ? t('library.practice.perfect')
                : t('library.practice.keepGoing')}
            </Alert>
          ) : null}

          {set.isPending ? <PageLoader /> : null}
          {set.isError ? <ErrorAlert error={set.error} /> : null}

          <Stack gap="lg">
            {questions.map((q, i) => {
              const r = byId.get(q.id);
              return (
                <Card
                  key={q.id}
                  withBorder
                  padding="lg"
                  radius="md"
                  className="library-question"
                  data-result={r ? (r.correct ? 'correct' : 'wrong') : undefined}
                >
                  <Group gap="xs" mb={8}>
                    <Badge variant="filled" radius="sm">
                      {t('library.practice.questionNo', { no: i + 1 })}
                    </Badge>
                    <Badge variant="light" color="gray" radius="sm" tt="none">
                      {q.topic.label}
                    </Badge>
                    {r ? (
                      <Badge color={r.correct ? 'teal' : 'red'} variant="light" radius="sm">
                        {r.correct ? t('library.practice.correct') : t('library.practice.wrong')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Radio.Group
                    label={q.text}
                    value={answers[q.id] ?? null}
                    onChange={(v) => !result && setAnswers((a) => ({ ...a, [q.id]: v }))}
                    readOnly={Boolean(result)}
                    error={fields[`answers.${q.id}`]}
                    name={`practice-${round}-${q.id}`}
                    styles={{
                      label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 700, marginBottom: 10 },
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
                            label={`${MARKS[lang]?.[c.id] ?? c.id}　${c.text}`}
                            classNames={{
                              root: `library-choice${isAnswer ? ' is-answer' : isWrongPick ? ' is-wrong' : ''}`,
                            }}
                            description={
                              isAnswer
                                ? t('library.practice.rightAnswer')
                                : isWrongPick
                                  ? t('library.practice.yourAnswer')
                                  : undefined
                            }
                            color={r ? (isAnswer ? 'teal' : 'red') : undefined}
                          />
                        );
                      })}
                    </Stack>
                  </Radio.Group>
                  {r ? (
                    <Box mt="md" className="library-explanation" role="note">
                      <Text fw={700} size="sm" mb={4}>
                        {t('library.practice.explanation')}
                      </Text>
                      <Text size="sm">{r.explanation}</Text>
                    </Box>
                  ) : null}
                </Card>
              );
            })}
          </Stack>

          {check.error && !Object.keys(fields).length ? <ErrorAlert error={check.error} /> : null}
          {questions.length ? (
            result ? (
              <Group>
                <Button size="md" onClick={() => restart()} rightSection={<IconArrowRight size={18} />}>
                  {t('library.practice.next')}
                </Button>
              </Group>
            ) : (
              <Stack gap={6} align="flex-start">
                <Button
                  size="md"
                  onClick={() => check.mutate()}
                  disabled={remaining > 0}
                  loading={check.isPending}
                  leftSection={<IconCheck size={18} />}
                >
                  {t('library.practice.submit')}
                </Button>
                {remaining > 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('library.practice.remaining', { count: remaining })}
                  </Text>
                ) : null}
              </Stack>
            )
          ) : null}
        </Stack>
      </Container>
    </>
  );
}
