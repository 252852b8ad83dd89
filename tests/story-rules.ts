/**
 * Rules of this story's words that tests hold in more than one place.
 * Verbs the facts do not support for what the firms did: they curtailed shipments (facts.md, Cautions).
 */
export const UNSUPPORTED_VERBS =
  /\b(exit(s|ed|ing)?|leav(e|es|ing)|left|quit(s|ting)?|withdr(aw|ew|awn|awal|awing)s?|pull(s|ed|ing)? out)\b/i;
