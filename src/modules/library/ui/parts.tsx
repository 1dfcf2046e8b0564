import { Badge, Chip, Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Labelled } from './library-api.ts';

const categoryColor: Record<string, string> = {
  law: 'indigo',
  guide: 'teal',
  qualification: 'grape',
  training: 'orange',
};

export function CategoryBadge({ category }: { category: Labelled }) {
  return (
    <Badge color={categoryColor[category.id] ?? 'gray'} variant="filled" radius="sm" tt="none">
      {category.label}
    </Badge>
  );
}

export function AudienceBadges({ audiences }: { audiences: Labelled[] }) {
  return (
    <Group gap={4}>
      {audiences.map((a) => (
        <Badge key={a.id} variant="outline" color="gray" radius="sm" tt="none">
          {a.label}
        </Badge>
      ))}
    </Group>
  );
}

/** Page links under a list; hidden when everything fits on one page. */
export function Pager({
  page,
  total,
  pageSize,
  onChange,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <Group justify="center" mt="lg" component="nav" aria-label={t('library.pager.label')}>
      <Pagination total={pages} value={page} onChange={onChange} siblings={1} />
    </Group>
  );
}

/** A labelled row of chips choosing one of `options`, or all of them (value ''). */
export function ChipFilter(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  onChange: (value: string | undefined) => void;
  options: Labelled[];
}) {
  return (
    <>
      <Text component="span" size="sm" fw={500} display="block" mb={6} id={props.id}>
        {props.label}
      </Text>
      <Chip.Group value={props.value} onChange={(v) => props.onChange((v as string) || undefined)}>
        <Group gap={6} role="radiogroup" aria-labelledby={props.id}>
          <Chip value="" radius="sm">
            {props.allLabel}
          </Chip>
          {props.options.map((x) => (
            <Chip key={x.id} value={x.id} radius="sm">
              {x.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </>
  );
}
