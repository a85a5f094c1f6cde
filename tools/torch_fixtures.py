"""Reference trajectories from PyTorch (float64, CPU) for decaylab's parity tests.

Each case is {name, spec, expected, [expectedFinal]}: `spec` is a decaylab RunSpec
(inline data, inline init), `expected` lists per-step records:
  step (1-based), loss {data, penalty, total} at the params before the step,
  grad {name: flat list} = d(data loss)/d(param) at the params before the step,
  params {name: flat list} after optimizer.step(), val {loss} at the params after the step.
Run (see tools/README.md): python3 tools/torch_fixtures.py OUTDIR [--hidden] [--bundles]
  writes OUTDIR/<case>.json for every public case, in the layout of packages/core/test/fixtures
  ({name, generator, spec, expected|expectedFinal, tolerance}); --hidden adds the extra "h-" cases;
  --bundles writes them as public.json and hidden.json instead, one {generator, cases} each.
"""
import json, math, os, sys
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def randn(g, *shape, std=1.0):
    return torch.randn(*shape, generator=g) * std


# ---------- data ----------
def linear_data(g, n, d, noise=0.1, nval=0):
    w = randn(g, d)
    b = float(randn(g, 1))
    def mk(m):
        x = randn(g, m, d)
        y = x @ w + b + noise * randn(g, m)
        return {"x": x.tolist(), "y": y.tolist()}
    data = {"train": mk(n)}
    if nval:
        data["val"] = mk(nval)
    return data


def logistic_data(g, n, d, nval=0):
    w = randn(g, d) * 2
    def mk(m):
        x = randn(g, m, d)
        p = torch.sigmoid(x @ w + 0.3)
        y = (torch.rand(m, generator=g) < p).double()
        return {"x": x.tolist(), "y": y.tolist()}
    data = {"train": mk(n)}
    if nval:
        data["val"] = mk(nval)
    return data


def line_data(g, n, noise, nval=0):
    """The seed's example: y = x plus noise, x in [-1, 1], scalar inputs."""
    def mk(m):
        x = torch.rand(m, generator=g) * 2 - 1
        y = x + noise * randn(g, m)
        return {"x": [[v] for v in x.tolist()], "y": y.tolist()}
    data = {"train": mk(n)}
    if nval:
        data["val"] = mk(nval)
    return data


def highdim_data(g, n, d, nval):
    """d2l's high-dimensional linear regression: y = 0.05 + sum(0.01 x_i) + N(0, 0.01^2)."""
    def mk(m):
        x = randn(g, m, d)
        y = x.sum(1) * 0.01 + 0.05 + 0.01 * randn(g, m)
        return {"x": x.tolist(), "y": y.tolist()}
    return {"train": mk(n), "val": mk(nval)}


# ---------- models ----------
ACT = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid}


def features(model, x):
    if model["kind"] == "polynomial":
        xs = x[:, 0:1]
        return torch.cat([xs ** k for k in range(1, model["degree"] + 1)], dim=1)
    return x


def param_shapes(model, d_in):
    k = model["kind"]
    if k in ("linear", "logistic"):
        return [("weight", (d_in,)), ("bias", (1,))]
    if k == "polynomial":
        return [("weight", (model["degree"],)), ("bias", (1,))]
    if k == "mlp":
        dims = [d_in] + list(model["hidden"]) + [1]
        out = []
        for i in range(len(dims) - 1):
            out += [(f"{i}.weight", (dims[i + 1], dims[i])), (f"{i}.bias", (dims[i + 1],))]
        return out
    raise ValueError(k)


def forward(model, P, x):
    k = model["kind"]
    f = features(model, x)
    if k in ("linear", "logistic", "polynomial"):
        return f @ P["weight"] + P["bias"]
    if k == "mlp":
        h = f
        n = len(model["hidden"]) + 1
        for i in range(n):
            h = h @ P[f"{i}.weight"].T + P[f"{i}.bias"]
            if i < n - 1:
                h = ACT[model["activation"]](h)
        return h[:, 0]
    raise ValueError(k)


def data_loss(kind, pred, y):
    if kind == "mse":
        return ((pred - y) ** 2).mean()
    if kind == "bce-logits":
        return F.binary_cross_entropy_with_logits(pred, y)
    raise ValueError(kind)


