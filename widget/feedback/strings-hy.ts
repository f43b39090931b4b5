import type { FeedbackStrings } from './strings';

/** Armenian strings of the feedback view (polite «դուք»). */
export const hy: FeedbackStrings = {
  feedback_heading: 'Ասեք՝ ինչ եք կարծում',
  feedback_rating: 'Գնահատական',
  feedback_rating_1: '1 – Շատ վատ',
  feedback_rating_2: '2 – Վատ',
  feedback_rating_3: '3 – Միջին',
  feedback_rating_4: '4 – Լավ',
  feedback_rating_5: '5 – Շատ լավ',
  feedback_category: 'Կատեգորիա',
  category_complaint: 'Բողոք',
  category_praise: 'Գովեստ',
  category_idea: 'Առաջարկ',
  category_question: 'Հարց',
  feedback_text: 'Ձեր կարծիքը',
  feedback_contact: 'Ցանկանո՞ւմ եք պատասխան ստանալ',
  contact_reply: 'Այո, պատասխանեք ինձ',
  contact_anonymous: 'Մնալ անանուն',
  feedback_name: 'Անուն',
  feedback_email: 'Էլ. փոստ',
  feedback_anonymous_note: 'Ոչինչ, որով հնարավոր է ձեզ ճանաչել, չի պահպանվում՝ ոչ անուն, ոչ էլ. փոստի հասցե։',
  feedback_no_reply_note:
    'Մենք կարդում ենք յուրաքանչյուր հաղորդագրություն, բայց այստեղ պատասխանել չենք կարող, և ոչինչ, որով ' +
    'հնարավոր է ձեզ ճանաչել, չի պահպանվում։ Պատասխանի համար գրեք մեզ զրույցում։',
  feedback_page_note: 'Ձեր կարծիքի հետ կուղարկվեն նաև այս էջի հասցեն և վերնագիրը։',
  feedback_send: 'Ուղարկել կարծիքը',
  feedback_error_name: 'Գրեք ձեր անունը, որ իմանանք, թե ում պատասխանել։',
  feedback_error_email_missing: 'Գրեք ձեր էլ. փոստի հասցեն, որպեսզի կարողանանք պատասխանել։',
  feedback_error_email: 'Գրեք էլ. փոստի հասցեն այսպես՝ name@example.com։',
  feedback_error_empty: 'Ընտրեք գնահատական կամ գրեք մի քանի բառ։',
  feedback_error_long: 'Խնդրում ենք կրճատել տեքստը մինչև {max} նիշ (հիմա այն {length} նիշ է)։',
  feedback_error_rating: 'Ընտրեք գնահատական 1-ից 5։',
  feedback_error_offline:
    'Դուք կապից դուրս եք, ուստի ոչինչ չի ուղարկվել։ Ձեր կարծիքը մնում է այստեղ․ ուղարկեք այն կրկին, երբ կապը վերականգնվի։',
  feedback_error_timeout: 'Սերվերը չպատասխանեց։ Խնդրում ենք կրկին փորձել։',
  feedback_error_rate_limited: 'Կարճ ժամանակում շատ կարծիքներ եք ուղարկել։ Խնդրում ենք կրկին փորձել մի քանի րոպեից։',
  feedback_error_server: 'Չհաջողվեց ուղարկել ձեր կարծիքը՝ {reason}',
  feedback_thanks_reply: 'Շնորհակալություն։ Կպատասխանենք էլ. փոստով, սովորաբար մեկ աշխատանքային օրվա ընթացքում։',
  feedback_thanks: 'Շնորհակալություն ձեր կարծիքի համար։',
  feedback_again: 'Ուղարկել ևս մեկ կարծիք',
  back_to_chat: 'Վերադառնալ զրույցին',
};
