import en from '../../../widget/i18n/en';
import { launcherEn } from '../../../widget/i18n/launcher-strings';
import { unreadEn } from '../../../widget/i18n/unread-strings';
import { createTranslate } from '../../../widget/i18n/t';

/** The English `t()` the panel uses: launcher strings and the panel dictionary. */
export const t = createTranslate('en', { ...launcherEn, ...unreadEn, ...en });
