// Spec helpers for modules mounted on the embedded infrastructure; imported by specs only, never by the index.
export * from './testing/until';
export * from './testing/published';
