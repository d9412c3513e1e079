#!/usr/bin/env python3
"""Run the Python reference optimizers on optiscope's default bench suite.

The same suite as `optiscope bench`: its 14 classic functions
(`LandscapeCatalog.classic`), 20 seeds, 2000 evaluations per run, success when
best - f* <= 1e-4 * max(1, |f*|). Domains and f* come from
`optiscope list landscapes --format json`, so both sides use one catalog.

References (install them in a throwaway virtual environment, outside the
repository):

    python3 -m venv /tmp/refenv
    /tmp/refenv/bin/pip install pyswarms cma scipy nevergrad
    /tmp/refenv/bin/python scripts/reference_bench.py --optiscope .build/release/optiscope

Prints a Markdown table per function (and JSON with --json).
"""
import argparse
import json
import math
import subprocess
import sys
import time
import warnings

import numpy as np

warnings.filterwarnings("ignore")


def functions():
    """The 14 classic functions, vectorised over rows of X (shape (m, 2))."""
    pi = math.pi

    def sphere(X):
        return np.sum(X**2, axis=1)

    def rosenbrock(X):
        x, y = X[:, 0], X[:, 1]
        return (1 - x) ** 2 + 100 * (y - x**2) ** 2

    def rastrigin(X):
        return 10 * X.shape[1] + np.sum(X**2 - 10 * np.cos(2 * pi * X), axis=1)

    def ackley(X):
        x, y = X[:, 0], X[:, 1]
        return (-20 * np.exp(-0.2 * np.sqrt(0.5 * (x**2 + y**2)))
                - np.exp(0.5 * (np.cos(2 * pi * x) + np.cos(2 * pi * y))) + math.e + 20)

    def himmelblau(X):
        x, y = X[:, 0], X[:, 1]
        return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2

    def beale(X):
        x, y = X[:, 0], X[:, 1]
        return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2

    def booth(X):
        x, y = X[:, 0], X[:, 1]
        return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2

    def goldstein_price(X):
        x, y = X[:, 0], X[:, 1]
        a = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x**2 - 14 * y + 6 * x * y + 3 * y**2)
        b = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x**2 + 48 * y - 36 * x * y + 27 * y**2)
        return a * b

    def styblinski_tang(X):
        return 0.5 * np.sum(X**4 - 16 * X**2 + 5 * X, axis=1)

    def eggholder(X):
        x, y = X[:, 0], X[:, 1]
        return (-(y + 47) * np.sin(np.sqrt(np.abs(x / 2 + y + 47)))
                - x * np.sin(np.sqrt(np.abs(x - (y + 47)))))

    def levi13(X):
        x, y = X[:, 0], X[:, 1]
        return (np.sin(3 * pi * x) ** 2 + (x - 1) ** 2 * (1 + np.sin(3 * pi * y) ** 2)
                + (y - 1) ** 2 * (1 + np.sin(2 * pi * y) ** 2))

    def three_hump_camel(X):
        x, y = X[:, 0], X[:, 1]
        return 2 * x**2 - 1.05 * x**4 + x**6 / 6 + x * y + y**2

    def matyas(X):
        x, y = X[:, 0], X[:, 1]
        return 0.26 * (x**2 + y**2) - 0.48 * x * y

    def easom(X):
        x, y = X[:, 0], X[:, 1]
        return -np.cos(x) * np.cos(y) * np.exp(-((x - pi) ** 2 + (y - pi) ** 2))

    return {
        "sphere": sphere, "rosenbrock": rosenbrock, "rastrigin": rastrigin, "ackley": ackley,
        "himmelblau": himmelblau, "beale": beale, "booth": booth, "goldstein-price": goldstein_price,
        "styblinski-tang": styblinski_tang, "eggholder": eggholder, "levi13": levi13,
        "three-hump-camel": three_hump_camel, "matyas": matyas, "easom": easom,
    }


