import type { ReactNode } from 'react';
import type { IconProps } from '../../../../web/src/icons.tsx';

// A few icons the shared set lacks, drawn the same way (24px grid, 1.8 stroke, decorative).
function svg(size: IconProps['size'], rest: Omit<IconProps, 'size'>, children: ReactNode) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size ?? 20}
      height={size ?? 20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export function IconDownload({ size, ...rest }: IconProps) {
  return svg(size, rest, <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />);
}

export function IconAward({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <>
      <circle cx="12" cy="9" r="5.5" />
      <path d="m8.5 13.5-1.5 7 5-2.5 5 2.5-1.5-7" />
    </>,
  );
}

export function IconExternal({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />,
  );
}

export function IconX({ size, ...rest }: IconProps) {
  return svg(size, rest, <path d="M6 6l12 12M18 6 6 18" />);
}

export function IconRefresh({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <>
      <path d="M20 11a8 8 0 0 0-14.3-4.9L4 8" />
      <path d="M4 4v4h4M4 13a8 8 0 0 0 14.3 4.9L20 16" />
      <path d="M20 20v-4h-4" />
    </>,
  );
}

export function IconBulb({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <>
      <path d="M9 18h6M10 21h4" />
      <path d="M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1.1 2V16h5v-.2c.1-.8.5-1.5 1.1-2A6 6 0 0 0 12 3z" />
    </>,
  );
}
