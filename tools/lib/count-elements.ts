import { parse } from 'parse5';

type Node = { tagName?: string; childNodes?: Node[]; content?: Node };

/**
 * Elements in a document as the browser's parser builds it (parse5): script and style bodies and comments
 * are not markup, and what sits in a <template>'s content is not in the document until a script clones it.
 * The budget test and the benchmark both count with this, so the two report the same number.
 */
export function countElements(page: string): { inDocument: number; inTemplates: number } {
  const counts = { inDocument: 0, inTemplates: 0 };
  const walk = (node: Node, inTemplate: boolean): void => {
    for (const child of node.childNodes ?? []) {
      if (!child.tagName) continue;
      counts[inTemplate ? 'inTemplates' : 'inDocument']++;
      walk(child, inTemplate);
      if (child.content) walk(child.content, true);
    }
  };
  walk(parse(page) as Node, false);
  return counts;
}