def penalty_of(pen, P):
    if not pen:
        return torch.zeros(())
    names = pen.get("params") or list(P.keys())
    if pen["kind"] == "l2":
        return pen["lambda"] / 2 * sum((P[n] ** 2).sum() for n in names)
    if pen["kind"] == "l1":
        return pen["lambda"] * sum(P[n].abs().sum() for n in names)
    raise ValueError(pen["kind"])


KEYMAP = {"lr": "lr", "momentum": "momentum", "dampening": "dampening", "nesterov": "nesterov",
          "weightDecay": "weight_decay", "betas": "betas", "eps": "eps", "amsgrad": "amsgrad"}


def make_optimizer(spec, P):
    o = dict(spec["optimizer"])
    kind = o.pop("kind")
    defaults = {KEYMAP[k]: (tuple(v) if k == "betas" else v) for k, v in o.items()}
    listed = set()
    groups = []
    for grp in spec.get("paramGroups", []):
        names = grp["params"]
        listed.update(names)
        extra = {KEYMAP[k]: (tuple(v) if k == "betas" else v) for k, v in grp.items() if k != "params"}
        groups.append({"params": [P[n] for n in names], **extra})
    rest = [P[n] for n in P if n not in listed]
    if rest:
        groups.insert(0, {"params": rest})
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[kind]
    return cls(groups, **defaults)


def run(spec, record_every=1):
    tr = spec["data"]["train"]
    X = torch.tensor(tr["x"])
    Y = torch.tensor(tr["y"])
    va = spec["data"].get("val")
    if va:
        XV, YV = torch.tensor(va["x"]), torch.tensor(va["y"])
    shapes = param_shapes(spec["model"], X.shape[1])
    P = {n: torch.tensor(spec["init"][n]).reshape(s).clone().requires_grad_(True) for n, s in shapes}
    opt = make_optimizer(spec, P)
    names = list(P.keys())
    out = []
    for step in range(1, spec["steps"] + 1):
        opt.zero_grad()
        pred = forward(spec["model"], P, X)
        L0 = data_loss(spec["loss"], pred, Y)
        pen = penalty_of(spec.get("penalty"), P)
        total = L0 + pen
        g0 = torch.autograd.grad(L0, [P[n] for n in names], retain_graph=True)
        total.backward()
        opt.step()
        rec = {"step": step,
               "loss": {"data": float(L0), "penalty": float(pen), "total": float(total)},
               "grad": {n: flat(g) for n, g in zip(names, g0)},
               "params": {n: flat(P[n]) for n in names}}
        if va:
            with torch.no_grad():
                rec["val"] = {"loss": float(data_loss(spec["loss"], forward(spec["model"], P, XV), YV))}
        if step % record_every == 0 or step <= 5 or step == spec["steps"]:
            out.append(rec)
    return out


def init_for(g, model, d_in, std=0.5):
    return {n: flat(randn(g, *s, std=std)) for n, s in param_shapes(model, d_in)}


def ridge_case(name, seed, n, d, lam):
    """Full-batch GD on mse + lam/2 ||w||^2 (weight only) converges to the closed-form ridge solution."""
    g = torch.Generator().manual_seed(seed)
    data = linear_data(g, n, d, noise=0.3)
    X = torch.tensor(data["train"]["x"]); Y = torch.tensor(data["train"]["y"])
    A = torch.cat([X, torch.ones(n, 1)], 1)
    R = torch.diag(torch.tensor([lam] * d + [0.0]))
    H = 2.0 / n * A.T @ A + R
    sol = torch.linalg.solve(H, 2.0 / n * A.T @ Y)
    ev = torch.linalg.eigvalsh(H)
    lr = float(1.0 / ev[-1])
    kappa = float(ev[-1] / ev[0])
    steps = min(20000, int(math.ceil(math.log(1e-13) / math.log(1 - 1 / kappa))) + 10)
    model = {"kind": "linear"}
    spec = {"seed": seed, "data": data, "model": model, "init": init_for(g, model, d),
            "loss": "mse", "penalty": {"kind": "l2", "lambda": lam, "params": ["weight"]},
            "optimizer": {"kind": "sgd", "lr": lr}, "steps": steps}
    return {"name": name, "spec": spec,
            "expectedFinal": {"weight": flat(sol[:d]), "bias": flat(sol[d:])},
            "tolerance": 1e-8}


