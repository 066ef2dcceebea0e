/**
 * A parsed YAML/JSON document as the engine hands it on (src/engine/parse.ts makes them): the
 * plain value and the offsets of its keys and values. Resources keep theirs to be located.
 */

/** Offsets into the file text: [keyStart, keyEnd, valueStart, valueEnd]; a sequence item has no key. */
export type Span = [number, number, number, number];

/**
 * The spans of one map or sequence by key or index: a Map (the full parse path, worker
 * hand-over) or the lean parser's compact table (src/engine/lean/span-table.ts).
 */
export interface Spans {
  get(key: string | number): Span | undefined;
  readonly size: number;
  entries(): Iterable<[string | number, Span]>;
  [Symbol.iterator](): Iterator<[string | number, Span]>;
}

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  /**
   * Whether the document is still read (linted): only a key repeated with the same value text is;
   * one repeated with another value leaves which one is meant a guess.
   */
  recoverable: boolean;
  /** The yaml package's error code (DUPLICATE_KEY, BAD_INDENT...). */
  code?: string;
  hint?: string;
}

/** The problems of a document without any: one list for all of them (a run keeps every document). */
export const NO_PROBLEMS: readonly SyntaxProblem[] = [];

export interface ParsedDocument {
  /** Position of the document in its file (0-based). */
  index: number;
  value: unknown;
  /** Offsets of the document's first and last character of content. */
  start: number;
  end: number;
  problems: readonly SyntaxProblem[];
  /** Template named by the `# Source:` comment that `helm template` writes. */
  helmSource?: string;
  /** The document contains `{{ ... }}` outside comments: a chart template, not a manifest. */
  template?: { start: number; end: number };
  spans: WeakMap<object, Spans>;
  /** The span of the document's root value. */
  rootSpan: [number, number];
  /**
   * The plain scalars YAML 1.1 reads as booleans that kustomize, reading the file it lists,
   * made the strings written (engine/kustomize-scalars.ts): their keys or indices, by the map or
   * list that holds them.
   */
  kustomizeStrings?: WeakMap<object, Set<string | number>>;
  /** The names of the `vars` that every kustomize build emitting the document declares: `$(NAME)` in it is theirs to fill in (engine/placeholders.ts). */
  kustomizeVars?: ReadonlySet<string>;
}
