import { Alert, Card, Group, type MantineSpacing, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/**
 * A titled card section holding one form: heading, lead text, a general error alert
 * above the fields and the submit button(s) right-aligned below them.
 */
export function FormCard({
  id,
  title,
  lead,
  onSubmit,
  error,
  gap = 'md',
  actions,
  children,
}: {
  /** id of the section heading (the section is labelled by it). */
  id: string;
  title: ReactNode;
  lead: ReactNode;
  onSubmit: (e: FormEvent) => void;
  /** A message for the whole form, shown as an alert; nothing when null. */
  error?: ReactNode;
  gap?: MantineSpacing;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {lead}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap={gap}>
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          {children}
          <Group justify="flex-end">{actions}</Group>
        </Stack>
      </form>
    </Card>
  );
}
