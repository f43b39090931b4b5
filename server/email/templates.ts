/**
 * The words Earshot itself writes in emails to visitors, per language. The agent's
 * own text is never translated or altered; emails are plain text, so nothing a
 * visitor or agent typed can become markup.
 */
import { isTimeZone } from '../domain/hours';

export const EMAIL_LOCALES = ['en', 'cs', 'ru', 'hy', 'am'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

interface Words {
  replySubject: (site: string) => string;
  greeting: (name: string) => string;
  youWrote: string;
  signOff: (agent: string, site: string) => string;
  replyHint: string;
  chatReplySubject: (site: string) => string;
  chatReplyIntro: (agent: string) => string;
  continueAt: string;
  linkOnce: (days: number) => string;
  resumeSubject: (site: string) => string;
  transcriptSubject: (site: string) => string;
  transcriptIntro: (date: string) => string;
  you: string;
  automatic: string;
}

const WORDS: Record<EmailLocale, Words> = {
  en: {
    replySubject: (site) => `Re: your feedback to ${site}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    youWrote: 'You wrote:',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'You can answer this email directly.',
    chatReplySubject: (site) => `New reply from ${site}`,
    chatReplyIntro: (agent) => `${agent} answered your message:`,
    continueAt: 'Continue the conversation on our site:',
    linkOnce: (days) => `The link opens this conversation on any device, once, for ${days} days.`,
    resumeSubject: (site) => `Continue your conversation with ${site}`,
    transcriptSubject: (site) => `Your conversation with ${site}`,
    transcriptIntro: (date) => `Here is your conversation of ${date}.`,
    you: 'You',
    automatic: 'Automatic answer',
  },
  cs: {
    replySubject: (site) => `Re: vaše zpětná vazba pro ${site}`,
    greeting: (name) => (name ? `Dobrý den, ${name},` : 'Dobrý den,'),
    youWrote: 'Napsali jste:',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'Na tento e-mail můžete rovnou odpovědět.',
    chatReplySubject: (site) => `Nová odpověď od ${site}`,
    chatReplyIntro: (agent) => `${agent} odpověděl(a) na vaši zprávu:`,
    continueAt: 'V konverzaci můžete pokračovat na našem webu:',
    linkOnce: (days) => `Odkaz otevře tuto konverzaci na libovolném zařízení, jednou, po dobu ${days} dní.`,
    resumeSubject: (site) => `Pokračujte v konverzaci s ${site}`,
    transcriptSubject: (site) => `Vaše konverzace s ${site}`,
    transcriptIntro: (date) => `Posíláme záznam vaší konverzace ze dne ${date}.`,
    you: 'Vy',
    automatic: 'Automatická odpověď',
  },
  ru: {
    replySubject: (site) => `Re: ваш отзыв для ${site}`,
    greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
    youWrote: 'Вы написали:',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'Вы можете просто ответить на это письмо.',
    chatReplySubject: (site) => `Новый ответ от ${site}`,
    chatReplyIntro: (agent) => `${agent} ответил(а) на ваше сообщение:`,
    continueAt: 'Продолжить разговор можно на нашем сайте:',
    linkOnce: (days) => `Ссылка откроет этот разговор на любом устройстве один раз в течение ${days} дней.`,
    resumeSubject: (site) => `Продолжите разговор с ${site}`,
    transcriptSubject: (site) => `Ваш разговор с ${site}`,
    transcriptIntro: (date) => `Вот запись вашего разговора от ${date}.`,
    you: 'Вы',
    automatic: 'Автоматический ответ',
  },
  hy: {
    replySubject: (site) => `Re: ձեր կարծիքը ${site}-ին`,
    greeting: (name) => (name ? `Բարև ձեզ, ${name},` : 'Բարև ձեզ,'),
    youWrote: 'Դուք գրել եք՝',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'Կարող եք պատասխանել անմիջապես այս նամակին։',
    chatReplySubject: (site) => `Նոր պատասխան ${site}-ից`,
    chatReplyIntro: (agent) => `${agent}-ը պատասխանել է ձեր հաղորդագրությանը՝`,
    continueAt: 'Զրույցը կարող եք շարունակել մեր կայքում՝',
    linkOnce: (days) => `Հղումը մեկ անգամ կբացի այս զրույցը ցանկացած սարքում՝ ${days} օրվա ընթացքում։`,
    resumeSubject: (site) => `Շարունակեք ձեր զրույցը ${site}-ի հետ`,
    transcriptSubject: (site) => `Ձեր զրույցը ${site}-ի հետ`,
    transcriptIntro: (date) => `Ահա ձեր ${date}-ի զրույցի գրառումը։`,
    you: 'Դուք',
    automatic: 'Ավտոմատ պատասխան',
  },
  am: {
    replySubject: (site) => `Re: ለ${site} የሰጡት አስተያየት`,
    greeting: (name) => (name ? `ሰላም ${name}፣` : 'ሰላም፣'),
    youWrote: 'እርስዎ የጻፉት፦',
    signOff: (agent, site) => `${agent}\n${site}`,
    replyHint: 'ለዚህ ኢሜይል በቀጥታ መመለስ ይችላሉ።',
    chatReplySubject: (site) => `ከ${site} አዲስ ምላሽ`,
    chatReplyIntro: (agent) => `${agent} ለመልእክትዎ መልስ ሰጥተዋል፦`,
    continueAt: 'ውይይቱን በድረ-ገጻችን ላይ መቀጠል ይችላሉ፦',
    linkOnce: (days) => `ይህ አገናኝ ይህን ውይይት በማንኛውም መሣሪያ ላይ አንድ ጊዜ ይከፍታል፣ ለ${days} ቀናት።`,
    resumeSubject: (site) => `ከ${site} ጋር ያደረጉትን ውይይት ይቀጥሉ`,
    transcriptSubject: (site) => `ከ${site} ጋር ያደረጉት ውይይት`,
    transcriptIntro: (date) => `የ${date} ውይይትዎ ይኸውና።`,
    you: 'እርስዎ',
    automatic: 'ራስ-ሰር መልስ',
  },
};

/** The supported language closest to a BCP 47 tag such as `cs-CZ`; English otherwise. */
export function emailLocale(tag: string | null | undefined): EmailLocale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] as EmailLocale;
  return EMAIL_LOCALES.includes(base) ? base : 'en';
}

/** Quotes text the way mail clients do, one `> ` per line. */
function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
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

/** An agent's chat reply, emailed to a visitor who has left the site. */
export function chatReplyEmail(p: {
  locale: string | null;
  siteName: string;
  visitorName: string | null;
  agentName: string;
  reply: string;
  pageUrl: string | null;
  /** A single-use resume link (the page with its fragment), in place of the bare page. */
  resumeLink?: string | null;
  resumeDays?: number;
}) {
  const w = WORDS[emailLocale(p.locale)];
  const parts = [w.greeting(p.visitorName ?? ''), '', w.chatReplyIntro(p.agentName), '', p.reply, '', w.signOff(p.agentName, p.siteName)];
  if (p.resumeLink) parts.push('', w.continueAt, p.resumeLink, w.linkOnce(p.resumeDays ?? 7));
  else if (p.pageUrl) parts.push('', w.continueAt, p.pageUrl);
  return { subject: w.chatReplySubject(p.siteName), text: parts.join('\n') };
}

/** A whole conversation as plain text, in the visitor's language and time zone. */
export function transcriptEmail(p: {
  locale: string | null;
  timezone: string | null;
  siteName: string;
  messages: { author: string; authorName: string | null; text: string; createdAt: string; automatic: boolean }[];
  resumeLink?: string | null;
  resumeDays?: number;
}) {
  const locale = emailLocale(p.locale);
  const w = WORDS[locale];
  // A zone stored before zones were checked may be unknown here.
  const timeZone = p.timezone && isTimeZone(p.timezone) ? p.timezone : 'UTC';
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' });
  const first = p.messages[0]?.createdAt ?? new Date().toISOString();
  const lines = p.messages.map((m) => {
    const who = m.author === 'visitor' ? w.you : m.automatic ? w.automatic : (m.authorName ?? p.siteName);
    return `[${time.format(new Date(m.createdAt))}] ${who}:\n${m.text}`;
  });
  return {
    subject: w.transcriptSubject(p.siteName),
    text: [
      w.transcriptIntro(date.format(new Date(first))),
      '',
      ...lines.join('\n\n').split('\n'),
      ...(p.resumeLink ? ['', w.continueAt, p.resumeLink, w.linkOnce(p.resumeDays ?? 7)] : []),
    ].join('\n'),
  };
}

/** Tells the site's admins about a message left while nobody was available. */
export function offlineMessageEmail(p: { siteName: string; from: string; text: string; page: string | null }) {
  const lines = [`${p.from} left a message on ${p.siteName} while nobody was available:`, '', quote(p.text)];
  if (p.page) lines.push('', `Page: ${p.page}`);
  lines.push('', 'Answer it in the Earshot console; the visitor gets your reply by email.');
  return { subject: `[${p.siteName}] New message from ${p.from}`, text: lines.join('\n') };
}

/** The resume link a visitor asked for in the widget ("Continue on another device"). */
export function resumeLinkEmail(p: { locale: string | null; siteName: string; visitorName: string | null; link: string; days: number }) {
  const w = WORDS[emailLocale(p.locale)];
  const text = [w.greeting(p.visitorName ?? ''), '', w.continueAt, p.link, w.linkOnce(p.days), '', p.siteName].join('\n');
  return { subject: w.resumeSubject(p.siteName), text };
}
