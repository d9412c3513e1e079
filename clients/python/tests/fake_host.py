"""A fake optiscope: plays the host's side of docs/PROTOCOL.md against one child process.

It answers `evaluate` as optiscope does (points clamped into the box and
rounded onto integer axes, gradients when asked) on a known function,
Rosenbrock by default, and records every line the process wrote.
"""
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "examples")
FIXTURES = os.path.join(HERE, "fixtures")


def example(name):
    return os.path.join(EXAMPLES, name)


def fixture(name):
    return os.path.join(FIXTURES, name)


def rosenbrock(point):
    x, y = point
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def rosenbrock_gradient(point):
    x, y = point
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]


class HostError(AssertionError):
    """The process did not answer as docs/PROTOCOL.md says."""


class FakeHost:
    """One child process, driven message by message; use it as a context manager."""

    TIMEOUT = 60

    def __init__(self, script, *arguments, function=rosenbrock, gradient=rosenbrock_gradient,
                 bounds=((-2, 2), (-1, 3)), kinds=None):
        self.function = function
        self.gradient = gradient
        self.bounds = [list(pair) for pair in bounds]
        self.kinds = list(kinds) if kinds else ["continuous"] * len(self.bounds)
        self.lines = []
        self.evaluations = 0
        self.best = float("inf")
        """The smallest value given so far: the run's best, as optiscope keeps it."""
        self._stderr = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([sys.executable, script] + list(arguments), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self._stderr, text=True)
        self._lines = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._reader.join(self.TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout, self._stderr):
            try:
                stream.close()
            except BrokenPipeError:
                pass

    def _read(self):
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    # -- framing

    def send(self, message):
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def receive(self):
        """The next message; HostError when the process ended or wrote something that is not a message."""
        try:
            line = self._lines.get(timeout=self.TIMEOUT)
        except queue.Empty:
            raise HostError("no answer within %d s; stderr:\n%s" % (self.TIMEOUT, self.stderr))
        if line is None:
            raise HostError("the process ended (status %s); stderr:\n%s" % (self.process.wait(), self.stderr))
        self.lines.append(line)
        try:
            message = json.loads(line)
        except ValueError:
            raise HostError("line %d of its output is not JSON: %r" % (len(self.lines), line[:60]))
        if not isinstance(message, dict) or "type" not in message:
            raise HostError("line %d has no type: %r" % (len(self.lines), line[:60]))
        return message

    def exchange(self, message):
        self.send(message)
        return self.receive()

    @property
    def stderr(self):
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read()

    def wait(self):
        """The process's exit status."""
        return self.process.wait(timeout=self.TIMEOUT)

    # -- an optimizer's session

    def hello(self, seed=7, start=((-1.5, 2),), settings=None, budget=None, gradients="analytic"):
        """Sends the optimizer hello; the process's answer."""
        return self.exchange({
            "type": "hello", "protocol": 1, "role": "optimizer", "dimension": len(self.bounds),
            "bounds": self.bounds, "kinds": self.kinds, "seed": seed, "start": [list(p) for p in start],
            "settings": settings or {}, "budget": None if budget is None else {"evaluations": budget},
            "gradients": gradients})

    def step(self, number):
        """One step: answers every `evaluate`; returns (the `done`, the `evaluate` messages)."""
        message = self.exchange({"type": "step", "step": number})
        asked = []
        while message["type"] == "evaluate":
            asked.append(message)
            message = self.exchange(self.answer(message))
        if message["type"] != "done":
            raise HostError("expected 'evaluate' or 'done' at step %d, got %r" % (number, message))
        return message, asked

    def run(self, steps, first=1):
        """`steps` steps; the list of (done, evaluates)."""
        return [self.step(number) for number in range(first, first + steps)]

    def answer(self, message):
        """The `values` for an `evaluate`, as optiscope gives them."""
        points = [self.place(point) for point in message["points"]]
        self.evaluations += len(points)
        values = [self.function(p) for p in points]
        self.best = min([self.best] + [v for v in values if v is not None])
        answer = {"type": "values", "points": points, "values": values}
        if message.get("gradients"):
            answer["gradients"] = [self.gradient(p) for p in points]
        return answer

    def place(self, point):
        """`point` clamped into the box and rounded onto integer and boolean axes."""
        placed = []
        for x, (low, high), kind in zip(point, self.bounds, self.kinds):
            x = min(max(x, low), high)
            placed.append(float(round(x)) if kind != "continuous" else x)
        return placed

    def end(self):
        """Sends `end`; the exit status."""
        self.send({"type": "end"})
        return self.wait()

