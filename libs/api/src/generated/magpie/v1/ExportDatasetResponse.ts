// Original file: proto/magpie/v1/magpie.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One chunk of one file. Files come one after another, each in order, each ending with a chunk
 * whose last_chunk is true (an empty file is one empty chunk).
 */
export interface ExportDatasetResponseInput {
  /**
   * The file's name, as Magpie names it (`Magpie_<model>_<count>_<unix>_ins.json`,
   * dataset_info.json).
   */
  'file_name'?: (string);
  /**
   * The whole file's size in bytes.
   */
  'file_size_bytes'?: (number | string | Long);
  /**
   * Where this chunk starts in the file.
   */
  'offset'?: (number | string | Long);
  /**
   * The chunk's bytes (at most 256 KiB).
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * True on the file's last chunk.
   */
  'last_chunk'?: (boolean);
  /**
   * The whole file's SHA-256, lowercase hex, to check the download.
   */
  'sha256'?: (string);
}

/**
 * One chunk of one file. Files come one after another, each in order, each ending with a chunk
 * whose last_chunk is true (an empty file is one empty chunk).
 */
export interface ExportDatasetResponse {
  /**
   * The file's name, as Magpie names it (`Magpie_<model>_<count>_<unix>_ins.json`,
   * dataset_info.json).
   */
  'file_name': (string);
  /**
   * The whole file's size in bytes.
   */
  'file_size_bytes': (string);
  /**
   * Where this chunk starts in the file.
   */
  'offset': (string);
  /**
   * The chunk's bytes (at most 256 KiB).
   */
  'data': (Buffer);
  /**
   * True on the file's last chunk.
   */
  'last_chunk': (boolean);
  /**
   * The whole file's SHA-256, lowercase hex, to check the download.
   */
  'sha256': (string);
}
