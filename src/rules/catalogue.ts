import { answerHeldUnderGag } from './answerHeldUnderGag.ts';
import { cloudActMotionWindow, compellableOnly, emergencyAssessedFirst, emergencyFollowUp, foreignLawConflictChallenged, noDisclosurePastRetention } from './dataRules.ts';
import { abuseComplaintHandling, dataSubjectDeadline, erasureGround, noSilentDeadline, preservationTerm, termination } from './deadlineRules.ts';
import { challengeLongSecrecy } from './challengeLongSecrecy.ts';
import { enforcingAuthorityWindow } from './enforcingAuthorityWindow.ts';
import { gagEndsOnItsDate } from './gagEndsOnItsDate.ts';
import { delayedNotice, noNoticeUnderSecrecy, noticeBeforeDisclosure, objectionWindow } from './noticeRules.ts';
import type { Rule } from './Rule.ts';

/** Every rule dueprocess checks, in the order reports list them. */
export const RULES: readonly Rule[] = [
  noNoticeUnderSecrecy,
  noticeBeforeDisclosure,
  objectionWindow,
  delayedNotice,
  gagEndsOnItsDate,
  compellableOnly,
  emergencyAssessedFirst,
  emergencyFollowUp,
  challengeLongSecrecy,
  foreignLawConflictChallenged,
  cloudActMotionWindow,
  enforcingAuthorityWindow,
  noDisclosurePastRetention,
  termination,
  noSilentDeadline,
  preservationTerm,
  abuseComplaintHandling,
  dataSubjectDeadline,
  erasureGround,
  answerHeldUnderGag,
];
