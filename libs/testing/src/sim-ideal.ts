/**
 * Options for an in-process LlmSimulator in tests of plumbing: its `ideal` profile (fixed accuracy,
 * exact steering). A simulator without profiles ignores the option.
 */
export const SIM_IDEAL: { readonly profile: 'ideal' } = { profile: 'ideal' };

/** The same for a simulator process: its environment. */
export const SIM_IDEAL_ENV: Readonly<Record<string, string>> = { SIM_PROFILE: 'ideal' };
