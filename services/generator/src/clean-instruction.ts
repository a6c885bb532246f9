export type CleanResult = { accepted: true; instruction: string } | { accepted: false; reason: CleanRejection };

/** Why an instruction was dropped. */
export type CleanRejection = 'empty' | 'duplicate';

/**
 * Magpie's cleaning (strip) plus the skeleton's filters: drop empty output and exact duplicates
 * within `seen`. Adds accepted instructions to `seen`.
 */
export function cleanInstruction(raw: string, seen: Set<string>): CleanResult {
  const instruction = raw.trim();
  if (instruction.length === 0) return { accepted: false, reason: 'empty' };
  if (seen.has(instruction)) return { accepted: false, reason: 'duplicate' };
  seen.add(instruction);
  return { accepted: true, instruction };
}
