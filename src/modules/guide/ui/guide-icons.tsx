import type { ReactNode } from 'react';
import type { IconProps } from '../../../../web/src/icons.tsx';

// Icons the shared set lacks, drawn the same way (24px grid, 1.8 stroke, decorative).
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

export function IconPhone({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <path d="M5 4h3.5l1.7 4.3-2.2 1.4a11 11 0 0 0 6.3 6.3l1.4-2.2L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5A16.5 16.5 0 0 1 3.5 5.6 1.5 1.5 0 0 1 5 4z" />,
  );
}

export function IconExternal({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <>
      <path d="M14 4h6v6M20 4l-9 9" />
      <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </>,
  );
}

export function IconBan({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="m6 6 12 12" />
    </>,
  );
}

export function IconSiren({ size, ...rest }: IconProps) {
  return svg(
    size,
    rest,
    <>
      <path d="M7 18v-6a5 5 0 0 1 10 0v6" />
      <path d="M5 18h14v2H5zM12 3v2M4.2 6.2l1.4 1.4M19.8 6.2l-1.4 1.4" />
    </>,
  );
}

export function IconDownload({ size, ...rest }: IconProps) {
  return svg(size, rest, <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />);
}
