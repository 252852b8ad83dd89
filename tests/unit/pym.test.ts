import { describe, expect, it } from 'vitest';
import { childIdFrom, parsePymMessage, pymMessage } from '../../src/shared/pym-protocol.ts';

describe('pymMessage(id, type, message)', () => {
  it('writes the pym.js wire format', () => {
    expect(pymMessage('quiet-exit-exports', 'height', 612)).toBe('pymxPYMxquiet-exit-exportsxPYMxheightxPYMx612');
  });
});

describe('parsePymMessage(data, id)', () => {
  it('reads a message for this embed', () => {
    expect(parsePymMessage('pymxPYMxabcxPYMxwidthxPYMx640', 'abc')).toEqual({ type: 'width', message: '640' });
  });
  it('ignores messages for other embeds, other formats and non-strings', () => {
    expect(parsePymMessage('pymxPYMxotherxPYMxwidthxPYMx640', 'abc')).toBeUndefined();
    expect(parsePymMessage('hello', 'abc')).toBeUndefined();
    expect(parsePymMessage({ type: 'width' }, 'abc')).toBeUndefined();
  });
});

describe('childIdFrom(search)', () => {
  it('reads the childId pym.Parent adds to the URL', () => {
    expect(childIdFrom('?initialWidth=600&childId=quiet-exit-exports&parentTitle=x')).toBe('quiet-exit-exports');
    expect(childIdFrom('')).toBeUndefined();
  });
});
