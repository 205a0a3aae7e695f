// What a command-line tool says and asks: lines out, questions on a terminal (a password without
// echo), one line read from a pipe. Commands take a CliIo, so tests drive them without a terminal.

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** stdin is a terminal, so a question can be asked */
  readonly interactive: boolean;
  /** asks on the terminal; `hidden` echoes nothing of the answer (a password) */
  ask(question: string, options?: { hidden?: boolean }): Promise<string>;
  /** the first line of stdin (a pipe), without its line ending; null when stdin ends empty */
  readLine(): Promise<string | null>;
}

/** Raised when the person at the terminal ends a question with Ctrl-C or Ctrl-D. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

/** Reads a line in raw mode, echoing it unless hidden (raw mode keeps a password off the screen). */
function askRaw(question: string, hidden: boolean): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error: Error | null) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      // a paste arrives as one chunk: take it character by character
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === CTRL_C || (ch === CTRL_D && answer === '')) return finish(new Interrupted('cancelled'));
        if (BACKSPACES.has(ch)) {
          if (answer.length > 0) {
            answer = [...answer].slice(0, -1).join('');
            if (!hidden) stdout.write('\b \b');
          }
        } else if (ch >= ' ') {
          answer += ch;
          if (!hidden) stdout.write(ch);
        }
      }
    };
    stdin.on('data', onData);
  });
}

/** Reads stdin up to its first line break (or its end). */
function readFirstLine(): Promise<string | null> {
  const { stdin } = process;
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (line: string | null) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', reject);
      stdin.pause();
      resolve(line);
    };
    const onData = (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) done(text.slice(0, end).replace(/\r$/, ''));
    };
    const onEnd = () => done(text === '' ? null : text.replace(/\r$/, ''));
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', reject);
    stdin.resume();
  });
}

/** The process's own terminal and pipes. */
export function processIo(): CliIo {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    interactive: process.stdin.isTTY === true,
    ask: (question, options) => askRaw(question, options?.hidden ?? false),
    readLine: readFirstLine,
  };
}

/** Thousands separated, as every count the tools print. */
export const n = (value: number): string => value.toLocaleString('en-US');

/** A count with its noun, plural unless one: "1 account", "2,045 accounts". */
export const counted = (value: number, noun: string): string => `${n(value)} ${noun}${value === 1 ? '' : 's'}`;
