// The shape of the UI's strings. Each module's *.i18n.ts adds its zh-CN keys to Messages (and
// its counted phrases to PluralMessages) with `declare module`, so t(key) knows every key while
// the kit imports no feature; the app puts the runtime dictionaries together.
export type Lang = 'zh-CN' | 'en';

/** Every message key, from the zh-CN strings of each module (augmented there). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Messages {}

/** Every counted phrase ("{n} days overdue"), chosen by the count's plural category (augmented there). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PluralMessages {}

export type MessageKey = keyof Messages;
export type PluralKey = keyof PluralMessages;

export type Dictionary = Record<MessageKey, string>;

/** A counted phrase's forms by Intl.PluralRules category; `{n}` stands for the count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** English needs a singular: "1 day", "2 days". zh-CN has only `other`. */
export type EnglishPlurals<ZhCN> = Record<keyof ZhCN, { one: string; other: string }>;
export type PluralDictionary = Record<PluralKey, PluralForms>;

/** One language's strings: the messages and the counted phrases. */
export interface Catalog {
  messages: Dictionary;
  plurals: PluralDictionary;
}
