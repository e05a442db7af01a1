"""python -m tools.synth N -o DIR [--seed S]: write N generated documents (run from the source checkout)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.synth.corpus import write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.synth",
        description="生成模板一致的合成文档（规模测试、未见文档评测用）generate valid documents in the standard template")
    parser.add_argument("count", type=int, metavar="N", help="文档数 number of documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="输出目录 output folder")
    args = parser.parse_args(argv)
    if args.count < 1:
        print("错误 error: N 必须是正整数 (N must be a positive integer)", file=sys.stderr)
        return 2
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        print(f"错误 error: {output} 已存在且不是目录 (exists and is not a folder)", file=sys.stderr)
        return 1
    try:
        paths = write_corpus(args.count, args.seed, output)
    except OSError as exc:
        print(f"错误 error: {output}: 无法写入 (cannot write): {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"已生成 {len(paths)} 个文档 generated documents → {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
