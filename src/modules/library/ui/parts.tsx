import { Badge, Group, Pagination } from '@mantine/core';
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
