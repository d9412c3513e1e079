"""Drive any optimizer that follows PyTorch's `opt.step(closure)` contract.

Each optiscope step is one `opt.step(closure)`. The closure zeroes the
gradients, asks optiscope for the loss at the parameter (and its gradient,
which it writes into `.grad`, as `loss.backward()` would), and returns the
loss; an optimizer such as L-BFGS that calls the closure several times per
step makes one evaluation per call. The parameter is clamped into the box
after every step: an optimizer in PyTorch's style does not know the box.

    optiscope run -l rosenbrock -o external --command "python3 clients/python/examples/torch_style.py"
    ... --command "python3 clients/python/examples/torch_style.py --optimizer sgd"

`Param`, `SGD` and `Adam` below are pure Python, with the attributes
torch.optim uses (`param.data`, `param.grad`, `opt.param_groups`,
`opt.zero_grad()`, `opt.step(closure)`), so this runs without torch. To
watch a real `torch.optim` optimizer, hand `ClosureDriver` a `make` that
builds a tensor parameter and a `Tensors` that reads and writes it:

    import torch

    class TorchTensors:
        def read(self, param): return param.detach().tolist()
        def write(self, param, values):
            with torch.no_grad(): param.copy_(torch.tensor(values, dtype=param.dtype))
        def set_grad(self, param, values): param.grad = torch.tensor(values, dtype=param.dtype)

    def make(problem, settings):
        param = torch.nn.Parameter(torch.tensor(problem.start[0], dtype=torch.float64))
        return param, torch.optim.Adam([param], lr=settings["lr"])

    serve(ClosureDriver("torch adam", [Hyperparameter("lr", 0.05, 1e-4, 1, scale="log")], make,
                        tensors=TorchTensors()))

A hyperparameter's change is written into every `param_groups` entry
under its name (`lr`, `momentum`), as one changes a torch optimizer's.
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from optiscope_client import Hyperparameter, StepOptimizer, StepResult, serve  # noqa: E402


class Param:
    """A parameter as torch.optim sees one: `data` (the point, a list of floats) and `grad`
    (a list, or None before the first gradient)."""

    def __init__(self, data):
        self.data = [float(x) for x in data]
        self.grad = None


class PurePythonOptimizer:
    """What torch.optim.Optimizer gives its subclasses: param_groups (one
    group of the params with the settings), per-parameter state, zero_grad."""

    def __init__(self, params, **settings):
        self.param_groups = [dict(params=list(params), **settings)]
        self.state = {}

    def zero_grad(self):
        for group in self.param_groups:
            for p in group["params"]:
                p.grad = None


class SGD(PurePythonOptimizer):
    """Stochastic gradient descent with momentum, as torch.optim.SGD:
    v <- momentum*v + g, x <- x - lr*v."""

    def __init__(self, params, lr, momentum=0.0):
        super().__init__(params, lr=lr, momentum=momentum)

    def step(self, closure):
        loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                v = self.state.get(id(p))
                v = list(p.grad) if v is None else [group["momentum"] * a + g for a, g in zip(v, p.grad)]
                self.state[id(p)] = v
                p.data = [x - group["lr"] * a for x, a in zip(p.data, v)]
        return loss


class Adam(PurePythonOptimizer):
    """Adam, as torch.optim.Adam: m <- b1*m + (1-b1)*g, v <- b2*v + (1-b2)*g^2,
    x <- x - lr * m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps)."""

    def __init__(self, params, lr, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, lr=lr, betas=betas, eps=eps)

    def step(self, closure):
        loss = closure()
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                t, m, v = self.state.get(id(p), (0, [0.0] * len(p.data), [0.0] * len(p.data)))
                t += 1
                m = [b1 * a + (1 - b1) * g for a, g in zip(m, p.grad)]
                v = [b2 * a + (1 - b2) * g * g for a, g in zip(v, p.grad)]
                self.state[id(p)] = (t, m, v)
                p.data = [x - group["lr"] * (a / (1 - b1 ** t)) / (math.sqrt(b / (1 - b2 ** t)) + group["eps"])
                          for x, a, b in zip(p.data, m, v)]
        return loss


class PlainTensors:
    """How the driver reads and writes a `Param` (a torch tensor needs its own, see above)."""

    def read(self, param):
        return list(param.data)

    def write(self, param, values):
        param.data = list(values)

    def set_grad(self, param, values):
        param.grad = list(values)


class ClosureDriver(StepOptimizer):
    """Runs `opt.step(closure)` once per optiscope step.

    `make(problem, settings)` returns `(param, opt)` for the run's start
    point; `needs_gradients` says whether the closure must fill `.grad`
    (False for an optimizer that uses only the loss: no gradient is asked).
    """

    def __init__(self, name, hyperparameters, make, needs_gradients=True, tensors=None):
        super().__init__()
        self.name = name
        self.hyperparameters = hyperparameters
        self.make = make
        self.needs_gradients = needs_gradients
        self.tensors = tensors or PlainTensors()

    def start(self, problem):
        self.param, self.opt = self.make(problem, self.settings)

    def set(self, name, value):
        for group in self.opt.param_groups:
            group[name] = value
        return None

    def step(self, evaluate):
        before = self.problem.clip(self.tensors.read(self.param))

        def closure():
            self.opt.zero_grad()
            point = self.tensors.read(self.param)
            if not self.needs_gradients:
                return evaluate([point])[0]
            values, gradients = evaluate([point], gradients=True)
            self.tensors.set_grad(self.param, gradients[0])
            return values[0]

        loss = self.opt.step(closure)
        after = self.problem.clip(self.tensors.read(self.param))
        self.tensors.write(self.param, after)
        return StepResult([after], readouts={"loss": loss},
                          overlays=[{"role": "step", "from": before, "to": after}])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--optimizer", choices=["adam", "sgd"], default="adam")
    choice = parser.parse_args().optimizer
    if choice == "adam":
        hyperparameters = [Hyperparameter("lr", 0.05, 1e-4, 1, scale="log", help="Adam's learning rate")]

        def make(problem, settings):
            param = Param(problem.start[0])
            return param, Adam([param], lr=settings["lr"])
    else:
        hyperparameters = [Hyperparameter("lr", 0.0005, 1e-6, 0.1, scale="log", help="the learning rate"),
                           Hyperparameter("momentum", 0.9, 0, 0.99, help="the momentum coefficient")]

        def make(problem, settings):
            param = Param(problem.start[0])
            return param, SGD([param], lr=settings["lr"], momentum=settings["momentum"])
    serve(ClosureDriver("torch-style " + choice, hyperparameters, make))


if __name__ == "__main__":
    main()
