import { Box, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { PHASES, type Phase, type Step } from './guide-api.ts';
import { PhaseTitle, ReferralCard } from './parts.tsx';

export interface StepTicks {
  done: Map<string, { doneAt: string; doneByName: string | null }>;
  /** Ticks sent but not yet answered: shown at once, reverted if the server refuses. */
  pending?: Map<string, boolean>;
  onToggle: (stepId: string, done: boolean) => void;
  disabled?: boolean;
}

function StepBody({ step }: { step: Step }) {
  return (
    <Stack gap={2}>
      <Text fw={700} fz="md">
        {step.text}
      </Text>
      {step.detail ? (
        <Text size="sm" c="dimmed">
          {step.detail}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * The guide's steps in four phases. Read-only on the public page; with `ticks`, each step is a
 * checkbox that records who did it and when.
 */
export function TopicSteps({
  steps,
  ticks,
  afterFirst,
  phaseLead,
  stepExtra,
}: {
  steps: Step[];
  ticks?: StepTicks;
  /** Shown right after the first phase (the "do not" box, before anyone acts further). */
  afterFirst?: ReactNode;
  /** Shown under a phase's heading (e.g. the organisation's own people to tell). */
  phaseLead?: Partial<Record<Phase, ReactNode>>;
  /** Something to do right at a step (e.g. open the report draft the step asks for). */
  stepExtra?: (step: Step) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const phases = PHASES.filter((ph) => steps.some((s) => s.phase === ph));
  return (
    <Stack gap="xl">
      {phases.map((ph, i) => (
        <Fragment key={ph}>
          <Box component="section" aria-label={t(`guide.phase.${ph}.title`)} data-testid={`phase-${ph}`}>
            <PhaseTitle phase={ph} n={i + 1} />
            {phaseLead?.[ph]}
            <Stack gap="sm" className={ph === 'first' ? 'guide-first' : undefined}>
              {steps
                .filter((s) => s.phase === ph)
                .map((s, j) => {
                  const done = ticks?.done.get(s.id);
                  const checked = ticks?.pending?.get(s.id) ?? Boolean(done);
                  return (
                    <Card
                      key={s.id}
                      withBorder
                      padding="md"
                      radius="md"
                      className="guide-step"
                      data-done={checked ? 'true' : undefined}
                    >
                      <Stack gap="sm">
                        {ticks ? (
                          <Checkbox
                            size="md"
                            checked={checked}
                            disabled={ticks.disabled}
                            onChange={(e) => ticks.onToggle(s.id, e.currentTarget.checked)}
                            label={<StepBody step={s} />}
                            aria-label={s.text}
                            description={
                              done
                                ? t('guide.case.doneBy', {
                                    name: done.doneByName ?? '—',
                                    at: formatDateTime(done.doneAt, lang),
                                  })
                                : undefined
                            }
                          />
                        ) : (
                          <Group gap="sm" wrap="nowrap" align="flex-start">
                            <Text fw={800} c={ph === 'first' ? 'red.7' : 'brand.7'} fz="lg" lh={1.4} miw={22}>
                              {j + 1}.
                            </Text>
                            <StepBody step={s} />
                          </Group>
                        )}
                        {s.referral ? <ReferralCard referral={s.referral} /> : null}
                        {stepExtra?.(s)}
                      </Stack>
                    </Card>
                  );
                })}
            </Stack>
          </Box>
          {ph === 'first' ? afterFirst : null}
        </Fragment>
      ))}
    </Stack>
  );
}
