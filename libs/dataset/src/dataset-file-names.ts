/** The files a DatasetWriter writes for a domain, by role. */
export interface DatasetFileNames {
  /** Problems only (`response: null`), as Magpie's gen_ins.py writes them. */
  readonly ins: string;
  /** Problems with their solution, as gen_res.py writes them. */
  readonly insRes: string;
  /** Problems with N sampled responses, as gen_po_multi_res.py writes them. */
  readonly ins5res: string;
  /** The above plus ArmoRM scores and the chosen/rejected pair, as gen_po_rewards.py + process_po write them. */
  readonly ins5resArmorm: string;
  /** insRes as JSON Lines, for Hugging Face `datasets`. */
  readonly insResJsonl: string;
  /** ins5resArmorm as JSON Lines, for Hugging Face `datasets`. */
  readonly ins5resArmormJsonl: string;
  readonly info: string;
}

/** File names for a domain's dataset; they are fixed so downstream scripts can find them. */
export function datasetFileNames(domain: string): DatasetFileNames {
  return {
    ins: `${domain}_ins.json`,
    insRes: `${domain}_ins_res.json`,
    ins5res: `${domain}_ins_5res.json`,
    ins5resArmorm: `${domain}_ins_5res_armorm.json`,
    insResJsonl: `${domain}_ins_res.jsonl`,
    ins5resArmormJsonl: `${domain}_ins_5res_armorm.jsonl`,
    info: 'dataset_info.json',
  };
}
