export { ReorgTooDeepError, findChainBreak, trimWindow, type StoredBlock } from './block-window';
export { findCommonAncestor, type AncestorSearch } from './find-ancestor';
export { blockStatusAt, finalizedBlockAt } from './block-status';
