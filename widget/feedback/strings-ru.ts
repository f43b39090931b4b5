import type { FeedbackStrings } from './strings';

/** Russian strings of the feedback view (на «вы»). */
export const ru: FeedbackStrings = {
  feedback_heading: 'Поделитесь своим мнением',
  feedback_rating: 'Оценка',
  feedback_rating_1: '1 — Очень плохо',
  feedback_rating_2: '2 — Плохо',
  feedback_rating_3: '3 — Нормально',
  feedback_rating_4: '4 — Хорошо',
  feedback_rating_5: '5 — Отлично',
  feedback_category: 'Тема',
  category_complaint: 'Жалоба',
  category_praise: 'Благодарность',
  category_idea: 'Идея',
  category_question: 'Вопрос',
  feedback_text: 'Ваш отзыв',
  feedback_contact: 'Хотите получить ответ?',
  contact_reply: 'Да, ответьте мне',
  contact_anonymous: 'Остаться анонимным',
  feedback_name: 'Имя',
  feedback_email: 'Эл. почта',
  feedback_anonymous_note: 'Мы не сохраняем ничего, что может вас идентифицировать: ни имени, ни адреса почты.',
  feedback_no_reply_note:
    'Мы читаем каждое сообщение, но ответить здесь не можем, и ничего, что может вас идентифицировать, ' +
    'не сохраняем. Если нужен ответ, напишите нам в чат.',
  feedback_page_note: 'Вместе с отзывом мы получим адрес и заголовок этой страницы.',
  feedback_send: 'Отправить отзыв',
  feedback_error_name: 'Укажите имя, чтобы мы знали, как к вам обращаться.',
  feedback_error_email_missing: 'Укажите адрес электронной почты, чтобы мы могли вам ответить.',
  feedback_error_email: 'Введите адрес в формате name@example.com.',
  feedback_error_empty: 'Поставьте оценку или напишите пару слов.',
  feedback_error_long: 'Сократите отзыв до {max} знаков (сейчас {length}).',
  feedback_error_rating: 'Выберите оценку от 1 до 5.',
  feedback_error_offline:
    'Нет подключения к интернету, поэтому ничего не отправлено. Ваш отзыв сохранён здесь: отправьте его снова, когда связь появится.',
  feedback_error_timeout: 'Сервер не ответил. Попробуйте ещё раз.',
  feedback_error_rate_limited: 'Вы отправили много отзывов за короткое время. Попробуйте снова через несколько минут.',
  feedback_error_server: 'Не удалось отправить отзыв: {reason}',
  feedback_thanks_reply: 'Спасибо! Мы ответим по электронной почте, обычно в течение рабочего дня.',
  feedback_thanks: 'Спасибо за отзыв!',
  feedback_again: 'Написать ещё отзыв',
  back_to_chat: 'Вернуться в чат',
};
