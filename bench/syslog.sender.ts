/**
 * Sends a file of syslog lines to host:port over TCP (newline framing, honouring the
 * socket's backpressure) or UDP (one datagram a line), in its own process.
 * Usage: node --import tsx bench/syslog.sender.ts <tcp|udp> <port> <file>
 * Prints {sent, ms}.
 */
import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import net from 'node:net';

const [proto, portArg, file] = process.argv.slice(2);
const port = Number(portArg);
const lines = (await readFile(file as string, 'utf8')).split('\n').filter(Boolean);
const started = performance.now();
if (proto === 'tcp') {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((r) => socket.once('connect', () => r()));
  const chunk = 500;
  for (let i = 0; i < lines.length; i += chunk) {
    const ok = socket.write(`${lines.slice(i, i + chunk).join('\n')}\n`);
    if (!ok) await new Promise<void>((r) => socket.once('drain', () => r()));
  }
  await new Promise<void>((r) => socket.end(() => r()));
} else {
  const udp = dgram.createSocket('udp4');
  let i = 0;
  // Bursts of 200 datagrams, then yield: a sender that does not simply overflow its own buffer.
  while (i < lines.length) {
    const burst = lines.slice(i, i + 200);
    i += burst.length;
    await Promise.all(burst.map((l) => new Promise<void>((r) => udp.send(l, port, '127.0.0.1', () => r()))));
    await new Promise((r) => setImmediate(r));
  }
  udp.close();
}
process.stdout.write(JSON.stringify({ sent: lines.length, ms: Math.round(performance.now() - started) }));
