import { type Source, src } from '../domain/source.ts';
import { allOf, before, neverStep, onEvent } from './language.ts';
import type { Rule, RuleContext } from './Rule.ts';

/** The kinds whose requester is the user: their answer goes to the very person a gag keeps in the dark. */
export const USER_IS_REQUESTER: Readonly<Record<string, readonly Source[]>> = {
  dataSubjectRequest: [src('§1 row 20', 'GDPR data-subject request: issued by the user, who gets their own data (access, copy)', 'S')],
};

/**
 * The gag a case of this kind is under is another case's (the demand the answer would reveal):
 * its end date and its challenge are that case's duties, not this one's.
 *
 * @example
 * gagOfAnotherCase({ ...ctx, kind: 'dataSubjectRequest' }); // true
 */
export const gagOfAnotherCase = (ctx: RuleContext): boolean => ctx.kind !== undefined && Object.hasOwn(USER_IS_REQUESTER, ctx.kind);

export const answerHeldUnderGag: Rule = {
  id: 'answer-held-under-gag',
  title: 'A request from the user is not answered while a gag covers what the answer would show',
  rationale:
    'An Art. 15 access answer names who received the user’s data, so it would reveal a gagged demand; a U.S. gag is no Art. 23 restriction, so the conflict is real and goes to counsel, never to an automatic answer. The answer waits for the gag to lift (the GDPR clock still runs, and the case is flagged overdue).',
  sources: [src('§8', 'GDPR data-subject rights vs gags: a true conflict, modelled as a state that needs legal escalation, not an automatic answer', '?'), src('§3', 'Secrecy rules by source', 'S')],
  scope: 'catalogue kinds whose requester is the user (a data-subject request) with a state tagged secrecy and request.fulfilled',
  appliesTo: (ctx) => gagOfAnotherCase(ctx) && ctx.tags.has('secrecy') && ctx.events.has('request.fulfilled'),
  premise: { text: 'a gag covers what the answer would show', match: () => (info) => info.post.hasTag('secrecy') },
  check: () => neverStep(allOf(onEvent('request.fulfilled'), before('secrecy')), 'the user’s request was answered while a gag covered what the answer shows'),
};
