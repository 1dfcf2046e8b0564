// A local SMTP server for tests: it accepts every message (any or no AUTH, no TLS), decodes it
// (headers, RFC 2047 subjects, quoted-printable/base64 bodies, multipart) and keeps it in memory.
// With `dir`, each message is also written there as <time>-<n>.json so another process
// (Playwright workers, see e2e/support/mail.ts) can read it.
// mailparser is not used: its dependency versions are missing from the registry here.
import { EventEmitter } from 'node:events';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  contentBase64: string;
}

export interface Message {
  /** Envelope recipients (RCPT TO), lower-cased: includes Cc and Bcc. */
  to: string[];
  /** The decoded From header (falls back to MAIL FROM). */
  from: string;
  /** The decoded Subject header. */
  subject: string;
  /** The text/plain part, decoded ('' when absent). */
  text: string;
  /** The text/html part, decoded (null when absent). */
  html: string | null;
  /** When the sink received it, ISO 8601. */
  date: string;
  /** Decoded header values, lower-case names (the last one wins when repeated). */
  headers: Record<string, string>;
  attachments: MailAttachment[];
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  messages: Message[];
  /** Resolves with the first message (already received or arriving later) that matches. */
  waitFor(predicate: (m: Message) => boolean, timeoutMs?: number): Promise<Message>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { dir?: string; host?: string } = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const messages: Message[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let seq = 0;
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        try {
          const rcpt = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const message = parseMessage(Buffer.concat(chunks), { to: rcpt, from: mailFrom });
          messages.push(message);
          if (options.dir) {
            seq += 1;
            const name = `${Date.now()}-${String(seq).padStart(5, '0')}`;
            const tmp = join(options.dir, `.${name}.tmp`);
            writeFileSync(tmp, JSON.stringify(message, null, 2));
            renameSync(tmp, join(options.dir, `${name}.json`)); // readers never see a half-written file
          }
          events.emit('message', message);
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  server.on('error', () => {}); // a client dropping the connection must not crash the test run

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 10_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<Message>((resolve, reject) => {
        const onMessage = (m: Message) => {
          if (!predicate(m)) return;
          clearTimeout(timer);
          events.off('message', onMessage);
          resolve(m);
        };
        const timer = setTimeout(() => {
          events.off('message', onMessage);
          const seen = messages.map((m) => `  ${m.to.join(',')}: ${m.subject}`).join('\n') || '  (none)';
          reject(new Error(`smtp-sink: no matching mail within ${timeoutMs} ms; received:\n${seen}`));
        }, timeoutMs);
        events.on('message', onMessage);
      });
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Every http(s) URL in a text, in order, without trailing punctuation (ASCII or Japanese). */
export function extractLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g) ?? [];
  return found.map((u) => u.replace(/[.,;:!?'")\]]+$/, ''));
}

// ---------------------------------------------------------------------------------------------
// MIME decoding

interface Part {
  headers: Map<string, string[]>;
  body: Buffer;
}

export function parseMessage(raw: Buffer | string, envelope?: { to: string[]; from: string }): Message {
  const buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const root = splitPart(buf);
  const acc: { text: string | null; html: string | null; attachments: MailAttachment[] } = {
    text: null,
    html: null,
    attachments: [],
  };
  walk(root, acc);
  const headers: Record<string, string> = {};
  for (const [name, values] of root.headers) headers[name] = decodeWords(values[values.length - 1] ?? '');
  const headerTo = [headers.to, headers.cc]
    .filter((v): v is string => Boolean(v))
    .flatMap((v) => [...v.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => m[0].toLowerCase()));
  return {
    to: envelope?.to.length ? envelope.to : headerTo,
    from: headers.from ?? envelope?.from ?? '',
    subject: headers.subject ?? '',
    text: acc.text ?? '',
    html: acc.html,
    date: new Date().toISOString(),
    headers,
    attachments: acc.attachments,
  };
}

function splitPart(buf: Buffer): Part {
  let sep = buf.indexOf('\r\n\r\n');
  let sepLen = 4;
  const lf = buf.indexOf('\n\n');
  if (sep < 0 || (lf >= 0 && lf < sep)) {
    sep = lf;
    sepLen = 2;
  }
  const head = sep < 0 ? buf.toString('latin1') : buf.subarray(0, sep).toString('latin1');
  const body = sep < 0 ? Buffer.alloc(0) : buf.subarray(sep + sepLen);
  const headers = new Map<string, string[]>();
  // Unfold continuation lines, then split "Name: value". Header bytes are kept as latin1 so raw
  // UTF-8 (RFC 6532) survives and is re-decoded below.
  for (const line of head.replace(/\r?\n[ \t]/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    const value = Buffer.from(line.slice(i + 1).trim(), 'latin1').toString('utf8');
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return { headers, body };
}

function header(part: Part, name: string): string {
  return part.headers.get(name)?.[0] ?? '';
}

/** "text/plain; charset=UTF-8; format=flowed" → { value: 'text/plain', params: { charset: 'UTF-8', … } } */
function parseHeaderValue(v: string): { value: string; params: Record<string, string> } {
  const [first = '', ...rest] = v.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    const key = p.slice(0, i).trim().toLowerCase();
    let val = p.slice(i + 1).trim();
    if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1);
    params[key] = val;
  }
  // RFC 2231 (filename*=UTF-8''%E8%A8%BA.pdf), as nodemailer writes non-ASCII file names.
  for (const key of Object.keys(params)) {
    if (!key.endsWith('*')) continue;
    const m = /^([^']*)'[^']*'(.*)$/.exec(params[key] ?? '');
    if (m) params[key.slice(0, -1)] = decodeCharset(Buffer.from(percentBytes(m[2] ?? '')), m[1] || 'utf-8');
  }
  return { value: first.trim().toLowerCase(), params };
}

function percentBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i) & 0xff);
  }
  return out;
}

function walk(part: Part, acc: { text: string | null; html: string | null; attachments: MailAttachment[] }) {
  const ct = parseHeaderValue(header(part, 'content-type') || 'text/plain; charset=us-ascii');
  if (ct.value.startsWith('multipart/')) {
    const boundary = ct.params.boundary;
    if (!boundary) return;
    for (const child of splitMultipart(part.body, boundary)) walk(splitPart(child), acc);
    return;
  }
  if (ct.value === 'message/rfc822') return;
  const disposition = parseHeaderValue(header(part, 'content-disposition'));
  const body = decodeTransfer(part.body, header(part, 'content-transfer-encoding'));
  const filename = disposition.params.filename ?? ct.params.name ?? null;
  const isAttachment =
    disposition.value === 'attachment' || (filename !== null && !ct.value.startsWith('text/'));
  if (!isAttachment && ct.value === 'text/plain' && acc.text === null) {
    acc.text = decodeCharset(body, ct.params.charset ?? 'us-ascii');
  } else if (!isAttachment && ct.value === 'text/html' && acc.html === null) {
    acc.html = decodeCharset(body, ct.params.charset ?? 'us-ascii');
  } else {
    acc.attachments.push({
      filename: filename === null ? null : decodeWords(filename),
      contentType: ct.value,
      size: body.length,
      contentBase64: body.toString('base64'),
    });
  }
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let pos = text.indexOf(delimiter);
  while (pos >= 0) {
    const afterDelim = pos + delimiter.length;
    if (text.startsWith('--', afterDelim)) break; // closing delimiter
    const start = text.indexOf('\n', afterDelim) + 1;
    if (start <= 0) break;
    let next = text.indexOf(`\n${delimiter}`, start);
    if (next < 0) next = text.length;
    let end = next;
    if (text[end - 1] === '\r') end -= 1;
    parts.push(Buffer.from(text.slice(start, end), 'latin1'));
    pos = next < text.length ? next + 1 : -1;
  }
  return parts;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    default:
      return body;
  }
}

export function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const text = s.replace(/[ \t]+(\r?\n)/g, '$1').replace(/=\r?\n/g, ''); // trailing blanks, soft line breaks
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const hex = text.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  const cs = charset.trim().toLowerCase();
  if (cs === 'us-ascii' || cs === 'ascii' || cs === 'utf8') return bytes.toString('utf8');
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/**
 * RFC 2047 encoded words: "=?UTF-8?B?44CQ?= =?UTF-8?Q?=E7=A2=BA?=" → "【確". Whitespace between adjacent
 * encoded words is dropped, and adjacent words in the same charset are decoded together so a
 * multi-byte character split across two words survives.
 */
export function decodeWords(value: string): string {
  const re = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: number[] } | null = null;
  const flush = () => {
    if (pending) out += decodeCharset(Buffer.from(pending.bytes), pending.charset);
    pending = null;
  };
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const between = value.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const charset = (m[1] ?? 'utf-8').split('*')[0] ?? 'utf-8'; // drop RFC 2231 language
    const data = m[3] ?? '';
    const bytes =
      m[2]?.toUpperCase() === 'B'
        ? [...Buffer.from(data, 'base64')]
        : [...decodeQuotedPrintable(data.replace(/_/g, ' '))];
    const p = pending as { charset: string; bytes: number[] } | null;
    if (p && p.charset.toLowerCase() === charset.toLowerCase()) p.bytes.push(...bytes);
    else {
      flush();
      pending = { charset, bytes };
    }
    last = re.lastIndex;
  }
  flush();
  return out + value.slice(last);
}
