import type { ResumeStrings } from './strings';

/** Amharic strings of "resume anywhere". */
export const am: ResumeStrings = {
  r_restoring: 'ውይይትዎን እየከፈትን ነው…',
  r_restored: 'ውይይትዎ እዚህ ነው። ካቆሙበት መቀጠል ይችላሉ።',
  r_used: 'ይህ አገናኝ አስቀድሞ ጥቅም ላይ ውሏል። በሌላኛው መሣሪያዎ ላይ ባለው ውይይት አዲስ ይጠይቁ።',
  r_expired: 'የዚህ አገናኝ ጊዜ አልፏል። በሌላኛው መሣሪያዎ ላይ ባለው ውይይት አዲስ ይጠይቁ።',
  r_invalid: 'ይህ አገናኝ ትክክል አይደለም። ከኢሜይሉ ሙሉውን አገናኝ መክፈትዎን ያረጋግጡ።',
  r_failed: 'ውይይቱን መክፈት አልተቻለም፦ {reason}',
  r_continue: 'በሌላ መሣሪያ ላይ ይቀጥሉ',
  r_sent: 'አገናኝ ወደ {email} ልከናል። በሌላኛው መሣሪያዎ ላይ ይክፈቱት።',
};
