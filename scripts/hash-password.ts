/**
 * `npm run hash-password [-- <user>]`: prints a scrypt hash for `AUTH_BASIC_USERS`
 * (format in server/security/password.ts), or `user:hash` when a user name is given. The password
 * is read from the terminal without echo (asked twice), or as the first line of standard input
 * when piped — never from the command line, where it would stay in the shell's history.
 */
import { createInterface } from 'node:readline';
import { hashPassword } from '../server/security/password.ts';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const input = process.stdin;
    process.stderr.write(question);
    input.setRawMode?.(true);
    input.resume();
    input.setEncoding('utf8');
    let text = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') process.exit(130); // Ctrl-C
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode?.(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(text);
          return;
        }
        if (char === '\u007f') text = text.slice(0, -1);
        else text += char;
      }
    };
    input.on('data', onData);
  });
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

async function main(): Promise<void> {
  const user = process.argv[2];
  if (user !== undefined && (user === '' || user.includes(':') || user.includes(','))) {
    console.error('The user name must not be empty or contain ":" or ",".');
    process.exit(2);
  }
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('Password: ');
    if ((await askHidden('Again: ')) !== password) {
      console.error('The two passwords differ; nothing was written.');
      process.exit(1);
    }
  } else {
    password = await firstLine();
  }
  if (password.length < 12) {
    console.error('Use a password of at least 12 characters.');
    process.exit(1);
  }
  const hash = await hashPassword(password);
  console.log(user === undefined ? hash : `${user}:${hash}`);
}

void main();
