/**
 * The words Earshot itself writes in emails to visitors, per language. The agent's
 * own text is never translated or altered; emails are plain text, so nothing a
 * visitor or agent typed can become markup.
 */
export const EMAIL_LOCALES = ['en', 'cs', 'ru', 'hy', 'am'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

interface Words {
  replySubject: (site: string) => string;
  greeting: (name: string) => string;
  youWrote: string;
  signOff: (agent: string, site: string) => string;
  replyHint: string;
}

const WORDS: Record<EmailLocale, Words> = {
  en: {
    replySubject: (site) => `Re: your feedback to ${site}`,
    greeting: (name) => `Hello ${name},`,
    youWrote: 'You wrote:',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'You can answer this email directly.',
  },
  cs: {
    replySubject: (site) => `Re: vaše zpětná vazba pro ${site}`,
    greeting: (name) => `Dobrý den, ${name},`,
    youWrote: 'Napsali jste:',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'Na tento e-mail můžete rovnou odpovědět.',
  },
  ru: {
    replySubject: (site) => `Re: ваш отзыв для ${site}`,
    greeting: (name) => `Здравствуйте, ${name}!`,
    youWrote: 'Вы написали:',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'Вы можете просто ответить на это письмо.',
  },
  hy: {
    replySubject: (site) => `Re: ձեր կարծիքը ${site}-ին`,
    greeting: (name) => `Բարև ձեզ, ${name},`,
    youWrote: 'Դուք գրել եք՝',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'Կարող եք պատասխանել անմիջապես այս նամակին։',
  },
  am: {
    replySubject: (site) => `Re: ለ${site} የሰጡት አስተያየት`,
    greeting: (name) => `ሰላም ${name}፣`,
    youWrote: 'እርስዎ የጻፉት፦',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'ለዚህ ኢሜይል በቀጥታ መመለስ ይችላሉ።',
  },
};

/** The supported language closest to a BCP 47 tag such as `cs-CZ`; English otherwise. */
export function emailLocale(tag: string | null | undefined): EmailLocale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] as EmailLocale;
  return EMAIL_LOCALES.includes(base) ? base : 'en';
}

/** Quotes text the way mail clients do, one `> ` per line. */
function quote(text: string): string {
  return text.split(/\r?\n/).map((l) => `> ${l}`).join('\n');
}

/** The email that carries an agent's answer to a piece of feedback. */
export function feedbackReplyEmail(p: {
  locale: string | null;
  siteName: string;
  visitorName: string;
  agentName: string;
  reply: string;
  original: string;
}): { subject: string; text: string } {
  const w = WORDS[emailLocale(p.locale)];
  const parts = [w.greeting(p.visitorName), '', p.reply, '', w.signOff(p.agentName, p.siteName), '', w.replyHint];
  if (p.original) parts.push('', w.youWrote, quote(p.original));
  return { subject: w.replySubject(p.siteName), text: parts.join('\n') };
}

/** An alert to the site's admins about unhappy feedback (written in English, for the team). */
export function unhappyFeedbackEmail(p: {
  siteName: string;
  rating: number | null;
  category: string;
  text: string;
  from: string;
  page: string | null;
  consoleUrl: string | null;
}): { subject: string; text: string } {
  const rating = p.rating === null ? 'no rating' : `rating ${p.rating} of 5`;
  const lines = [
    `New ${p.category} on ${p.siteName} (${rating}) from ${p.from}.`,
    p.page ? `Page: ${p.page}` : '',
    '',
    quote(p.text || '(no text)'),
    '',
    p.consoleUrl ? `Answer it in the console: ${p.consoleUrl}` : 'Answer it in the Earshot console.',
  ].filter((l, i) => l !== '' || i > 1);
  return { subject: `[${p.siteName}] ${p.category === 'complaint' ? 'Complaint' : 'Unhappy feedback'}: ${rating}`, text: lines.join('\n') };
}

/** A note to the site's admins about a new call back request. */
export function newCallbackEmail(p: {
  siteName: string;
  phone: string;
  name: string | null;
  topic: string | null;
  due: string;
  asap: boolean;
  page: string | null;
}): { subject: string; text: string } {
  const when = p.asap ? `as soon as possible (${p.due})` : p.due;
  const lines = [
    `${p.name ?? 'A visitor'} asks to be called back on ${p.phone}, ${when}.`,
    p.topic ? `Topic: ${p.topic}` : '',
    p.page ? `Page: ${p.page}` : '',
    '',
    'The request is in the Callbacks queue of the Earshot console.',
  ].filter((l, i, all) => l !== '' || i === all.length - 2);
  return { subject: `[${p.siteName}] Call back ${p.name ?? p.phone}`, text: lines.join('\n') };
}
