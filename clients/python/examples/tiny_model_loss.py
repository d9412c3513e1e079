"""A tiny model's loss as optiscope's landscape: logistic regression over its two weights.

    optiscope play --landscape-command "python3 clients/python/examples/tiny_model_loss.py" -o adam

The data are 100 labelled points in the plane drawn from random.Random(14)
(labels from the line 1.5*a - b = 0, one in ten flipped), so the loss is
the same every time:

    L(w) = mean_i log(1 + exp(-s_i * (w1*a_i + w2*b_i))) + (lambda/2) |w|^2,   s_i = +-1

with lambda = 0.01. Its gradient is mean_i -s_i * sigma(-s_i z_i) * (a_i, b_i) + lambda*w.
L is strictly convex, so its one minimum is found at start-up by Newton's
method and declared as f*.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from optiscope_client import serve_function  # noqa: E402

LAMBDA = 0.01


def dataset(count=100, seed=14):
    """(a, b, s) triples: points from N(0, 1)^2, s = sign(1.5a - b), one in ten flipped."""
    rng = random.Random(seed)
    data = []
    for _ in range(count):
        a, b = rng.gauss(0, 1), rng.gauss(0, 1)
        s = 1.0 if 1.5 * a - b > 0 else -1.0
        data.append((a, b, -s if rng.random() < 0.1 else s))
    return data


DATA = dataset()


def softplus(x):
    """log(1 + e^x) without overflow."""
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def sigmoid(x):
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def loss(w1, w2):
    total = sum(softplus(-s * (w1 * a + w2 * b)) for a, b, s in DATA)
    return total / len(DATA) + LAMBDA / 2 * (w1 * w1 + w2 * w2)


def gradient(w1, w2):
    g1 = g2 = 0.0
    for a, b, s in DATA:
        weight = -s * sigmoid(-s * (w1 * a + w2 * b))
        g1 += weight * a
        g2 += weight * b
    return [g1 / len(DATA) + LAMBDA * w1, g2 / len(DATA) + LAMBDA * w2]


def minimum(iterations=30):
    """Newton's method from 0: w <- w - H^-1 g, H = mean_i sigma(z_i)(1 - sigma(z_i)) x_i x_i^T + lambda*I."""
    w1 = w2 = 0.0
    for _ in range(iterations):
        h11 = h12 = h22 = 0.0
        for a, b, _s in DATA:
            p = sigmoid(w1 * a + w2 * b)
            c = p * (1 - p) / len(DATA)
            h11, h12, h22 = h11 + c * a * a, h12 + c * a * b, h22 + c * b * b
        h11, h22 = h11 + LAMBDA, h22 + LAMBDA
        g1, g2 = gradient(w1, w2)
        det = h11 * h22 - h12 * h12
        w1, w2 = w1 - (h22 * g1 - h12 * g2) / det, w2 - (h11 * g2 - h12 * g1) / det
    return loss(w1, w2), [w1, w2]


if __name__ == "__main__":
    f_star, at = minimum()
    serve_function(lambda points: [loss(*p) for p in points], "tiny-model loss", 2, [(-4, 4), (-4, 4)],
                   gradient=lambda points: [gradient(*p) for p in points],
                   minimum=(f_star, [at]), axes=["w1", "w2"])
