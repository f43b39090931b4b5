import { describe } from 'vitest';
import { useE2e } from '../helpers/e2e';
import { honestScreens } from './honest-screens';

const e2e = useE2e({ smtp: true, openAllDay: true });

describe('with SMTP, the same screens ask for and promise email (Chromium)', () => {
  honestScreens(e2e, true);
});