def case(name, seed, model, loss, data_fn, optimizer, steps, penalty=None, groups=None, every=1, std=0.5):
    g = torch.Generator().manual_seed(seed)
    data = data_fn(g)
    d_in = len(data["train"]["x"][0])
    spec = {"seed": seed, "data": data, "model": model, "init": init_for(g, model, d_in, std),
            "loss": loss, "optimizer": optimizer, "steps": steps}
    if penalty:
        spec["penalty"] = penalty
    if groups:
        spec["paramGroups"] = groups
    return {"name": name, "spec": spec, "expected": run(spec, every), "tolerance": 1e-9}


LIN = {"kind": "linear"}
LOG = {"kind": "logistic"}

PUBLIC = [
    lambda: case("linear-sgd-plain", 1, LIN, "mse", lambda g: linear_data(g, 16, 3, nval=16), {"kind": "sgd", "lr": 0.05}, 60),
    lambda: case("linear-sgd-weight-decay", 1, LIN, "mse", lambda g: linear_data(g, 16, 3, nval=16), {"kind": "sgd", "lr": 0.05, "weightDecay": 0.1}, 60),
    lambda: case("linear-sgd-l2-penalty", 1, LIN, "mse", lambda g: linear_data(g, 16, 3, nval=16), {"kind": "sgd", "lr": 0.05}, 60, penalty={"kind": "l2", "lambda": 0.1}),
    lambda: case("linear-sgd-momentum", 2, LIN, "mse", lambda g: linear_data(g, 20, 4), {"kind": "sgd", "lr": 0.02, "momentum": 0.9, "weightDecay": 0.01}, 80),
    lambda: case("linear-sgd-nesterov", 2, LIN, "mse", lambda g: linear_data(g, 20, 4), {"kind": "sgd", "lr": 0.02, "momentum": 0.9, "nesterov": True, "weightDecay": 0.01}, 80),
    lambda: case("linear-adam-coupled", 3, LIN, "mse", lambda g: linear_data(g, 20, 3, nval=10), {"kind": "adam", "lr": 0.05, "weightDecay": 0.01}, 80),
    lambda: case("linear-adamw-decoupled", 3, LIN, "mse", lambda g: linear_data(g, 20, 3, nval=10), {"kind": "adamw", "lr": 0.05, "weightDecay": 0.1}, 80),
    lambda: case("linear-no-bias-decay", 4, LIN, "mse", lambda g: linear_data(g, 16, 3), {"kind": "sgd", "lr": 0.05, "weightDecay": 0.1}, 60, groups=[{"params": ["bias"], "weightDecay": 0}]),
    lambda: case("linear-l1-penalty", 5, LIN, "mse", lambda g: linear_data(g, 24, 6), {"kind": "sgd", "lr": 0.03}, 100, penalty={"kind": "l1", "lambda": 0.05}),
    lambda: case("polynomial9-sgd", 6, {"kind": "polynomial", "degree": 9}, "mse", lambda g: line_data(g, 10, 0.2, nval=40), {"kind": "sgd", "lr": 0.1, "weightDecay": 0.001}, 200, every=5),
    lambda: case("logistic-sgd-weight-decay", 7, LOG, "bce-logits", lambda g: logistic_data(g, 32, 2, nval=32), {"kind": "sgd", "lr": 0.5, "weightDecay": 0.01}, 60),
    lambda: case("mlp-tanh-adamw", 8, {"kind": "mlp", "hidden": [8], "activation": "tanh"}, "mse", lambda g: linear_data(g, 32, 2, nval=16), {"kind": "adamw", "lr": 0.01, "weightDecay": 0.01}, 50),
    lambda: case("highdim-sgd-weight-decay", 9, LIN, "mse", lambda g: highdim_data(g, 20, 200, 100), {"kind": "sgd", "lr": 0.01, "weightDecay": 3.0}, 40, every=4, std=1.0),
    lambda: ridge_case("ridge-closed-form", 10, 20, 3, 0.5),
]

