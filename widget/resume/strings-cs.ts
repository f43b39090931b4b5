import type { ResumeStrings } from './strings';

/** Czech strings of "resume anywhere" (vykání). */
export const cs: ResumeStrings = {
  r_restoring: 'Otevíráme vaši konverzaci…',
  r_restored: 'Vaše konverzace je tady. Můžete pokračovat tam, kde jste skončili.',
  r_used: 'Tento odkaz už byl použit. Požádejte o nový v chatu na svém druhém zařízení.',
  r_expired: 'Platnost odkazu vypršela. Požádejte o nový v chatu na svém druhém zařízení.',
  r_invalid: 'Tento odkaz není platný. Zkontrolujte, že jste otevřeli celý odkaz z e-mailu.',
  r_failed: 'Konverzaci se nepodařilo otevřít: {reason}',
  r_continue: 'Pokračovat na jiném zařízení',
  r_sent: 'Poslali jsme odkaz na {email}. Otevřete ho na svém druhém zařízení.',
};
