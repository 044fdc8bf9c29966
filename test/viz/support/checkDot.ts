type Token = { kind: 'id' | 'quoted' | 'punct'; text: string };

const KEYWORDS = new Set(['digraph', 'graph', 'node', 'edge', 'subgraph', 'strict']);

/** What `checkDot` found: the problems, and the nodes, clusters and edges it read. */
export interface DotCheck {
  problems: string[];
  nodes: Set<string>;
  clusters: Set<string>;
  edges: { from: string; to: string; attributes: Record<string, string> }[];
}

/**
 * A syntactic check of the DOT that `toDot` writes, without Graphviz: balanced braces and
 * brackets, every statement ended, every node and cluster id quoted and declared once, every
 * edge endpoint declared, every `lhead`/`ltail` naming a declared cluster.
 */
export function checkDot(text: string): DotCheck {
  const problems: string[] = [];
  const tokens = tokenize(text, problems);
  const nodes = new Set<string>();
  const clusters = new Set<string>();
  const edges: DotCheck['edges'] = [];
  let depth = 0;
  let i = 0;
  const peek = (k = 0) => tokens[i + k];
  const attributes = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (peek()?.text !== '[') return out;
    i++;
    while (peek() && peek()?.text !== ']') {
      const key = tokens[i++];
      if (tokens[i++]?.text !== '=') problems.push(`attribute ${key?.text} has no value`);
      const value = tokens[i++];
      if (key && value) out[key.text] = value.text;
      if (peek()?.text === ',' || peek()?.text === ';') i++;
    }
    if (peek()?.text !== ']') problems.push('unclosed [');
    i++;
    return out;
  };
  if (peek()?.text !== 'digraph') problems.push('does not start with digraph');
  i++;
  if (peek()?.kind !== 'quoted') problems.push('the graph name is not quoted');
  i++;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.text === '{') {
      depth++;
      i++;
    } else if (t.text === '}') {
      depth--;
      if (depth < 0) problems.push('unbalanced }');
      i++;
    } else if (t.text === 'subgraph') {
      const name = tokens[i + 1];
      if (name?.kind !== 'quoted' || !name.text.startsWith('cluster_')) problems.push(`subgraph ${name?.text} is not a quoted cluster id`);
      else if (clusters.has(name.text)) problems.push(`cluster ${name.text} declared twice`);
      else clusters.add(name.text);
      i += 2;
    } else if (t.kind === 'id' && KEYWORDS.has(t.text)) {
      i++;
      attributes();
      if (tokens[i]?.text !== ';') problems.push(`${t.text} [...] is not ended by ;`);
      i++;
    } else if (t.kind === 'quoted' && peek(1)?.text === '->') {
      const to = tokens[i + 2];
      if (to?.kind !== 'quoted') problems.push(`edge from ${t.text} to an unquoted id`);
      i += 3;
      edges.push({ from: t.text, to: to?.text ?? '', attributes: attributes() });
      if (tokens[i]?.text !== ';') problems.push(`edge ${t.text} -> ${to?.text} is not ended by ;`);
      i++;
    } else if (t.kind === 'quoted') {
      if (nodes.has(t.text)) problems.push(`node ${t.text} declared twice`);
      nodes.add(t.text);
      i++;
      attributes();
      if (tokens[i]?.text !== ';') problems.push(`node ${t.text} is not ended by ;`);
      i++;
    } else {
      problems.push(`unexpected ${t.kind} ${t.text}`);
      i++;
    }
  }
  if (depth !== 0) problems.push(`braces unbalanced by ${depth}`);
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (!nodes.has(end)) problems.push(`edge endpoint ${end} is not declared`);
    for (const key of ['lhead', 'ltail']) {
      const c = e.attributes[key];
      if (c !== undefined && !clusters.has(c)) problems.push(`${key} ${c} is not a declared cluster`);
    }
  }
  return { problems, nodes, clusters, edges };
}

function tokenize(text: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') {
          value += text.slice(i, i + 2);
          i += 2;
        } else value += text[i++];
      }
      if (i >= text.length) problems.push('unterminated string');
      i++;
      tokens.push({ kind: 'quoted', text: value });
    } else if (text.startsWith('->', i)) {
      tokens.push({ kind: 'punct', text: '->' });
      i += 2;
    } else if ('{}[];,='.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      const m = /^[A-Za-z0-9_.#-]+/.exec(text.slice(i));
      if (!m) {
        problems.push(`unexpected character ${JSON.stringify(c)} at ${i}`);
        i++;
      } else {
        tokens.push({ kind: 'id', text: m[0] });
        i += m[0].length;
      }
    }
  }
  return tokens;
}
