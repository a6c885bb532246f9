// Original file: proto/magpie/v1/magpie.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelRunRequestInput as _magpie_v1_CancelRunRequestInput, CancelRunRequest as _magpie_v1_CancelRunRequest } from '../../magpie/v1/CancelRunRequest.js';
import type { CancelRunResponseInput as _magpie_v1_CancelRunResponseInput, CancelRunResponse as _magpie_v1_CancelRunResponse } from '../../magpie/v1/CancelRunResponse.js';
import type { ExportDatasetRequestInput as _magpie_v1_ExportDatasetRequestInput, ExportDatasetRequest as _magpie_v1_ExportDatasetRequest } from '../../magpie/v1/ExportDatasetRequest.js';
import type { ExportDatasetResponseInput as _magpie_v1_ExportDatasetResponseInput, ExportDatasetResponse as _magpie_v1_ExportDatasetResponse } from '../../magpie/v1/ExportDatasetResponse.js';
import type { GetFleetRequestInput as _magpie_v1_GetFleetRequestInput, GetFleetRequest as _magpie_v1_GetFleetRequest } from '../../magpie/v1/GetFleetRequest.js';
import type { GetFleetResponseInput as _magpie_v1_GetFleetResponseInput, GetFleetResponse as _magpie_v1_GetFleetResponse } from '../../magpie/v1/GetFleetResponse.js';
import type { GetRunRequestInput as _magpie_v1_GetRunRequestInput, GetRunRequest as _magpie_v1_GetRunRequest } from '../../magpie/v1/GetRunRequest.js';
import type { GetRunResponseInput as _magpie_v1_GetRunResponseInput, GetRunResponse as _magpie_v1_GetRunResponse } from '../../magpie/v1/GetRunResponse.js';
import type { ListDomainsRequestInput as _magpie_v1_ListDomainsRequestInput, ListDomainsRequest as _magpie_v1_ListDomainsRequest } from '../../magpie/v1/ListDomainsRequest.js';
import type { ListDomainsResponseInput as _magpie_v1_ListDomainsResponseInput, ListDomainsResponse as _magpie_v1_ListDomainsResponse } from '../../magpie/v1/ListDomainsResponse.js';
import type { ListModelsRequestInput as _magpie_v1_ListModelsRequestInput, ListModelsRequest as _magpie_v1_ListModelsRequest } from '../../magpie/v1/ListModelsRequest.js';
import type { ListModelsResponseInput as _magpie_v1_ListModelsResponseInput, ListModelsResponse as _magpie_v1_ListModelsResponse } from '../../magpie/v1/ListModelsResponse.js';
import type { ListRunsRequestInput as _magpie_v1_ListRunsRequestInput, ListRunsRequest as _magpie_v1_ListRunsRequest } from '../../magpie/v1/ListRunsRequest.js';
import type { ListRunsResponseInput as _magpie_v1_ListRunsResponseInput, ListRunsResponse as _magpie_v1_ListRunsResponse } from '../../magpie/v1/ListRunsResponse.js';
import type { StartRunRequestInput as _magpie_v1_StartRunRequestInput, StartRunRequest as _magpie_v1_StartRunRequest } from '../../magpie/v1/StartRunRequest.js';
import type { StartRunResponseInput as _magpie_v1_StartRunResponseInput, StartRunResponse as _magpie_v1_StartRunResponse } from '../../magpie/v1/StartRunResponse.js';
import type { StreamRecordsRequestInput as _magpie_v1_StreamRecordsRequestInput, StreamRecordsRequest as _magpie_v1_StreamRecordsRequest } from '../../magpie/v1/StreamRecordsRequest.js';
import type { StreamRecordsResponseInput as _magpie_v1_StreamRecordsResponseInput, StreamRecordsResponse as _magpie_v1_StreamRecordsResponse } from '../../magpie/v1/StreamRecordsResponse.js';
import type { WatchRunRequestInput as _magpie_v1_WatchRunRequestInput, WatchRunRequest as _magpie_v1_WatchRunRequest } from '../../magpie/v1/WatchRunRequest.js';
import type { WatchRunResponseInput as _magpie_v1_WatchRunResponseInput, WatchRunResponse as _magpie_v1_WatchRunResponse } from '../../magpie/v1/WatchRunResponse.js';

/**
 * Runs, their records and datasets, and the catalog they are started from.
 */
