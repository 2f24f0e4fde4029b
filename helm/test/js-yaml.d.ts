// js-yaml ships no types of its own; the tests need only its multi-document reader.
declare module 'js-yaml' {
  export function loadAll(input: string): unknown[];
  export function load(input: string): unknown;
}
