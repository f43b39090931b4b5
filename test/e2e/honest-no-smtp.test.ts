import { describe } from 'vitest';
import { useE2e } from '../helpers/e2e';
import { honestScreens } from './honest-screens';

const e2e = useE2e({ openAllDay: true });

describe('without SMTP, no screen of the widget promises or asks for email (Chromium)', () => {
  honestScreens(e2e, false);
});
