/** Evidence files for an insurance claim: what we accept and how we name it. */

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CLAIM = 20;

export const attachmentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export function isAttachmentType(v: string): v is AttachmentType {
  return (attachmentTypes as readonly string[]).includes(v);
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/**
 * Whether the bytes really are what the uploader says: a script renamed to .pdf is refused,
 * so a download can never be something other than its label.
 */
export function contentMatches(type: AttachmentType, buf: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'image/png':
      return startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(buf, [0xff, 0xd8, 0xff]);
    case 'text/plain': {
      if (buf.includes(0)) return false;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf);
        return true;
      } catch {
        return false;
      }
    }
  }
}

const extensionOf: Record<AttachmentType, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'text/plain': '.txt',
};

/**
 * A display name that is safe anywhere: no folders, no control or shell-special characters,
 * at most 120 characters, ending in the extension of the real type. Japanese names stay readable.
 */
export function safeFilename(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f<>:"|?*;`$]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  const ext = extensionOf[type];
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 120 - ext.length) || 'file';
  return `${stem}${ext}`;
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Japanese file names survive downloads. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
