import type * as grpc from '@grpc/grpc-js';
import type { GetFleetRequest, GetFleetResponse } from './fleet-proto-types.js';
import type {
  CancelRunRequest,
  GetRunRequest,
  ListRunsRequest,
  ListRunsResponse,
  ProtoInput,
  RecordEvent,
  Run,
  StartRunRequest,
  StartRunResponse,
  StreamRecordsRequest,
} from './proto-types.js';

/**
 * The server-side implementation of magpie.v1.MagpieService, for
 * `server.addService(loadMagpieProto().service, handlers)`. Requests arrive in their decoded
 * shape; responses may be anything the encoder accepts.
 */
export interface MagpieServiceHandlers extends grpc.UntypedServiceImplementation {
  StartRun: grpc.handleUnaryCall<StartRunRequest, ProtoInput<StartRunResponse>>;
  GetRun: grpc.handleUnaryCall<GetRunRequest, ProtoInput<Run>>;
  ListRuns: grpc.handleUnaryCall<ListRunsRequest, ProtoInput<ListRunsResponse>>;
  CancelRun: grpc.handleUnaryCall<CancelRunRequest, ProtoInput<Run>>;
  StreamRecords: grpc.handleServerStreamingCall<StreamRecordsRequest, ProtoInput<RecordEvent>>;
}

/** The fleet view's part of magpie.v1.MagpieService, served beside {@link MagpieServiceHandlers}. */
export interface FleetServiceHandlers extends grpc.UntypedServiceImplementation {
  GetFleet: grpc.handleUnaryCall<GetFleetRequest, ProtoInput<GetFleetResponse>>;
}
