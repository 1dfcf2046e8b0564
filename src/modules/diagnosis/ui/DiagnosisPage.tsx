import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Collapse,
  Container,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  useMatches,
} from '@mantine/core';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import {
  IconArrowRight,
  IconCheck,
  IconClipboardCheck,
  IconClock,
  IconList,
  IconLock,
} from '../../../../web/src/icons.tsx';
import { answeredCount, clearAnswers, loadAnswers, missingItems, storeAnswers } from './answers-store.ts';
import {
  ANSWER_COLORS,
  type Answer,
  type Answers,
  type Choice,
  ITEM_COUNT,
  type QuestionItem,
  useQuestions,
} from './diagnosis-api.ts';
import { pts } from './points.ts';

/** Moves to a question and puts the keyboard focus on its first choice. */
function goToQuestion(no: number): void {
  const card = document.getElementById(`q-${no}`);
  if (!card) return;
  card.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const input = card.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]');
  input?.focus({ preventScroll: true });
}

const Question = memo(function Question(props: {
  item: QuestionItem;
  choices: Choice[];
  value: Answer | undefined;
  missing: boolean;
  onAnswer: (no: number, value: Answer) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { item, choices, value } = props;
  const base = `q-${item.no}`;
  return (
    <Card
      withBorder
      padding="lg"
      id={base}
      className="diag-question"
      data-missing={props.missing || undefined}
      component="article"
      aria-labelledby={`${base}-topic`}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon
            size={36}
            radius="xl"
            variant={value ? 'filled' : 'light'}
            color={value ? 'brand' : props.missing ? 'orange' : 'gray'}
            aria-hidden="true"
          >
            {value ? <IconCheck size={18} /> : <Text fw={800}>{item.no}</Text>}
          </ThemeIcon>
          <Box style={{ minWidth: 0, flex: 1 }}>
            <Text size="xs" fw={700} c="dimmed">
              {t('diagnosis.questionNo', { no: item.no })}
              {props.missing ? (
                <Badge tt="none" ml={8} size="xs" color="orange" variant="light">
                  {t('diagnosis.form.unanswered')}
                </Badge>
              ) : null}
            </Text>
            <Title order={3} size="h4" id={`${base}-topic`}>
              {item.topic}
            </Title>
          </Box>
        </Group>
        <Text id={`${base}-text`} fz={{ base: 'md', sm: 'lg' }} fw={500}>
          {item.text}
        </Text>
        <Box>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={`${base}-help`}
            aria-describedby={`${base}-topic`}
            leftSection={<span aria-hidden="true">{open ? '−' : '+'}</span>}
          >
            {t('diagnosis.form.help')}
          </Button>
          <Collapse expanded={open} id={`${base}-help`}>
            <Box
              mt="xs"
              p="md"
              bg="brand.0"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              aria-label={t('diagnosis.form.helpLabel', { no: item.no })}
              role="note"
            >
              <Text size="sm">{item.help}</Text>
            </Box>
          </Collapse>
        </Box>
        <div
          className="diag-choices"
          role="radiogroup"
          aria-label={t('diagnosis.form.groupLabel', { no: item.no, topic: item.topic, text: item.text })}
          aria-required="true"
          aria-invalid={props.missing || undefined}
        >
          {choices.map((c) => {
            const id = `${base}-${c.value}`;
            return (
              <label key={c.value} className="diag-choice" htmlFor={id}>
                <input
                  type="radio"
                  id={id}
                  name={base}
                  value={c.value}
                  checked={value === c.value}
                  onChange={() => props.onAnswer(item.no, c.value)}
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-points`}
                />
                <span className="diag-choice-text">
                  <span className="diag-choice-label" id={`${id}-label`}>
                    {c.label}
                  </span>
                  <span className="diag-choice-points" id={`${id}-points`}>
                    {t('diagnosis.points', { count: c.points, points: pts(c.points) })}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </Stack>
    </Card>
  );
});

function Intro() {
  const { t } = useTranslation();
  return (
    <Box className="hero" py={{ base: 40, sm: 56 }}>
      <Container size="md">
        <Stack gap="md">
          <Badge tt="none" variant="white" color="brand" size="lg" radius="sm" w="fit-content">
            {t('diagnosis.intro.eyebrow')}
          </Badge>
          <Title order={1} fz={{ base: 28, sm: 38 }} lh={1.3}>
            {t('diagnosis.intro.title')}
          </Title>
          <Text fz={{ base: 'md', sm: 'lg' }} c="brand.0">
            {t('diagnosis.intro.lead')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {[
              { icon: <IconClock size={18} />, text: t('diagnosis.intro.time') },
              { icon: <IconList size={18} />, text: t('diagnosis.intro.count') },
              { icon: <IconClipboardCheck size={18} />, text: t('diagnosis.intro.parts') },
            ].map((f) => (
              <Group
                key={f.text}
                gap="xs"
                wrap="nowrap"
                className="hero-panel"
                p="sm"
                style={{ borderRadius: 12 }}
              >
                {f.icon}
                <Text fw={700} size="sm">
                  {f.text}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        </Stack>
      </Container>
    </Box>
  );
}

function HowItWorks({ choices }: { choices: Choice[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-how-title">
      <Title order={2} size="h4" id="diag-how-title" mb="xs">
        {t('diagnosis.intro.howTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('diagnosis.intro.howLead')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="md">
        {choices.map((c) => (
          <Box
            key={c.value}
            p="xs"
            style={{
              border: `1px solid var(--mantine-color-${ANSWER_COLORS[c.value]}-3)`,
              borderRadius: 'var(--mantine-radius-md)',
            }}
            bg={`${ANSWER_COLORS[c.value]}.0`}
          >
            <Text size="sm" fw={700}>
              {c.label}
            </Text>
            <Text size="lg" fw={800}>
              {t('diagnosis.points', { count: c.points, points: pts(c.points) })}
            </Text>
          </Box>
        ))}
      </SimpleGrid>
      <List size="sm" spacing={4}>
        <List.Item>{t('diagnosis.intro.howTotal')}</List.Item>
        <List.Item>{t('diagnosis.intro.howUnknown')}</List.Item>
      </List>
      <Alert
        color="brand"
        variant="light"
        icon={<IconLock />}
        mt="md"
        title={t('diagnosis.intro.privacyTitle')}
      >
        {t('diagnosis.intro.privacy')}
      </Alert>
    </Card>
  );
}

function ProgressBar(props: {
  answered: number;
  missing: number[];
  onShowMissing: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useMatches({ base: true, sm: false });
  const complete = props.missing.length === 0;
  return (
    <Box
      className="diag-progress"
      py="sm"
      component="section"
      aria-label={t('diagnosis.form.progressRegion')}
    >
      <Container size="md">
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" fw={700} aria-live="polite" data-testid="diagnosis-progress">
              {t('diagnosis.form.progress', { answered: props.answered, total: ITEM_COUNT })}
            </Text>
            <Progress
              value={(props.answered / ITEM_COUNT) * 100}
              color={complete ? 'teal' : 'brand'}
              size="md"
              mt={4}
              aria-label={t('diagnosis.form.progressLabel')}
            />
          </Box>
          {complete ? null : (
            <Button variant="default" size={narrow ? 'xs' : 'sm'} onClick={props.onShowMissing}>
              {narrow ? t('diagnosis.form.toMissingShort') : t('diagnosis.form.toMissing')}
            </Button>
          )}
          <Button
            size={narrow ? 'xs' : 'sm'}
            disabled={!complete}
            onClick={props.onSubmit}
            rightSection={narrow ? undefined : <IconArrowRight size={16} />}
          >
            {t('diagnosis.form.submit')}
          </Button>
        </Group>
      </Container>
    </Box>
  );
}

/** The public questionnaire: 25 questions in 3 parts; answers stay in this browser tab. */
export function DiagnosisPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('diagnosis.intro.docTitle'));
  const navigate = useNavigate();
  const questions = useQuestions();
  const [answers, setAnswers] = useState<Partial<Answers>>(() => loadAnswers());
  const [resumed] = useState(() => answeredCount(answers) > 0);
  const [showMissing, setShowMissing] = useState(false);

  const onAnswer = useCallback((no: number, value: Answer) => {
    setAnswers((prev) => {
      const next = { ...prev, [String(no)]: value };
      storeAnswers(next);
      return next;
    });
  }, []);

  if (questions.isPending) return <PageLoader />;
  if (questions.isError)
    return (
      <Container size="md" py="xl">
        <ErrorAlert error={questions.error} />
      </Container>
    );

  const { parts, choices } = questions.data;
  const missing = missingItems(answers);
  const answered = ITEM_COUNT - missing.length;
  const toMissing = () => {
    setShowMissing(true);
    const first = missing[0];
    if (first) goToQuestion(first);
  };
  const submit = () => {
    if (missing.length > 0) return toMissing();
    storeAnswers(answers);
    navigate('/diagnosis/result');
    window.scrollTo({ top: 0 });
  };
  const reset = () => {
    clearAnswers();
    setAnswers({});
    setShowMissing(false);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <>
      <Intro />
      <Box pb={0}>
        <Container size="md" py="xl">
          <Stack gap="xl">
            <HowItWorks choices={choices} />
            {resumed && answered > 0 ? (
              <Alert color="gray" variant="light" title={t('diagnosis.form.resumedTitle')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('diagnosis.form.resumed', { count: answered })}</Text>
                  <Button variant="default" size="xs" onClick={reset}>
                    {t('diagnosis.form.restart')}
                  </Button>
                </Stack>
              </Alert>
            ) : null}
            {parts.map((part, pi) => {
              const first = part.items[0]?.no ?? 0;
              const last = part.items.at(-1)?.no ?? 0;
              return (
                <Box component="section" key={part.id} aria-labelledby={`part-${part.id}`}>
                  <Stack gap={4} mb="md">
                    <Text size="sm" fw={700} c="brand.7">
                      {t('diagnosis.form.partEyebrow', { n: pi + 1, from: first, to: last })}
                    </Text>
                    <Title order={2} size="h2" id={`part-${part.id}`}>
                      {part.title}
                    </Title>
                    <Text c="dimmed">{part.description}</Text>
                  </Stack>
                  <Stack gap="md">
                    {part.items.map((item) => (
                      <Question
                        key={item.no}
                        item={item}
                        choices={choices}
                        value={answers[String(item.no)]}
                        missing={showMissing && !answers[String(item.no)]}
                        onAnswer={onAnswer}
                      />
                    ))}
                  </Stack>
                </Box>
              );
            })}
            <Card withBorder padding="lg" component="section" aria-labelledby="diag-finish-title">
              <Stack gap="sm" align="flex-start">
                <Title order={2} size="h4" id="diag-finish-title">
                  {missing.length === 0 ? t('diagnosis.form.doneTitle') : t('diagnosis.form.notDoneTitle')}
                </Title>
                {missing.length === 0 ? (
                  <Text size="sm">{t('diagnosis.form.doneBody')}</Text>
                ) : (
                  <Box>
                    <Text size="sm" mb={6}>
                      {t('diagnosis.form.missingList', { count: missing.length })}
                    </Text>
                    <Group gap={6}>
                      {missing.map((no) => (
                        <Button
                          key={no}
                          variant="light"
                          color="orange"
                          size="compact-sm"
                          onClick={() => {
                            setShowMissing(true);
                            goToQuestion(no);
                          }}
                          aria-label={t('diagnosis.form.goToQuestion', { no })}
                        >
                          {no}
                        </Button>
                      ))}
                    </Group>
                  </Box>
                )}
                {answered > 0 ? (
                  <Button variant="subtle" color="gray" size="xs" onClick={reset} px={0}>
                    {t('diagnosis.form.reset')}
                  </Button>
                ) : null}
              </Stack>
            </Card>
          </Stack>
        </Container>
        <ProgressBar answered={answered} missing={missing} onShowMissing={toMissing} onSubmit={submit} />
      </Box>
    </>
  );
}
