import { and } from 'xstate';
import { InputError } from '../../src/domain/InputError.ts';
import type { DemandSpec } from './DemandSpec.ts';

/**
 * The gag region of a legal-demand machine: in force from receipt by statute or certification,
 * or imposed by a court order with or without an end date; ended by expiry, a lift or a won
 * challenge. A court order the court modified gives way to its new order; where the court may
 * renew its order, a new one takes over while the old still runs. Open-ended secrecy has no
 * timer: it may never end.
 *
 * A new order restarts the term, and the policy's challenge duty is weighed again unless one is
 * already running (its clock stands) or a challenge is before the court (it is heard with the new
 * order). Both regions take the one event, so neither leaves the gag.
 */
export function secrecyRegion(spec: DemandSpec) {
  const id = spec.kind;
  const s = spec.secrecy;
  const routes = spec.routes.filter((r) => r.against === 'secrecy');
  const impose = { 'secrecy.imposed': { target: '#' + id + '.secrecy.inForce', actions: 'recordOrderTerm', meta: { sources: s.sources } } };
  if (s.renewal && !s.orderPossible) {
    throw new InputError('invalid', 'secrecy.renewal', s.renewal, 'is given for a gag no court may order (secrecy.orderPossible is false): only a court’s order is renewed by a new one', 'set secrecy.orderPossible to true, or leave renewal out');
  }
  const renewal = s.renewal;
  // Under a renewable order, the term region takes the new order and the challenge region weighs it.
  const renewTerm = renewal ? { 'secrecy.imposed': { target: 'resolve', actions: 'recordOrderTerm', meta: { sources: renewal.sources } } } : {};
  const reweigh = renewal ? { 'secrecy.imposed': { target: 'resolve', meta: { sources: renewal.sources } } } : {};
  const fileOn = {
    'challenge.filed': routes.map((r) => ({ guard: { type: 'routeIs', params: { route: r.id } }, target: r.id, meta: { sources: r.sources } })),
  };
  const routeStates = Object.fromEntries(
    routes.map((r) => {
      const decided = {
        'challenge.decided': [
          {
            guard: and([{ type: 'routeIs', params: { route: r.id } }, { type: 'outcomeIs', params: { outcome: 'won' } }]),
            target: `#${id}.secrecy.ended`,
            actions: 'clearOrderTerm',
          },
          ...(s.orderPossible ? [{ guard: and([{ type: 'routeIs', params: { route: r.id } }, { type: 'outcomeIs', params: { outcome: 'modified' } }]), target: 'modified' }] : []),
          { guard: { type: 'routeIs', params: { route: r.id } }, target: 'upheld' },
        ],
      };
      if (!r.governmentMustApplyWithin) {
        return [r.id, { tags: ['challenged', 'secrecyChallenged'], description: `${r.title}: before the court.`, on: decided }];
      }
      const apply = { 'challenge.governmentApplied': { guard: { type: 'routeIs', params: { route: r.id } }, target: 'beforeCourt' } };
      return [
        r.id,
        {
          tags: ['challenged', 'secrecyChallenged'],
          initial: 'awaitingGovernment',
          description: `${r.title}: the government must go to court within ${r.governmentMustApplyWithin}; the gag stays meanwhile.`,
          states: {
            awaitingGovernment: { after: { [r.governmentMustApplyWithin]: { target: 'governmentLate', meta: { sources: r.sources } } }, on: apply },
            governmentLate: { tags: ['governmentLate'], description: 'The government missed its deadline to apply; the provider may ask the court to end the gag.', on: apply },
            beforeCourt: { description: 'The court is reviewing the gag.' },
          },
          on: decided,
        },
      ];
    }),
  );
  return {
    initial: 'atReceipt',
    description: s.title,
    states: {
      atReceipt: {
        always: [
          ...(s.atReceipt === 'always' ? [{ target: 'inForce', meta: { sources: s.sources } }] : []),
          ...(s.atReceipt === 'ifCertified' ? [{ guard: 'secrecyCertified', target: 'inForce', meta: { sources: s.sources } }] : []),
          ...(s.orderPossible ? [{ guard: 'hasSecrecyOrder', target: 'inForce', actions: 'recordOrderTerm' }] : []),
          { target: 'none' },
        ],
      },
      none: { description: 'No nondisclosure obligation covers the request.', on: s.orderPossible ? impose : {} },
      inForce: {
        type: 'parallel' as const,
        tags: ['secrecy'],
        description: `${s.title}: the provider may not tell the user.`,
        meta: { sources: s.sources },
        on: {
          'secrecy.lifted': { guard: { type: 'liftReasonIs', params: { reasons: s.endsBy } }, target: 'ended', actions: 'clearOrderTerm' },
        },
        states: {
          term: {
            initial: 'resolve',
            states: {
              resolve: { always: [{ guard: 'termIsFixed', target: 'fixed' }, { target: 'openEnded' }] },
              fixed: { description: 'Ends on the date the court set.', after: { secrecyTerm: { target: `#${id}.secrecy.ended`, actions: 'clearOrderTerm' } }, on: renewTerm },
              openEnded: { tags: ['secrecyOpenEnded'], description: 'No end date: it may never end.', on: renewTerm },
            },
          },
          challenge: {
            initial: 'resolve',
            states: {
              resolve: { always: [{ guard: 'policyChallengesSecrecy', target: 'challengeDue' }, { target: 'unchallenged' }] },
              unchallenged: { description: 'Policy does not require a challenge to this gag.', on: { ...fileOn, ...reweigh } },
              challengeDue: {
                tags: ['challengeDue'],
                description: 'Policy requires a challenge to this gag (open-ended, or longer than its limit) within its delay.',
                on: fileOn,
                after: { secrecyChallengeWindow: 'overdue' },
              },
              overdue: { tags: ['overdue'], description: 'Policy required a challenge to this gag by now.', on: { ...fileOn, ...reweigh } },
              upheld: { description: 'The gag was challenged and upheld.', on: reweigh },
              // DOMAIN §1 row 7: the court may vacate or modify the order; a modified order's new term comes as a new order, which replaces the old.
              ...(s.orderPossible ? { modified: { description: 'The court modified the gag: its new order, with its own term, replaces the old.', on: renewal ? reweigh : impose } } : {}),
              ...routeStates,
            },
          },
        },
      },
      ended: { description: 'The gag has ended: notice may go out.', on: s.orderPossible ? impose : {} },
    },
  };
}
