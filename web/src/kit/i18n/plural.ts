// Counted phrases: the form for the count's plural category (Intl.PluralRules), with {n} filled.
import type { Lang, PluralForms } from './messages.ts';

/** The phrase for `n`: its category's form (or `other`), `{n}` replaced by `shown`. */
export function pluralOf(rules: Intl.PluralRules, forms: PluralForms, n: number, shown: string): string {
  return (forms[rules.select(n)] ?? forms.other).replace('{n}', shown);
}

/** The plural rules of a language (English: one, other; Chinese: other only). */
export const pluralRules = (lang: Lang) => new Intl.PluralRules(lang);
