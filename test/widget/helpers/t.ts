import en from '../../../widget/i18n/en';
import { launcherStrings } from '../../../widget/i18n/launcher-strings';
import { createTranslate } from '../../../widget/i18n/t';

/** The English `t()` the panel uses: launcher strings and the panel dictionary. */
export const t = createTranslate('en', { ...launcherStrings.en, ...en });
