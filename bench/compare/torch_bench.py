"""PyTorch CPU time of the same U-Net on one 1x1xSxS slice.

usage: /usr/bin/python3 torch_bench.py [--size 512] [--threads 2] [--reps 5] [--warmup 2]
Last line: "torch size=S threads=T: X ms/slice"
"""
import argparse
import statistics
import time

import torch

from unet import build


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--base", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model = build(base=args.base)
    x = torch.rand(1, 1, args.size, args.size)
    times = []
    with torch.no_grad():
        for _ in range(args.warmup):
            model(x)
        cpu0 = time.process_time()
        for _ in range(args.reps):
            start = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - start) * 1e3)
        cpu_ms = (time.process_time() - cpu0) * 1e3 / args.reps
    print("runs (ms, sorted):", ", ".join(f"{t:.1f}" for t in sorted(times)), f"; CPU time {cpu_ms:.1f} ms/slice over all threads")
    print(f"torch {torch.__version__} size={args.size} threads={args.threads}: {statistics.median(times):.1f} ms/slice")


if __name__ == "__main__":
    main()
