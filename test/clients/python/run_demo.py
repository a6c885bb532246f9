"""The Python client end to end: start a run, watch it, stream its records, export its dataset,
load it with Hugging Face `datasets`, and show an INVALID_ARGUMENT's BadRequest. Prints progress
lines, then one JSON summary line (what test/e2e/python-client.test.ts checks).

    python run_demo.py --address 127.0.0.1:50051 --out /tmp/magpie-demo
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

import grpc
from datasets import load_dataset

from magpie_client import MagpieClient, bad_request_fields, magpie_pb2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--address", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--token")
    args = parser.parse_args()
    client = MagpieClient(args.address, token=args.token)
    summary: dict = {}
    try:
        summary["domains"] = [d.name for d in client.list_domains().domains]
        summary["models"] = len(client.list_models().models)
        # A run over two domains by weight, with a label to find it by.
        run = client.start_run(
            count=args.count,
            domain_mix=[{"domain": "algebra", "weight": 2}, {"domain": "geometry", "weight": 1}],
            labels={"client": "python"},
            request_id=f"python-demo-{args.count}",
        )
        print(f"started {run.run_id}: {[(s.domain, s.count) for s in run.spec.domain_mix]}", flush=True)
        progress = list(client.watch_run(run.run_id))
        for message in progress:
            stages = ", ".join(f"{magpie_pb2.Stage.Name(s.stage)[6:].lower()} {s.records}/{s.target}" for s in message.stages)
            print(f"progress: {magpie_pb2.RunStatus.Name(message.run.status)} {stages}; tokens {message.tokens.completion_tokens}", flush=True)
        final = progress[-1]
        kinds = collections.Counter(event.WhichOneof("body") for event in client.stream_records(run.run_id))
        rewards_only = sum(1 for _ in client.stream_records(run.run_id, kinds=("RECORD_KIND_REWARDS",)))
        files = client.export_dataset(run.run_id, args.out, fmt="jsonl")
        armorm = next(f for f in files if f.name.endswith("_ins_5res_armorm.jsonl"))
        table = load_dataset("json", data_files=str(armorm), split="train")
        listed = client.list_runs(label="client=python")
        try:
            client.start_run(domain="algebra", count=0)
            bad = []
        except grpc.RpcError as error:
            bad = [error.code().name, error.details(), bad_request_fields(error)]
        summary.update(
            run_id=run.run_id,
            final=final.final,
            status=magpie_pb2.RunStatus.Name(final.run.status),
            counts={"problems": final.run.counts.problems, "solutions": final.run.counts.solutions, "samples": final.run.counts.samples, "rewards": final.run.counts.rewards},
            completion_tokens=final.tokens.completion_tokens,
            progress_messages=len(progress),
            records=dict(kinds),
            rewards_only=rewards_only,
            files=sorted(f.name for f in files),
            dataset_rows=table.num_rows,
            dataset_domains=sorted(set(table["domain"])) if "domain" in table.column_names else [],
            listed=[r.run_id for r in listed.runs],
            bad_request=bad,
        )
    finally:
        client.close()
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
