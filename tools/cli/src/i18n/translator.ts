import { MESSAGES_EN, type MessageKey } from './messages-en.js';
import { MESSAGES_JA } from './messages-ja.js';

/** The languages of the CLI's messages; English is the default. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en: MESSAGES_EN, ja: MESSAGES_JA };

export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks a message up in the current language and fills in its `{name}` parameters. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Whether `value` names a language the CLI speaks. */
export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** A translator for `lang`; a parameter the message names but `params` lacks is left as `{name}`. */
export function createTranslator(lang: Language): Translate {
  const catalog = CATALOGS[lang];
  return (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