export interface MagpieServiceClient extends grpc.Client {
  /**
   * Idempotent: cancelling a finished or cancelled run returns it unchanged.
   */
  CancelRun(argument: _magpie_v1_CancelRunRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  CancelRun(argument: _magpie_v1_CancelRunRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  CancelRun(argument: _magpie_v1_CancelRunRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  CancelRun(argument: _magpie_v1_CancelRunRequestInput, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  /**
   * Idempotent: cancelling a finished or cancelled run returns it unchanged.
   */
  cancelRun(argument: _magpie_v1_CancelRunRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  cancelRun(argument: _magpie_v1_CancelRunRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  cancelRun(argument: _magpie_v1_CancelRunRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  cancelRun(argument: _magpie_v1_CancelRunRequestInput, callback: grpc.requestCallback<_magpie_v1_CancelRunResponse>): grpc.ClientUnaryCall;
  
  /**
   * The dataset files of a finished run in one format, as a stream of chunks. The files are built
   * once, when the run ends, and kept server-side, so a client can download them at any time.
   * FAILED_PRECONDITION while the run is running.
   */
  ExportDataset(argument: _magpie_v1_ExportDatasetRequestInput, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_ExportDatasetResponse>;
  ExportDataset(argument: _magpie_v1_ExportDatasetRequestInput, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_ExportDatasetResponse>;
  /**
   * The dataset files of a finished run in one format, as a stream of chunks. The files are built
   * once, when the run ends, and kept server-side, so a client can download them at any time.
   * FAILED_PRECONDITION while the run is running.
   */
  exportDataset(argument: _magpie_v1_ExportDatasetRequestInput, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_ExportDatasetResponse>;
  exportDataset(argument: _magpie_v1_ExportDatasetRequestInput, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_ExportDatasetResponse>;
  
  /**
   * The platform's Deployments in the gateway's Kubernetes namespace: replicas, GPUs, pending pods
   * and why, sidecar readiness, consumer lag and autoscaling per stage. FAILED_PRECONDITION, saying
   * what to set, when the gateway runs outside a cluster without KUBECONFIG.
   */
  GetFleet(argument: _magpie_v1_GetFleetRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  GetFleet(argument: _magpie_v1_GetFleetRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  GetFleet(argument: _magpie_v1_GetFleetRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  GetFleet(argument: _magpie_v1_GetFleetRequestInput, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  /**
   * The platform's Deployments in the gateway's Kubernetes namespace: replicas, GPUs, pending pods
   * and why, sidecar readiness, consumer lag and autoscaling per stage. FAILED_PRECONDITION, saying
   * what to set, when the gateway runs outside a cluster without KUBECONFIG.
   */
  getFleet(argument: _magpie_v1_GetFleetRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  getFleet(argument: _magpie_v1_GetFleetRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  getFleet(argument: _magpie_v1_GetFleetRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  getFleet(argument: _magpie_v1_GetFleetRequestInput, callback: grpc.requestCallback<_magpie_v1_GetFleetResponse>): grpc.ClientUnaryCall;
  
  /**
   * The run's state, spec and counts. NOT_FOUND for an unknown run.
   */
  GetRun(argument: _magpie_v1_GetRunRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  GetRun(argument: _magpie_v1_GetRunRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  GetRun(argument: _magpie_v1_GetRunRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  GetRun(argument: _magpie_v1_GetRunRequestInput, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  /**
   * The run's state, spec and counts. NOT_FOUND for an unknown run.
   */
  getRun(argument: _magpie_v1_GetRunRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  getRun(argument: _magpie_v1_GetRunRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  getRun(argument: _magpie_v1_GetRunRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  getRun(argument: _magpie_v1_GetRunRequestInput, callback: grpc.requestCallback<_magpie_v1_GetRunResponse>): grpc.ClientUnaryCall;
  
  /**
   * The math domains a run can cover, with their subtopics.
   */
  ListDomains(argument: _magpie_v1_ListDomainsRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  ListDomains(argument: _magpie_v1_ListDomainsRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  ListDomains(argument: _magpie_v1_ListDomainsRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  ListDomains(argument: _magpie_v1_ListDomainsRequestInput, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  /**
   * The math domains a run can cover, with their subtopics.
   */
  listDomains(argument: _magpie_v1_ListDomainsRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  listDomains(argument: _magpie_v1_ListDomainsRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  listDomains(argument: _magpie_v1_ListDomainsRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  listDomains(argument: _magpie_v1_ListDomainsRequestInput, callback: grpc.requestCallback<_magpie_v1_ListDomainsResponse>): grpc.ClientUnaryCall;
  
  /**
   * The generator and reward models a run can use, with their defaults and serving settings.
   */
  ListModels(argument: _magpie_v1_ListModelsRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  ListModels(argument: _magpie_v1_ListModelsRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  ListModels(argument: _magpie_v1_ListModelsRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  ListModels(argument: _magpie_v1_ListModelsRequestInput, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  /**
   * The generator and reward models a run can use, with their defaults and serving settings.
   */
  listModels(argument: _magpie_v1_ListModelsRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  listModels(argument: _magpie_v1_ListModelsRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  listModels(argument: _magpie_v1_ListModelsRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  listModels(argument: _magpie_v1_ListModelsRequestInput, callback: grpc.requestCallback<_magpie_v1_ListModelsResponse>): grpc.ClientUnaryCall;
  
  /**
   * Runs, newest first, a page at a time, optionally filtered by status, domain or label.
   */
  ListRuns(argument: _magpie_v1_ListRunsRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  ListRuns(argument: _magpie_v1_ListRunsRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  ListRuns(argument: _magpie_v1_ListRunsRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  ListRuns(argument: _magpie_v1_ListRunsRequestInput, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  /**
   * Runs, newest first, a page at a time, optionally filtered by status, domain or label.
   */
  listRuns(argument: _magpie_v1_ListRunsRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  listRuns(argument: _magpie_v1_ListRunsRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  listRuns(argument: _magpie_v1_ListRunsRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  listRuns(argument: _magpie_v1_ListRunsRequestInput, callback: grpc.requestCallback<_magpie_v1_ListRunsResponse>): grpc.ClientUnaryCall;
  
  /**
   * Validates and accepts a run. With a request_id, a retried call returns the run the first call
   * started (created = false).
   */
  StartRun(argument: _magpie_v1_StartRunRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  StartRun(argument: _magpie_v1_StartRunRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  StartRun(argument: _magpie_v1_StartRunRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  StartRun(argument: _magpie_v1_StartRunRequestInput, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  /**
   * Validates and accepts a run. With a request_id, a retried call returns the run the first call
   * started (created = false).
   */
  startRun(argument: _magpie_v1_StartRunRequestInput, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  startRun(argument: _magpie_v1_StartRunRequestInput, metadata: grpc.Metadata, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  startRun(argument: _magpie_v1_StartRunRequestInput, options: grpc.CallOptions, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  startRun(argument: _magpie_v1_StartRunRequestInput, callback: grpc.requestCallback<_magpie_v1_StartRunResponse>): grpc.ClientUnaryCall;
  
  /**
   * Replays every record of the run after from_cursor, then follows live records until the run
   * ends. Each record's cursor can be passed back as from_cursor to resume with no gap.
   */
  StreamRecords(argument: _magpie_v1_StreamRecordsRequestInput, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_StreamRecordsResponse>;
  StreamRecords(argument: _magpie_v1_StreamRecordsRequestInput, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_StreamRecordsResponse>;
  /**
   * Replays every record of the run after from_cursor, then follows live records until the run
   * ends. Each record's cursor can be passed back as from_cursor to resume with no gap.
   */
  streamRecords(argument: _magpie_v1_StreamRecordsRequestInput, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_StreamRecordsResponse>;
  streamRecords(argument: _magpie_v1_StreamRecordsRequestInput, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_StreamRecordsResponse>;
  
  /**
   * Progress of a run: one message at once, then one whenever its counts change (at most a few a
   * second), ending with the run's final state; then the stream ends.
   */
  WatchRun(argument: _magpie_v1_WatchRunRequestInput, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_WatchRunResponse>;
  WatchRun(argument: _magpie_v1_WatchRunRequestInput, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_WatchRunResponse>;
  /**
   * Progress of a run: one message at once, then one whenever its counts change (at most a few a
   * second), ending with the run's final state; then the stream ends.
   */
  watchRun(argument: _magpie_v1_WatchRunRequestInput, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_WatchRunResponse>;
  watchRun(argument: _magpie_v1_WatchRunRequestInput, options?: grpc.CallOptions): grpc.ClientReadableStream<_magpie_v1_WatchRunResponse>;
  
}

/**
 * Runs, their records and datasets, and the catalog they are started from.
 */
export interface MagpieServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Idempotent: cancelling a finished or cancelled run returns it unchanged.
   */
  CancelRun: grpc.handleUnaryCall<_magpie_v1_CancelRunRequest, _magpie_v1_CancelRunResponseInput>;
  
  /**
   * The dataset files of a finished run in one format, as a stream of chunks. The files are built
   * once, when the run ends, and kept server-side, so a client can download them at any time.
   * FAILED_PRECONDITION while the run is running.
   */
  ExportDataset: grpc.handleServerStreamingCall<_magpie_v1_ExportDatasetRequest, _magpie_v1_ExportDatasetResponseInput>;
  
  /**
   * The platform's Deployments in the gateway's Kubernetes namespace: replicas, GPUs, pending pods
   * and why, sidecar readiness, consumer lag and autoscaling per stage. FAILED_PRECONDITION, saying
   * what to set, when the gateway runs outside a cluster without KUBECONFIG.
   */
  GetFleet: grpc.handleUnaryCall<_magpie_v1_GetFleetRequest, _magpie_v1_GetFleetResponseInput>;
  
  /**
   * The run's state, spec and counts. NOT_FOUND for an unknown run.
   */
  GetRun: grpc.handleUnaryCall<_magpie_v1_GetRunRequest, _magpie_v1_GetRunResponseInput>;
  
  /**
   * The math domains a run can cover, with their subtopics.
   */
  ListDomains: grpc.handleUnaryCall<_magpie_v1_ListDomainsRequest, _magpie_v1_ListDomainsResponseInput>;
  
  /**
   * The generator and reward models a run can use, with their defaults and serving settings.
   */
  ListModels: grpc.handleUnaryCall<_magpie_v1_ListModelsRequest, _magpie_v1_ListModelsResponseInput>;
  
  /**
   * Runs, newest first, a page at a time, optionally filtered by status, domain or label.
   */
  ListRuns: grpc.handleUnaryCall<_magpie_v1_ListRunsRequest, _magpie_v1_ListRunsResponseInput>;
  
  /**
   * Validates and accepts a run. With a request_id, a retried call returns the run the first call
   * started (created = false).
   */
  StartRun: grpc.handleUnaryCall<_magpie_v1_StartRunRequest, _magpie_v1_StartRunResponseInput>;
  
  /**
   * Replays every record of the run after from_cursor, then follows live records until the run
   * ends. Each record's cursor can be passed back as from_cursor to resume with no gap.
   */
  StreamRecords: grpc.handleServerStreamingCall<_magpie_v1_StreamRecordsRequest, _magpie_v1_StreamRecordsResponseInput>;
  
  /**
   * Progress of a run: one message at once, then one whenever its counts change (at most a few a
   * second), ending with the run's final state; then the stream ends.
   */
  WatchRun: grpc.handleServerStreamingCall<_magpie_v1_WatchRunRequest, _magpie_v1_WatchRunResponseInput>;
  
}

export interface MagpieServiceDefinition extends grpc.ServiceDefinition {
  CancelRun: MethodDefinition<_magpie_v1_CancelRunRequestInput, _magpie_v1_CancelRunResponseInput, _magpie_v1_CancelRunRequest, _magpie_v1_CancelRunResponse>
  ExportDataset: MethodDefinition<_magpie_v1_ExportDatasetRequestInput, _magpie_v1_ExportDatasetResponseInput, _magpie_v1_ExportDatasetRequest, _magpie_v1_ExportDatasetResponse>
  GetFleet: MethodDefinition<_magpie_v1_GetFleetRequestInput, _magpie_v1_GetFleetResponseInput, _magpie_v1_GetFleetRequest, _magpie_v1_GetFleetResponse>
  GetRun: MethodDefinition<_magpie_v1_GetRunRequestInput, _magpie_v1_GetRunResponseInput, _magpie_v1_GetRunRequest, _magpie_v1_GetRunResponse>
  ListDomains: MethodDefinition<_magpie_v1_ListDomainsRequestInput, _magpie_v1_ListDomainsResponseInput, _magpie_v1_ListDomainsRequest, _magpie_v1_ListDomainsResponse>
  ListModels: MethodDefinition<_magpie_v1_ListModelsRequestInput, _magpie_v1_ListModelsResponseInput, _magpie_v1_ListModelsRequest, _magpie_v1_ListModelsResponse>
  ListRuns: MethodDefinition<_magpie_v1_ListRunsRequestInput, _magpie_v1_ListRunsResponseInput, _magpie_v1_ListRunsRequest, _magpie_v1_ListRunsResponse>
  StartRun: MethodDefinition<_magpie_v1_StartRunRequestInput, _magpie_v1_StartRunResponseInput, _magpie_v1_StartRunRequest, _magpie_v1_StartRunResponse>
  StreamRecords: MethodDefinition<_magpie_v1_StreamRecordsRequestInput, _magpie_v1_StreamRecordsResponseInput, _magpie_v1_StreamRecordsRequest, _magpie_v1_StreamRecordsResponse>
  WatchRun: MethodDefinition<_magpie_v1_WatchRunRequestInput, _magpie_v1_WatchRunResponseInput, _magpie_v1_WatchRunRequest, _magpie_v1_WatchRunResponse>
}
