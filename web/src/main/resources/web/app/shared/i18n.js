// Every string a person reads comes from a message bundle (i18n/en.js, fr.js, ar.js). The language is, in order:
// the one the person picked here, their own (Contact.language), what the browser asks for, the deployment's default.
// Arabic pages run right to left (dir="rtl" on <html>). Names and comments are data, never translated or parsed.
import en from '../i18n/en.js';
import fr from '../i18n/fr.js';
import ar from '../i18n/ar.js';

const BUNDLES = { en, fr, ar };
const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const CHOSEN = 'rapport.language';
const changes = new EventTarget();
let language = 'en';
let personLanguage = null;
let fallback = 'en';

export const LANGUAGES = Object.keys(BUNDLES);

/** The primary subtag of a BCP 47 tag we have a bundle for ("fr-CA" → "fr"), or null. */
export function supported(tag) {
  if (!tag) return null;
  const primary = String(tag).toLowerCase().split(/[-_]/)[0];
  return BUNDLES[primary] ? primary : null;
}

function chosen() {
  try { return supported(localStorage.getItem(CHOSEN)); } catch (e) { return null; }
}

function resolve() {
  return chosen() || supported(personLanguage)
    || (navigator.languages || [navigator.language]).map(supported).find(Boolean)
    || supported(fallback) || 'en';
}

function apply() {
  const next = resolve();
  const changed = next !== language || document.documentElement.lang !== next;
  language = next;
  document.documentElement.lang = language;
  document.documentElement.dir = RTL.has(language) ? 'rtl' : 'ltr';
  if (changed) changes.dispatchEvent(new Event('change'));
}

/** Sets the deployment's default language (config.json) and applies the resolved language. */
export function initLanguage(defaultLanguage) {
  fallback = defaultLanguage || 'en';
  apply();
}

/** The person's own language (Contact.language), when known; their explicit choice here still wins. */
export function usePersonLanguage(tag) {
  personLanguage = tag || null;
  apply();
}

/** The person picked a language on the page: remembered in this browser. */
export function chooseLanguage(tag) {
  try { localStorage.setItem(CHOSEN, supported(tag) || ''); } catch (e) { /* private mode: this page only */ }
  apply();
}

export function currentLanguage() { return language; }
export function isRtl() { return RTL.has(language); }

export function onLanguageChange(listener) {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

/**
 * A message in the current language, {name} placeholders filled from vars; English, then the key, as fallbacks.
 * A message about a number of things has its plural forms as keys of their own, by the language's plural rule
 * ("segments.count.one": "{n} contact now" beside "segments.count": "{n} contacts now"); the number is vars.count,
 * else vars.n, when it is a number (pass it beside a formatted n: t(key, { n: num(x), count: x })).
 */
export function t(key, vars) {
  const count = vars && (typeof vars.count === 'number' ? vars.count : typeof vars.n === 'number' ? vars.n : null);
  const form = count === null ? undefined : BUNDLES[language][key + '.' + new Intl.PluralRules(language).select(count)];
  const text = form ?? BUNDLES[language][key] ?? BUNDLES.en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] === undefined || vars[name] === null ? m : String(vars[name])));
}

/** A date and time in the current language (and the given zone, else the browser's). */
export function formatDateTime(value, options = {}) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...options }).format(date);
}

export function formatDate(value, options = {}) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value.length === 10 ? value + 'T00:00:00' : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...options }).format(date);
}

export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(language, options).format(value);
}
