/** An XML element: name, attributes (entities decoded), child elements and the comments inside it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  comments: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/**
 * A small, strict XML 1.0 reader for tests: one root element, matching tags, quoted and unique
 * attributes, well-formed comments, no raw `<` or stray `&` in text or attributes. Throws
 * with the offset of the first fault.
 */
export function parseXml(text: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at ${at}: ${why} near ${JSON.stringify(text.slice(at, at + 40))}`);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c === '<') fail('raw < in text or attribute');
      if (c !== '&') {
        out += c;
        continue;
      }
      const m = ENTITY.exec(raw.slice(i));
      if (!m?.[1]) return fail('stray &');
      const e = m[1];
      out += e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      i += m[0].length - 1;
    }
    return out;
  };
  const comment = (): string => {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) fail('unclosed comment');
    const body = text.slice(at + 4, end);
    if (body.includes('--') || body.endsWith('-')) fail('-- inside a comment');
    at = end + 3;
    return body.trim();
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(text.slice(at))?.[0] ?? '';
      at += ws.length;
      if (text.startsWith('<!--', at)) comment();
      else if (text.startsWith('<?', at)) at = text.indexOf('?>', at) < 0 ? fail('unclosed <?') : text.indexOf('?>', at) + 2;
      else return;
    }
  };
  const element = (): XmlElement => {
    if (text[at] !== '<') fail('expected <');
    at++;
    const name = NAME.exec(text.slice(at))?.[0] ?? fail('bad element name');
    at += name.length;
    const el: XmlElement = { name, attributes: {}, children: [], comments: [] };
    for (;;) {
      const ws = /^\s*/.exec(text.slice(at))?.[0] ?? '';
      at += ws.length;
      if (text.startsWith('/>', at)) {
        at += 2;
        return el;
      }
      if (text[at] === '>') {
        at++;
        break;
      }
      if (!ws) fail('attributes need whitespace between them');
      const attr = /^([A-Za-z_][A-Za-z0-9._:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(at)) ?? fail('bad attribute');
      const key = attr[1] ?? '';
      if (key in el.attributes) fail(`duplicate attribute ${key}`);
      el.attributes[key] = decode(attr[3] ?? attr[4] ?? '');
      at += attr[0].length;
    }
    for (;;) {
      const textEnd = text.indexOf('<', at);
      if (textEnd < 0) fail(`unclosed <${name}>`);
      decode(text.slice(at, textEnd));
      at = textEnd;
      if (text.startsWith('<!--', at)) el.comments.push(comment());
      else if (text.startsWith('</', at)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(text.slice(at)) ?? fail('bad closing tag');
        if (close[1] !== name) fail(`</${close[1]}> closes <${name}>`);
        at += close[0].length;
        return el;
      } else el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (at !== text.length) fail('content after the root element');
  return root;
}
