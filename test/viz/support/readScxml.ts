import { parseXml, type XmlElement } from './parseXml.ts';

export interface ScxmlState {
  id: string;
  type: 'state' | 'parallel' | 'final' | 'history';
  parent: string | null;
  initial: string | null;
}

export interface ScxmlTransition {
  source: string;
  event: string | null;
  cond: string | null;
  targets: string[];
  internal: boolean;
}

export interface ScxmlDocument {
  initial: string | null;
  states: ScxmlState[];
  transitions: ScxmlTransition[];
  /** Delayed sends from `<onentry>`, per state. */
  sends: { state: string; id: string; event: string; delay: string | null; delayexpr: string | null }[];
  /** Cancels from `<onexit>`, per state. */
  cancels: { state: string; sendid: string }[];
  /** The comment before the `<scxml>` element. */
  topComments: string[];
}

const STATES = new Set(['state', 'parallel', 'final', 'history']);

/** Reads back the parts of an SCXML document that `toScxml` writes, for round-trip tests. */
export function readScxml(text: string): ScxmlDocument {
  const root = parseXml(text);
  if (root.name !== 'scxml') throw new Error(`root element is <${root.name}>, not <scxml>`);
  if (root.attributes.xmlns !== 'http://www.w3.org/2005/07/scxml' || root.attributes.version !== '1.0') throw new Error('not an SCXML 1.0 document');
  const doc: ScxmlDocument = { initial: root.attributes.initial ?? null, states: [], transitions: [], sends: [], cancels: [], topComments: [] };
  const head = text.slice(0, text.indexOf('<scxml'));
  for (const m of head.matchAll(/<!--([\s\S]*?)-->/g)) doc.topComments.push((m[1] ?? '').trim());
  const walk = (el: XmlElement, parent: string | null) => {
    const id = el.attributes.id;
    if (!id) throw new Error(`<${el.name}> without an id`);
    doc.states.push({ id, type: el.name as ScxmlState['type'], parent, initial: el.attributes.initial ?? null });
    for (const child of el.children) {
      if (STATES.has(child.name)) walk(child, id);
      else if (child.name === 'transition') {
        doc.transitions.push({
          source: id,
          event: child.attributes.event ?? null,
          cond: child.attributes.cond ?? null,
          targets: child.attributes.target ? child.attributes.target.split(/\s+/) : [],
          internal: child.attributes.type === 'internal',
        });
      } else if (child.name === 'onentry') {
        for (const send of child.children.filter((c) => c.name === 'send')) {
          doc.sends.push({ state: id, id: send.attributes.id ?? '', event: send.attributes.event ?? '', delay: send.attributes.delay ?? null, delayexpr: send.attributes.delayexpr ?? null });
        }
      } else if (child.name === 'onexit') {
        for (const cancel of child.children.filter((c) => c.name === 'cancel')) doc.cancels.push({ state: id, sendid: cancel.attributes.sendid ?? '' });
      } else throw new Error(`unexpected <${child.name}> in <${el.name} id="${id}">`);
    }
  };
  for (const child of root.children) {
    if (!STATES.has(child.name)) throw new Error(`unexpected <${child.name}> in <scxml>`);
    walk(child, null);
  }
  return doc;
}
