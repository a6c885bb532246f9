import type { RewardsRecord, SolutionRecord } from '@magpie/contracts';
import { isSftReady } from './messages-row.js';

/** Where a record goes among the training exports; `_ins_res` and the armorm files keep every record regardless. */
export type ExportDecision = 'include' | 'unverified' | 'not_ready';

/**
 * Whether a solution goes into the SFT exports (messages, ShareGPT). By default only a verified
 * solution does (its rewards record says so; a problem not yet evaluated is not verified).
 * With `keepUnverified`, every solution goes to ShareGPT and every complete one to messages.
 * `not_ready`: cut off or empty — never in the messages export (see isSftReady).
 */
export function sftExportDecision(solution: SolutionRecord, rewards: RewardsRecord | undefined, keepUnverified: boolean): { readonly sharegpt: ExportDecision; readonly messages: ExportDecision } {
  const verified = rewards?.sft.verified === true;
  const sharegpt: ExportDecision = verified || keepUnverified ? 'include' : 'unverified';
  const messages: ExportDecision = sharegpt === 'include' && !isSftReady(solution) ? 'not_ready' : sharegpt;
  return { sharegpt, messages };
}

/** Whether a kept pair goes into the DPO export: by default only when its chosen answer is verified. */
export function dpoExportDecision(rewards: RewardsRecord, keepUnverified: boolean): ExportDecision {
  return rewards.pair.verified || keepUnverified ? 'include' : 'unverified';
}