HIDDEN = [
    lambda: case("h-linear-momentum-dampening", 101, LIN, "mse", lambda g: linear_data(g, 24, 5, nval=12), {"kind": "sgd", "lr": 0.03, "momentum": 0.8, "dampening": 0.2, "weightDecay": 0.05}, 70),
    lambda: case("h-linear-adam-amsgrad", 102, LIN, "mse", lambda g: linear_data(g, 18, 4), {"kind": "adam", "lr": 0.03, "weightDecay": 0.02, "amsgrad": True}, 90),
    lambda: case("h-linear-adamw-amsgrad", 103, LIN, "mse", lambda g: linear_data(g, 18, 4), {"kind": "adamw", "lr": 0.02, "weightDecay": 0.5, "amsgrad": True}, 90),
    lambda: case("h-mlp-relu-nesterov", 104, {"kind": "mlp", "hidden": [16, 8], "activation": "relu"}, "mse", lambda g: linear_data(g, 40, 3, nval=20), {"kind": "sgd", "lr": 0.01, "momentum": 0.9, "nesterov": True, "weightDecay": 0.001}, 60),
    lambda: case("h-mlp-sigmoid-adam", 105, {"kind": "mlp", "hidden": [6], "activation": "sigmoid"}, "mse", lambda g: linear_data(g, 30, 2), {"kind": "adam", "lr": 0.02, "weightDecay": 0.01}, 60),
    lambda: case("h-logistic-groups", 106, LOG, "bce-logits", lambda g: logistic_data(g, 40, 3, nval=20), {"kind": "adamw", "lr": 0.05, "weightDecay": 0.1}, 70, groups=[{"params": ["bias"], "weightDecay": 0, "lr": 0.001}]),
    lambda: case("h-polynomial12-adamw", 107, {"kind": "polynomial", "degree": 12}, "mse", lambda g: line_data(g, 14, 0.3, nval=30), {"kind": "adamw", "lr": 0.01, "weightDecay": 0.01}, 150, every=5),
    lambda: ridge_case("h-ridge-closed-form", 108, 30, 6, 0.05),
    lambda: case("h-penalty-and-decay", 109, LIN, "mse", lambda g: linear_data(g, 20, 3), {"kind": "sgd", "lr": 0.02, "momentum": 0.5, "weightDecay": 0.05}, 60, penalty={"kind": "l2", "lambda": 0.2}),
    lambda: case("h-l1-adam", 110, LIN, "mse", lambda g: linear_data(g, 20, 8), {"kind": "adam", "lr": 0.01}, 80, penalty={"kind": "l1", "lambda": 0.1}),
    lambda: case("h-huge-decay", 111, LIN, "mse", lambda g: linear_data(g, 12, 3), {"kind": "sgd", "lr": 0.1, "weightDecay": 1.0}, 40),
    lambda: case("h-adam-betas-eps", 112, LIN, "mse", lambda g: linear_data(g, 16, 3), {"kind": "adam", "lr": 0.05, "betas": [0.8, 0.95], "eps": 1e-6, "weightDecay": 0.03}, 70),
    lambda: case("h-mlp-tanh-groups", 113, {"kind": "mlp", "hidden": [5], "activation": "tanh"}, "mse", lambda g: linear_data(g, 25, 2), {"kind": "sgd", "lr": 0.05, "momentum": 0.9, "weightDecay": 0.01}, 50, groups=[{"params": ["0.bias", "1.bias"], "weightDecay": 0}]),
]

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    OUT = args[0] if args else "."
    generator = "torch " + torch.__version__
    os.makedirs(OUT, exist_ok=True)
    sets = [("public", PUBLIC)] + ([("hidden", HIDDEN)] if "--hidden" in sys.argv else [])
    for label, cases in sets:
        built = [c() for c in cases]
        if "--bundles" in sys.argv:
            path = os.path.join(OUT, label + ".json")
            with open(path, "w") as f:
                json.dump({"generator": generator, "cases": built}, f)
            print(path, len(built), os.path.getsize(path))
            continue
        for c in built:
            path = os.path.join(OUT, c["name"] + ".json")
            with open(path, "w") as f:
                json.dump({"name": c["name"], "generator": generator,
                           **{k: v for k, v in c.items() if k != "name"}}, f)
            print(path, os.path.getsize(path))
