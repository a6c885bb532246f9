import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';

/** One invalid field of a request, as google.rpc.BadRequest.FieldViolation carries it. */
export interface FieldViolation {
  /** The request field's path, e.g. `solver.sampling.top_p`, `subtopics[1]`. */
  readonly field: string;
  readonly description: string;
}

/** The header gRPC carries a google.rpc.Status in. */
export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

// google.rpc.Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
// google.protobuf.Any { string type_url = 1; bytes value = 2; }
// google.rpc.BadRequest { repeated FieldViolation field_violations = 1; }
// FieldViolation { string field = 1; string description = 2; }
function encodeBadRequest(violations: readonly FieldViolation[]): Uint8Array {
  const writer = protobuf.Writer.create();
  for (const v of violations) writer.uint32((1 << 3) | 2).fork().uint32((1 << 3) | 2).string(v.field).uint32((2 << 3) | 2).string(v.description).ldelim();
  return writer.finish();
}

/** The serialized google.rpc.Status of an INVALID_ARGUMENT with a BadRequest naming the fields. */
export function encodeBadRequestStatus(message: string, violations: readonly FieldViolation[]): Buffer {
  const writer = protobuf.Writer.create();
  writer.uint32((1 << 3) | 0).int32(grpc.status.INVALID_ARGUMENT);
  writer.uint32((2 << 3) | 2).string(message);
  writer.uint32((3 << 3) | 2).fork().uint32((1 << 3) | 2).string(BAD_REQUEST_TYPE_URL).uint32((2 << 3) | 2).bytes(encodeBadRequest(violations)).ldelim();
  return Buffer.from(writer.finish());
}

/** Trailing metadata carrying a BadRequest for an INVALID_ARGUMENT status. */
export function badRequestMetadata(message: string, violations: readonly FieldViolation[]): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set(STATUS_DETAILS_KEY, encodeBadRequestStatus(message, violations));
  return metadata;
}

function readMessages(bytes: Uint8Array, onField: (field: number, reader: protobuf.Reader) => void): void {
  const reader = protobuf.Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if ((tag & 7) === 2 && field > 0) onField(field, reader);
    else reader.skipType(tag & 7);
  }
}

/** The field violations of a serialized google.rpc.BadRequest (what an Any of that type holds). */
export function decodeBadRequest(bytes: Uint8Array): FieldViolation[] {
  const violations: FieldViolation[] = [];
  readMessages(bytes, (f, r) => {
    if (f !== 1) return void r.skipType(2);
    const violation = { field: '', description: '' };
    readMessages(r.bytes(), (vf, vr) => {
      if (vf === 1) violation.field = vr.string();
      else if (vf === 2) violation.description = vr.string();
      else vr.skipType(2);
    });
    violations.push(violation);
  });
  return violations;
}

/**
 * The field violations of an error's `grpc-status-details-bin` BadRequest; empty when it carries
 * none. Undecodable details are treated as none.
 */
export function badRequestViolations(metadata: grpc.Metadata | undefined): FieldViolation[] {
  const [details] = metadata?.get(STATUS_DETAILS_KEY) ?? [];
  if (!(details instanceof Buffer)) return [];
  const violations: FieldViolation[] = [];
  try {
    readMessages(details, (field, reader) => {
      if (field !== 3) return void reader.skipType(2);
      let typeUrl = '';
      let value: Uint8Array = new Uint8Array();
      readMessages(reader.bytes(), (f, r) => {
        if (f === 1) typeUrl = r.string();
        else if (f === 2) value = r.bytes();
        else r.skipType(2);
      });
      if (typeUrl === BAD_REQUEST_TYPE_URL) violations.push(...decodeBadRequest(value));
    });
  } catch {
    return [];
  }
  return violations;
}
