import { DatasetExportFormat, DecontaminationMode, DifficultyLevel, FlagReason, PairRule, PairSkipReason, QualityLevel, RecordKind, RejectionReason, RunStatus, Stage } from '@magpie/contracts';
import type { z } from 'zod';
import { ProtoMappingError } from './errors.js';
import * as proto from './generated/index.js';

/**
 * One mapping between a contracts enum (`'near_duplicate'`) and its proto enum
 * (`REJECTION_REASON_NEAR_DUPLICATE`): the proto names are the contract's values upper-cased
 * under the enum's prefix (spaces as underscores: `'very easy'` is `DIFFICULTY_VERY_EASY`), checked against the generated enum so a drift fails at load.
 */
export interface EnumMapping<C extends string, P extends string> {
  toProto(value: C): P;
  /** Throws ProtoMappingError for UNSPECIFIED or a name this version does not know. */
  fromProto(name: string): C;
  /** Like fromProto, but undefined instead of throwing. */
  tryFromProto(name: string): C | undefined;
}

function enumMapping<C extends string, P extends string>(
  schema: z.ZodEnum<{ [K in C]: K }>,
  generated: Readonly<Record<string, P>>,
  prefix: string,
): EnumMapping<C, P> {
  const toProto = new Map<C, P>();
  const fromProto = new Map<string, C>();
  for (const value of schema.options) {
    const name = `${prefix}_${value.toUpperCase().replaceAll(' ', '_')}`;
    const protoName = generated[name];
    if (protoName === undefined) throw new ProtoMappingError(`${name} is missing from the proto`);
    toProto.set(value, protoName);
    fromProto.set(name, value);
  }
  return {
    toProto: (value) => toProto.get(value) as P,
    fromProto: (name) => {
      const value = fromProto.get(name);
      if (value === undefined) throw new ProtoMappingError(`unknown ${prefix.toLowerCase()} ${name}`);
      return value;
    },
    tryFromProto: (name) => fromProto.get(name),
  };
}

export const runStatusMapping = enumMapping(RunStatus, proto.RunStatus, 'RUN_STATUS');
export const pairRuleMapping = enumMapping(PairRule, proto.PairRule, 'PAIR_RULE');
export const pairSkipReasonMapping = enumMapping(PairSkipReason, proto.PairSkipReason, 'PAIR_SKIP_REASON');
export const rejectionReasonMapping = enumMapping(RejectionReason, proto.RejectionReason, 'REJECTION_REASON');
export const recordKindMapping = enumMapping(RecordKind, proto.RecordKind, 'RECORD_KIND');
export const stageMapping = enumMapping(Stage, proto.Stage, 'STAGE');
export const flagReasonMapping = enumMapping(FlagReason, proto.FlagReason, 'FLAG_REASON');
export const decontaminationModeMapping = enumMapping(DecontaminationMode, proto.DecontaminationMode, 'DECONTAMINATION_MODE');
export const inputQualityMapping = enumMapping(QualityLevel, proto.InputQuality, 'INPUT_QUALITY');
export const difficultyMapping = enumMapping(DifficultyLevel, proto.Difficulty, 'DIFFICULTY');
export const datasetFormatMapping = enumMapping(DatasetExportFormat, proto.DatasetFormat, 'DATASET_FORMAT');

/** The proto enum name for a run status. */
export function runStatusToProto(status: RunStatus): proto.RunStatus {
  return runStatusMapping.toProto(status);
}

/** The run status for a proto enum name. Throws ProtoMappingError for RUN_STATUS_UNSPECIFIED or an unknown name. */
export function runStatusFromProto(status: string): RunStatus {
  return runStatusMapping.fromProto(status);
}
