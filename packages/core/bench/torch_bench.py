"""PyTorch side of bench/run.js: the same problems as full-batch SGD with weight decay on mse,
float64, one thread, timed on the process CPU clock when `clock` is "cpu" (else wall time). Reads a JSON list of problems on stdin, prints one JSON object: steps/s per
problem (best of `trials` timed runs after a warm-up run)."""

import json
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def model_for(p):
    d = p["dims"]
    if p["hidden"]:
        layers = []
        width = d
        for w in p["hidden"]:
            layers += [torch.nn.Linear(width, w), torch.nn.Tanh()]
            width = w
        layers.append(torch.nn.Linear(width, 1))
        return torch.nn.Sequential(*layers)
    return torch.nn.Linear(d, 1)


def run(p, steps):
    g = torch.Generator().manual_seed(1)
    X = torch.randn(p["rows"], p["dims"], generator=g)
    y = torch.randn(p["rows"], 1, generator=g)
    model = model_for(p)
    opt = torch.optim.SGD(model.parameters(), lr=p["lr"], weight_decay=p["weightDecay"])
    loss_fn = torch.nn.MSELoss()
    clock = time.process_time if p.get("clock") == "cpu" else time.perf_counter
    start = clock()
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        opt.step()
    return clock() - start


def main():
    problems = json.load(sys.stdin)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "stepsPerSecond": {}}
    for p in problems:
        run(p, max(1, p["steps"] // 5))
        best = min(run(p, p["steps"]) for _ in range(p["trials"]))
        out["stepsPerSecond"][p["label"]] = p["steps"] / best
    print(json.dumps(out))


if __name__ == "__main__":
    main()
