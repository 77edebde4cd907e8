/**
 * A small XML well-formedness check for the checkstyle and junit reports: one root, tags
 * nested and closed in order, attributes quoted, entities known, no raw `<` or `&` in text.
 * Returns the elements (name + attributes) in document order.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function unescape(s: string, where: string): string {
  const bare = s.replace(ENTITY, '');
  if (/[<&]/.test(bare)) throw new Error(`raw < or & in ${where}: ${s}`);
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function parseXml(xml: string): XmlElement[] {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  const out: XmlElement[] = [];
  let roots = 0;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`);
  const attr = new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g');
  while (s.length > 0) {
    const lt = s.indexOf('<');
    const text = lt < 0 ? s : s.slice(0, lt);
    if (text.trim()) {
      if (stack.length === 0) throw new Error(`text outside the root: ${text}`);
      stack[stack.length - 1].text += unescape(text, 'text');
    }
    if (lt < 0) break;
    s = s.slice(lt);
    const m = tag.exec(s);
    if (!m) throw new Error(`malformed tag at: ${s.slice(0, 60)}`);
    const [all, close, name, attrs, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const el: XmlElement = { name, attrs: {}, text: '' };
      for (const a of attrs.matchAll(attr)) {
        if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]}`);
        el.attrs[a[1]] = unescape(a[2], `attribute ${a[1]}`);
      }
      if (stack.length === 0) roots++;
      out.push(el);
      if (!selfClose) stack.push(el);
    }
    s = s.slice(all.length);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  return out;
}
