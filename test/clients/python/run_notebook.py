"""Executes a notebook headless with nbclient (the kernel is this interpreter's ipykernel) and
writes the executed copy beside the outputs. Fails when a cell raises.

    python run_notebook.py examples/production.ipynb --out /tmp/executed.ipynb
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import nbformat
from nbclient import NotebookClient


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebook")
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    source = pathlib.Path(args.notebook).resolve()
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(notebook, timeout=args.timeout, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}})
    client.execute()
    nbformat.write(notebook, args.out)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                sys.stdout.write(output.get("text", ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
