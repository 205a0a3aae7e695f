// A terminal for command tests: answers given in advance, everything said kept.
import type { CliIo } from '../cli/terminal.ts';

export interface ScriptedIo extends CliIo {
  readonly said: string[];
  readonly errors: string[];
  /** the questions asked, with whether the answer was hidden */
  readonly asked: { question: string; hidden: boolean }[];
  /** out and err as one text */
  text(): string;
}

/** `answers`: typed at each question on the terminal; `stdin`: the first line of a pipe (null: it ends empty). */
export function scriptedIo(options: { interactive: boolean; answers?: string[]; stdin?: string | null }): ScriptedIo {
  const answers = [...(options.answers ?? [])];
  const said: string[] = [];
  const errors: string[] = [];
  const asked: { question: string; hidden: boolean }[] = [];
  return {
    said,
    errors,
    asked,
    interactive: options.interactive,
    out: (line) => void said.push(line),
    err: (line) => void errors.push(line),
    ask: async (question, o) => {
      if (!options.interactive) throw new Error(`asked "${question}" without a terminal`);
      asked.push({ question, hidden: o?.hidden ?? false });
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no answer scripted for "${question}"`);
      return answer;
    },
    readLine: async () => (options.stdin === undefined ? null : options.stdin),
    text: () => [...said, ...errors].join('\n'),
  };
}
