"""Random search: Gaussian samples around the best point so far, the 20-line optimizer.

    optiscope play -l rosenbrock -o external \
        --command "python3 clients/python/examples/random_search.py" --also adam --also cma-es

Deterministic for the hello's seed (random.Random(seed)), so a scene replays it.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from optiscope_client import AskTellOptimizer, Hyperparameter, StepResult, serve  # noqa: E402


class RandomSearch(AskTellOptimizer):
    name = "random-search"
    hyperparameters = [
        Hyperparameter("sigma", 0.1, 0.001, 1, scale="log", help="the spread of the samples, in units of the box"),
        Hyperparameter("samples", 8, 1, 64, kind="integer", help="points sampled per step"),
    ]

    def start(self, problem):
        self.random = random.Random(problem.seed)
        self.best, self.best_loss = problem.start[0], float("inf")
        self.points, self.values = [], []

    def ask(self):
        spread = self.settings["sigma"] * self.problem.width
        return [self.problem.clip([x + self.random.gauss(0, spread) for x in self.best])
                for _ in range(self.settings["samples"])]

    def tell(self, points, values):
        self.points, self.values = points, values
        for point, value in zip(points, values):
            if value < self.best_loss:  # a NaN compares False, so it never becomes the best
                self.best, self.best_loss = point, value

    def particles(self):
        return StepResult(self.points + [self.best], losses=self.values + [self.best_loss],
                          roles=["candidate"] * len(self.points) + ["best"],
                          overlays=[{"role": "best", "at": self.best}])


if __name__ == "__main__":
    serve(RandomSearch())
