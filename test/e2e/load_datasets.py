"""Loads two runs' datasets, as `magpie run` wrote them, with Hugging Face `datasets`.

Usage: load_datasets.py <run-a-dir> <run-b-dir>

Checks, for every config of the dataset card (sft, preference, problems, sharegpt, messages, dpo):
  - load_dataset(<dir>, <config>) reads the card and gives the card's features and every row;
  - load_dataset("parquet", data_files=[both runs]) gives the same features and both runs' rows;
  - load_dataset("json", data_files=[both runs' JSONL], features=<the card's>) gives the same;
and that load_dataset(<dir>) (no config) is the sft config, and that the JSONL files of the two
runs load together *without* features in either order where they hold no all-null column (the
sampling numbers are floats in both, even where one run's values are whole). Prints what it
loaded; exits non-zero on the first failure.
"""

import glob
import json
import os
import sys

from datasets import Value, load_dataset, load_dataset_builder

CONFIGS = {
    # config: (Parquet suffix, JSONL suffix or None)
    "sft": ("_ins_res.parquet", "_ins_res.jsonl"),
    "preference": ("_ins_5res_armorm.parquet", "_ins_5res_armorm.jsonl"),
    "problems": ("_ins.parquet", None),
    "sharegpt": ("_sharegpt.parquet", "_sharegpt.jsonl"),
    "messages": ("_messages.parquet", "_messages.jsonl"),
    "dpo": ("_dpo.parquet", "_dpo.jsonl"),
}


def one(directory, suffix):
    matches = glob.glob(os.path.join(directory, f"Magpie_*{suffix}"))
    assert len(matches) == 1, f"expected one *{suffix} in {directory}, found {matches}"
    return matches[0]


def rows_of(directory, config):
    info = json.load(open(os.path.join(directory, "dataset_info.json"), encoding="utf-8"))
    name = os.path.basename(one(directory, CONFIGS[config][0]))
    return next(f["records"] for f in info["files"] if f["name"] == name)


def main(run_a, run_b):
    runs = [run_a, run_b]
    for config, (parquet, jsonl) in CONFIGS.items():
        features = load_dataset_builder(run_a, config).info.features
        assert features is not None, f"{config}: the card declares no features"
        for run in runs:
            ds = load_dataset(run, config, split="train")
            assert ds.features == features, f"{config}: {run} loads with {ds.features}, the card says {features}"
            assert ds.num_rows == rows_of(run, config), f"{config}: {ds.num_rows} rows in {run}, dataset_info says {rows_of(run, config)}"
        expected = sum(rows_of(run, config) for run in runs)
        both = load_dataset("parquet", data_files=[one(run, parquet) for run in runs], split="train")
        assert both.features == features, f"{config}: two runs' Parquet load with {both.features}"
        assert both.num_rows == expected, f"{config}: {both.num_rows} rows from two runs' Parquet, expected {expected}"
        line = f"{config:<10} load_dataset(dir) {rows_of(run_a, config)}+{rows_of(run_b, config)} rows; parquet x2 {both.num_rows} rows"
        if jsonl:
            js = load_dataset("json", data_files=[one(run, jsonl) for run in runs], features=features, split="train")
            assert js.num_rows == expected and js.features == features, f"{config}: two runs' JSONL with the card's features"
            line += f"; json x2 {js.num_rows} rows"
        print(line + f"; {len(features)} features")

    default = load_dataset(run_a, split="train")
    assert default.num_rows == rows_of(run_a, "sft") and "reasoning" in default.features, "load_dataset(dir) is not the sft config"
    print(f"default    load_dataset(dir) = sft, {default.num_rows} rows")

    # The case: top_p is 1 in one run and 0.95/0.9 in the other; both are float64, in either order.
    for config in ("sft", "messages", "dpo"):
        suffix = CONFIGS[config][1]
        for order in (runs, runs[::-1]):
            ds = load_dataset("json", data_files=[one(run, suffix) for run in order], split="train")
            assert ds.num_rows == sum(rows_of(run, config) for run in runs)
            if config == "sft":
                for stage in ("gen_input_configs", "gen_response_configs"):
                    for field in ("temperature", "top_p"):
                        assert ds.features[stage][field] == Value("float64"), f"{stage}.{field} is {ds.features[stage][field]}"
        print(f"{config:<10} json x2 without features, both orders: {ds.num_rows} rows")
    sft = load_dataset(run_a, "sft", split="train").features
    print("sft features: " + ", ".join(f"{k}: {v}" for k, v in sft.items() if k in ("id", "gen_input_configs", "reasoning", "answer")))
    top_p = sorted({r["gen_input_configs"]["top_p"] for run in runs for r in load_dataset(run, "problems", split="train")})
    print(f"generator top_p values across the two runs: {top_p}")
    print("OK")


if __name__ == "__main__":
    main(*sys.argv[1:3])
