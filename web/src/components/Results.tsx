import { Box, Card, Group, SimpleGrid, type SimpleGridProps, Skeleton, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './Page.tsx';

/** A titled results section with an optional live result count beside the heading. */
export function ResultsSection({
  id,
  title,
  count,
  children,
}: {
  /** id of the section heading (the section is labelled by it). */
  id: string;
  title: ReactNode;
  /** The count line, announced as a status; omitted while loading. */
  count?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {count != null ? (
          <Text size="sm" c="dimmed" role="status">
            {count}
          </Text>
        ) : null}
      </Group>
      {children}
    </Box>
  );
}

/** The bordered "nothing here" card shown in place of an empty list. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Card withBorder padding="xl">
      <Text c="dimmed" ta="center">
        {children}
      </Text>
    </Card>
  );
}

/** Placeholder cards shown while a card grid loads. */
export function CardGridSkeleton({
  cols,
  count,
  h,
}: {
  cols: SimpleGridProps['cols'];
  count: number;
  h: number;
}) {
  return (
    <SimpleGrid cols={cols} spacing="md">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} h={h} radius="md" />
      ))}
    </SimpleGrid>
  );
}

/** A grid of result cards rendered as a list; dimmed while stale results are shown. */
export function CardGrid({
  cols,
  stale = false,
  children,
}: {
  cols: SimpleGridProps['cols'];
  stale?: boolean;
  children: ReactNode;
}) {
  return (
    <SimpleGrid
      cols={cols}
      spacing="md"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none', opacity: stale ? 0.6 : 1 }}
    >
      {children}
    </SimpleGrid>
  );
}

/** The parts of a list query's state that `CardGridResults` reads. */
export interface ListResult<T> {
  data: { items: T[] } | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isPlaceholderData: boolean;
}

/** Loading placeholders, the error, an empty state, or the grid of cards for a list query. */
export function CardGridResults<T>({
  result,
  cols,
  skeleton,
  empty,
  children,
}: {
  result: ListResult<T>;
  cols: SimpleGridProps['cols'];
  skeleton: { count: number; h: number };
  empty: ReactNode;
  children: (item: T) => ReactNode;
}) {
  if (result.isPending) return <CardGridSkeleton cols={cols} {...skeleton} />;
  if (result.isError || !result.data) return <ErrorAlert error={result.error} />;
  if (result.data.items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <CardGrid cols={cols} stale={result.isPlaceholderData}>
      {result.data.items.map(children)}
    </CardGrid>
  );
}