class Counted:
    """f with an evaluation counter and the best loss seen, stopping at the budget."""

    def __init__(self, f, budget):
        self.f, self.budget, self.count, self.best = f, budget, 0, math.inf

    def batch(self, X):
        X = np.atleast_2d(X)
        values = self.f(X)
        for v in values[: max(0, self.budget - self.count)]:
            self.best = min(self.best, float(v))
        self.count += len(values)
        return values

    def single(self, x):
        return float(self.batch(np.asarray(x, dtype=float))[0])


def run_pyswarms(f, lower, upper, start, seed, budget):
    import pyswarms as ps
    np.random.seed(seed)
    particles = 40
    optimizer = ps.single.GlobalBestPSO(
        n_particles=particles, dimensions=2, options={"w": 0.729, "c1": 1.494, "c2": 1.494},
        bounds=(lower, upper))
    optimizer.optimize(f.batch, iters=budget // particles, verbose=False)


def run_cma(f, lower, upper, start, seed, budget):
    import cma
    sigma = 0.3 * float(np.min(upper - lower))
    options = {"bounds": [list(lower), list(upper)], "maxfevals": budget, "seed": seed,
               "verbose": -9, "tolfun": 0, "tolx": 0, "tolfunhist": 0}
    es = cma.CMAEvolutionStrategy(list(start), sigma, options)
    while not es.stop() and f.count < budget:
        xs = es.ask()
        es.tell(xs, [f.single(x) for x in xs])


def run_dual_annealing(f, lower, upper, start, seed, budget):
    from scipy.optimize import dual_annealing
    dual_annealing(f.single, bounds=list(zip(lower, upper)), x0=start, maxfun=budget,
                   no_local_search=True, seed=seed)


def run_nevergrad(name):
    def run(f, lower, upper, start, seed, budget):
        import nevergrad as ng
        parametrization = ng.p.Array(init=start).set_bounds(lower, upper)
        parametrization.random_state = np.random.RandomState(seed)
        optimizer = ng.optimizers.registry[name](parametrization=parametrization, budget=budget)
        optimizer.minimize(f.single)
    return run


REFERENCES = {
    "pyswarms-gbest": run_pyswarms,
    "cma": run_cma,
    "dual_annealing": run_dual_annealing,
    "nevergrad-NGOpt": run_nevergrad("NGOpt"),
    "nevergrad-TwoPointsDE": run_nevergrad("TwoPointsDE"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--optiscope", default=".build/release/optiscope", help="the optiscope binary")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--evals", type=int, default=2000)
    parser.add_argument("--references", default=",".join(REFERENCES), help="comma-separated")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args()

    catalog = json.loads(subprocess.check_output([args.optiscope, "list", "landscapes", "--format", "json"]))
    by_name = {entry["name"]: entry for entry in catalog}
    results = []
    for name, f in functions().items():
        entry = by_name[name]
        lower = np.array([axis[0] for axis in entry["domain"]], dtype=float)
        upper = np.array([axis[1] for axis in entry["domain"]], dtype=float)
        f_star = entry["f_star"]
        tolerance = 1e-4 * max(1.0, abs(f_star))
        for reference in args.references.split(","):
            gaps, started = [], time.perf_counter()
            for seed in range(1, args.seeds + 1):
                rng = np.random.default_rng(seed)
                start = lower + (upper - lower) * (0.1 + 0.8 * rng.random(2))
                counted = Counted(f, args.evals)
                REFERENCES[reference](counted, lower, upper, start, seed, args.evals)
                gaps.append(counted.best - f_star)
            gaps = np.array(gaps)
            results.append({
                "reference": reference, "landscape": name, "runs": len(gaps),
                "success_rate": float(np.mean(gaps <= tolerance)), "median_gap": float(np.median(gaps)),
                "seconds": time.perf_counter() - started,
            })
            print(f"{name:18} {reference:24} success {results[-1]['success_rate']:5.0%}  "
                  f"median gap {results[-1]['median_gap']:.3g}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name in functions():
        print(f"\n### {name}\n\n| reference | success | median gap |\n|---|---|---|")
        for r in (r for r in results if r["landscape"] == name):
            print(f"| {r['reference']} | {r['success_rate']:.0%} | {r['median_gap']:.3g} |")


if __name__ == "__main__":
    main()
