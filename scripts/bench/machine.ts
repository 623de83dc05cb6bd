/** The machine line printed above the table: time figures only mean something next to it. */
import os from 'node:os';

export interface MachineFacts {
  cpus: string;
  memory: string;
  load: string;
  node: string;
  chromium: string;
  os: string;
}

export function describeMachine(chromiumVersion: string): MachineFacts {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return {
    cpus: `${cpus.length} × ${model}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free`,
    load: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
    node: process.version,
    chromium: chromiumVersion,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function renderMachine(facts: MachineFacts): string {
  return [
    `Machine: ${facts.cpus}`,
    `Memory:  ${facts.memory}`,
    `Load:    ${facts.load} (1/5/15 min; other work on the machine skews time figures)`,
    `Node:    ${facts.node}   Chromium: ${facts.chromium}   OS: ${facts.os}`,
  ].join('\n');
}
