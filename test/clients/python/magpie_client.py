"""A Python client of the Magpie Reasoning gateway (magpie.v1), generated with grpcio-tools.

The stubs are generated from the repository's proto/ at import time (into a cache directory keyed
by the proto's hash), so they always match the contract; nothing generated is committed.

    from magpie_client import MagpieClient
    client = MagpieClient("127.0.0.1:50051")
    run = client.start_run(domain="algebra", count=20)
    for progress in client.watch_run(run.run_id): ...
    files = client.export_dataset(run.run_id, "/tmp/out", fmt="jsonl")
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pathlib
import sys
import tempfile
from typing import Iterator

import grpc
from grpc_status import rpc_status

REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
PROTO_DIR = REPO_ROOT / "proto"
PROTO_FILE = "magpie/v1/magpie.proto"


def _generate_stubs() -> pathlib.Path:
    """Runs grpc_tools.protoc on proto/ once per proto version; returns the directory of the modules."""
    from grpc_tools import protoc

    source = (PROTO_DIR / PROTO_FILE).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    out = pathlib.Path(os.environ.get("MAGPIE_PY_STUBS_DIR", tempfile.gettempdir())) / f"magpie-py-stubs-{digest}"
    if not (out / "magpie" / "v1" / "magpie_pb2_grpc.py").exists():
        work = pathlib.Path(tempfile.mkdtemp(prefix="magpie-py-stubs-"))
        well_known = pathlib.Path(protoc.__file__).parent / "_proto"
        code = protoc.main(
            [
                "grpc_tools.protoc",
                f"-I{PROTO_DIR}",
                f"-I{well_known}",
                f"--python_out={work}",
                f"--grpc_python_out={work}",
                PROTO_FILE,
            ]
        )
        if code != 0:
            raise RuntimeError(f"grpc_tools.protoc failed with exit code {code}")
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            work.rename(out)
        except OSError:
            pass  # another process generated it meanwhile
    return out


sys.path.insert(0, str(_generate_stubs()))
magpie_pb2 = importlib.import_module("magpie.v1.magpie_pb2")
magpie_pb2_grpc = importlib.import_module("magpie.v1.magpie_pb2_grpc")


def bad_request_fields(error: grpc.RpcError) -> list[tuple[str, str]]:
    """The (field, description) pairs of an INVALID_ARGUMENT's google.rpc.BadRequest details."""
    from google.rpc import error_details_pb2

    status = rpc_status.from_call(error)
    if status is None:
        return []
    fields = []
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            fields.extend((v.field, v.description) for v in bad.field_violations)
    return fields


class MagpieClient:
    """magpie.v1.MagpieService over one channel; `token` is sent as `authorization: Bearer <token>`."""

    def __init__(self, address: str, token: str | None = None, timeout_s: float = 30.0):
        self.channel = grpc.insecure_channel(address)
        self.stub = magpie_pb2_grpc.MagpieServiceStub(self.channel)
        self.metadata = (("authorization", f"Bearer {token}"),) if token else ()
        self.timeout_s = timeout_s

    def close(self) -> None:
        self.channel.close()

    def start_run(self, **fields) -> "magpie_pb2.Run":
        """Starts a run; fields are StartRunRequest's (domain_mix as a list of dicts, labels as a dict)."""
        mix = [magpie_pb2.DomainShare(**share) for share in fields.pop("domain_mix", [])]
        request = magpie_pb2.StartRunRequest(domain_mix=mix, **fields)
        return self.stub.StartRun(request, timeout=self.timeout_s, metadata=self.metadata).run

    def get_run(self, run_id: str) -> "magpie_pb2.Run":
        return self.stub.GetRun(magpie_pb2.GetRunRequest(run_id=run_id), timeout=self.timeout_s, metadata=self.metadata).run

    def list_runs(self, **filters) -> "magpie_pb2.ListRunsResponse":
        return self.stub.ListRuns(magpie_pb2.ListRunsRequest(**filters), timeout=self.timeout_s, metadata=self.metadata)

    def list_models(self) -> "magpie_pb2.ListModelsResponse":
        return self.stub.ListModels(magpie_pb2.ListModelsRequest(), timeout=self.timeout_s, metadata=self.metadata)

    def list_domains(self) -> "magpie_pb2.ListDomainsResponse":
        return self.stub.ListDomains(magpie_pb2.ListDomainsRequest(), timeout=self.timeout_s, metadata=self.metadata)

    def watch_run(self, run_id: str) -> Iterator["magpie_pb2.WatchRunResponse"]:
        """Progress messages until the run ends (the last has final = True)."""
        yield from self.stub.WatchRun(magpie_pb2.WatchRunRequest(run_id=run_id), metadata=self.metadata)

    def stream_records(self, run_id: str, from_cursor: int = 0, kinds: tuple[str, ...] = ()) -> Iterator["magpie_pb2.StreamRecordsResponse"]:
        """The run's records after from_cursor, then live ones until it ends; kinds like "RECORD_KIND_REWARDS"."""
        request = magpie_pb2.StreamRecordsRequest(run_id=run_id, from_cursor=from_cursor, kinds=[magpie_pb2.RecordKind.Value(k) for k in kinds])
        yield from self.stub.StreamRecords(request, metadata=self.metadata)

    def export_dataset(self, run_id: str, out_dir: str | os.PathLike, fmt: str = "jsonl") -> list[pathlib.Path]:
        """Downloads a finished run's files (fmt "jsonl" or "magpie_json") into out_dir, checking each SHA-256."""
        request = magpie_pb2.ExportDatasetRequest(run_id=run_id, format=magpie_pb2.DatasetFormat.Value(f"DATASET_FORMAT_{fmt.upper()}"))
        out = pathlib.Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        files: list[pathlib.Path] = []
        handle = None
        digest = None
        for chunk in self.stub.ExportDataset(request, metadata=self.metadata):
            if chunk.offset == 0:
                path = out / chunk.file_name
                handle = path.open("wb")
                digest = hashlib.sha256()
                files.append(path)
            assert handle is not None and digest is not None
            handle.write(chunk.data)
            digest.update(chunk.data)
            if chunk.last_chunk:
                handle.close()
                if digest.hexdigest() != chunk.sha256:
                    raise ValueError(f"{chunk.file_name}: SHA-256 mismatch")
                handle = None
        return files
