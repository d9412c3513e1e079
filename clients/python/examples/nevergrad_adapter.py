"""A nevergrad optimizer (TwoPointsDE, a differential evolution, by default) through its ask()/tell() interface.

    pip install nevergrad
    optiscope run -l rosenbrock -o external --command "python3 clients/python/examples/nevergrad_adapter.py"
    ... --command "python3 clients/python/examples/nevergrad_adapter.py --optimizer OnePlusOne"

`--optimizer` takes any name of nevergrad's registry (those that need a
budget, such as NGOpt, need a run with --evals). Each step asks `workers`
candidates. The parametrization's random state is seeded from
the hello's seed, so a scene replays it. A change of a hyperparameter
starts a new optimizer from the recommendation so far.
"""
import argparse
import math
import os
import sys

import nevergrad as ng
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from optiscope_client import AskTellOptimizer, Hyperparameter, StepResult, serve  # noqa: E402


class Nevergrad(AskTellOptimizer):
    hyperparameters = [
        Hyperparameter("sigma", 0.1, 0.001, 1, scale="log", help="the mutation's scale, in units of the box"),
        Hyperparameter("workers", 8, 1, 64, kind="integer", help="candidates asked per step"),
    ]

    def __init__(self, optimizer):
        super().__init__()
        if optimizer not in ng.optimizers.registry:
            raise SystemExit("nevergrad has no optimizer %r" % optimizer)
        self.optimizer = optimizer
        self.name = "nevergrad " + optimizer

    def start(self, problem):
        self.begin(problem.start[0])

    def begin(self, point):
        lower = np.array([low for low, _ in self.problem.bounds])
        upper = np.array([high for _, high in self.problem.bounds])
        parametrization = ng.p.Array(init=np.clip(np.array(point, dtype=float), lower, upper))
        parametrization.set_bounds(lower, upper).set_mutation(sigma=self.settings["sigma"] * self.problem.width)
        parametrization.random_state.seed(self.problem.seed % 2 ** 32)
        self.ng = ng.optimizers.registry[self.optimizer](
            parametrization=parametrization, budget=self.problem.budget, num_workers=self.settings["workers"])
        self.candidates, self.values = [], []

    def set(self, name, value):
        self.begin(self.ng.provide_recommendation().value)
        return None

    def ask(self):
        self.candidates = [self.ng.ask() for _ in range(self.settings["workers"])]
        return [candidate.value for candidate in self.candidates]

    def tell(self, points, values):
        self.values = values
        for candidate, value in zip(self.candidates, values):
            self.ng.tell(candidate, value if math.isfinite(value) else math.inf)

    def particles(self):
        points = [candidate.value for candidate in self.candidates]
        best = self.ng.provide_recommendation().value
        return StepResult(points + [best], losses=self.values + [None],
                          roles=["candidate"] * len(points) + ["best"],
                          overlays=[{"role": "best", "at": best}])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--optimizer", default="TwoPointsDE", help="a name of nevergrad's registry")
    serve(Nevergrad(parser.parse_args().optimizer))
