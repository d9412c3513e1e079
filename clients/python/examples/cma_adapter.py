"""pycma's CMAEvolutionStrategy (the `cma` package) through its ask/tell interface.

    pip install cma
    optiscope run -l rosenbrock -o external --command "python3 clients/python/examples/cma_adapter.py"

Seeded from the hello's seed, so a scene replays it. A change of sigma0 or
popsize starts a new strategy from the current mean (pycma fixes both when
it is made). The mean shown is pycma's `xfavorite`: the mean mapped into
the box by its bound handling.
"""
import math
import os
import sys

import cma

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from optiscope_client import AskTellOptimizer, Hyperparameter, StepResult, serve  # noqa: E402


class PyCMA(AskTellOptimizer):
    name = "pycma"
    hyperparameters = [
        Hyperparameter("sigma0", 0.25, 0.001, 1, scale="log", help="the initial step size, in units of the box"),
        Hyperparameter("popsize", 0, 0, 200, kind="integer", help="the population; 0 for pycma's 4 + 3 ln n"),
    ]

    def start(self, problem):
        self.begin(problem.start[0])

    def begin(self, mean):
        """A new strategy around `mean`, seeded from the hello's seed (pycma reads 0 as "from the clock")."""
        options = {"seed": self.problem.seed % (2 ** 32 - 1) + 1, "verbose": -9,
                   "bounds": [[low for low, _ in self.problem.bounds], [high for _, high in self.problem.bounds]]}
        if self.settings["popsize"] > 0:
            options["popsize"] = self.settings["popsize"]
        self.es = cma.CMAEvolutionStrategy(list(mean), self.settings["sigma0"] * self.problem.width, options)
        self.population, self.values = [], []

    def set(self, name, value):
        self.begin(self.problem.clip(self.es.result.xfavorite))
        return None

    def ask(self):
        self.population = self.es.ask()
        return self.population

    def tell(self, points, values):
        # pycma ranks its own (unclamped) candidates; a loss that is not finite ranks last.
        self.values = values
        self.es.tell(self.population, [v if math.isfinite(v) else math.inf for v in values])

    def particles(self):
        return StepResult(self.population, losses=self.values, roles=["member"] * len(self.population),
                          readouts={"sigma": self.es.sigma},
                          overlays=[{"role": "mean", "at": self.es.result.xfavorite}])


if __name__ == "__main__":
    serve(PyCMA())
