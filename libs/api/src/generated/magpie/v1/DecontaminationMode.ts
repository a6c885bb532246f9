// Original file: proto/magpie/v1/magpie.proto

/**
 * What happens to a problem that shares an n-gram with a benchmark item.
 */
export const DecontaminationMode = {
  /**
   * The default: off.
   */
  DECONTAMINATION_MODE_UNSPECIFIED: 'DECONTAMINATION_MODE_UNSPECIFIED',
  /**
   * No check.
   */
  DECONTAMINATION_MODE_OFF: 'DECONTAMINATION_MODE_OFF',
  /**
   * Keep the problem, with the benchmark item as evidence (Problem.contamination, flag
   * FLAG_REASON_CONTAMINATED).
   */
  DECONTAMINATION_MODE_FLAG: 'DECONTAMINATION_MODE_FLAG',
  /**
   * Drop it (REJECTION_REASON_CONTAMINATED, with the evidence) and generate another.
   */
  DECONTAMINATION_MODE_REMOVE: 'DECONTAMINATION_MODE_REMOVE',
} as const;

/**
 * What happens to a problem that shares an n-gram with a benchmark item.
 */
export type DecontaminationModeInput =
  /**
   * The default: off.
   */
  | 'DECONTAMINATION_MODE_UNSPECIFIED'
  | 0
  /**
   * No check.
   */
  | 'DECONTAMINATION_MODE_OFF'
  | 1
  /**
   * Keep the problem, with the benchmark item as evidence (Problem.contamination, flag
   * FLAG_REASON_CONTAMINATED).
   */
  | 'DECONTAMINATION_MODE_FLAG'
  | 2
  /**
   * Drop it (REJECTION_REASON_CONTAMINATED, with the evidence) and generate another.
   */
  | 'DECONTAMINATION_MODE_REMOVE'
  | 3

/**
 * What happens to a problem that shares an n-gram with a benchmark item.
 */
export type DecontaminationMode = typeof DecontaminationMode[keyof typeof DecontaminationMode]
