/** Engine test: content/ui.yaml, the interface's words by key, is checked like every content file. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/build/content/check-content.ts';
import { readRawContent } from '../../src/build/content/read-content.ts';

const raw = readRawContent('tests/fixtures/ferry-story/content');
const withUi = (edit: (text: string) => string) => () =>
  checkContent({ ...raw, ui: { ...raw.ui, text: edit(raw.ui.text) } });

describe('engine: content/ui.yaml', () => {
  it('fills a string by key', () => {
    const { ui } = checkContent(raw);
    expect(ui('stepper.count', { step: 4, total: 27 })).toBe('4 of 27');
    expect(ui('contents')).toBe('In this story');
  });
  it('refuses an unknown key, naming file, entry and key', () => {
    expect(withUi((t) => `${t}\nstepper.skip: Skip\n`)).toThrow(
      /ui\.yaml, entry "ui", field "stepper\.skip": expected no such field/,
    );
  });
  it('refuses a missing key, saying what the key is for', () => {
    expect(withUi((t) => t.replace(/^stepper\.count:.*$/m, ''))).toThrow(
      /ui\.yaml, entry "ui", field "stepper\.count": expected the step counter, got nothing/,
    );
  });
  it('refuses a placeholder the engine does not fill there', () => {
    expect(withUi((t) => t.replace(/^stepper\.count:.*$/m, "stepper.count: '{step} of {steps}'"))).toThrow(
      /field "stepper\.count": expected the step counter; placeholders allowed: \{step\}, \{total\}, got "\{step\} of \{steps\}"/,
    );
  });
  it('refuses a string that drops the link the page puts in it', () => {
    expect(withUi((t) => t.replace(/^embed\.credit:.*$/m, 'embed.credit: From the story · {byline}'))).toThrow(
      /field "embed\.credit": expected the credit under an embed: the story’s headline \(a link\) and who made it, with \{link\}, got "From the story · \{byline\}"/,
    );
  });
});
