"""Speak optiscope's external protocol (docs/PROTOCOL.md) from Python.

One stdlib-only module (Python 3.9+). Two ways to write an optimizer:

* ask/tell: subclass `AskTellOptimizer`; on every step the client calls
  `ask()`, sends the points as one `evaluate` batch, and calls
  `tell(points, values)` with the points optiscope evaluated;
* closure: subclass `StepOptimizer`; `step(evaluate)` may call
  `evaluate(points)` any number of times and returns the particles.

Then call `serve(MyOptimizer())`. A function (a loss of your own) is served
with `serve_function(fn, name, dimension, bounds)`.

Numbers that are not finite (NaN, +-inf) are sent as JSON `null`, and a
`null` optiscope sends (a loss that was not a finite number) arrives as
`float("nan")`. While `serve` runs, `print` writes to stderr, which
optiscope keeps and shows when the process fails: standard output belongs
to the protocol.
"""

import abc
import io
import json
import math
import os
import re
import sys
import traceback

PROTOCOL = 1
"""The version of docs/PROTOCOL.md this module speaks."""

_NAME = re.compile(r"^[A-Za-z0-9_]+$")


class ProtocolError(Exception):
    """optiscope (or a test playing it) sent something docs/PROTOCOL.md does not allow."""


class _End(Exception):
    """optiscope sent `end` or closed our standard input: stop quietly."""


class Hyperparameter:
    """One hyperparameter, declared in the handshake and shown in optiscope's panel.

    `scale` is "linear" or "log" (a log scale needs 0 < low); `kind` is
    "real", "integer" or "boolean"; `symbol` is what the panel prints
    (the name by default); `help` is one line.
    """

    def __init__(self, name, default, low, high, scale="linear", kind="real", help="", symbol=None):
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError("hyperparameter name %r: use letters, digits and _ only" % (name,))
        if not low <= default <= high:
            raise ValueError("hyperparameter %s: default %r is outside [%r, %r]" % (name, default, low, high))
        if scale not in ("linear", "log"):
            raise ValueError("hyperparameter %s: scale %r is not 'linear' or 'log'" % (name, scale))
        if scale == "log" and not low > 0:
            raise ValueError("hyperparameter %s: a log scale needs a positive range, got low %r" % (name, low))
        if kind not in ("real", "integer", "boolean"):
            raise ValueError("hyperparameter %s: kind %r is not 'real', 'integer' or 'boolean'" % (name, kind))
        self.name = name
        self.default = default
        self.low = low
        self.high = high
        self.scale = scale
        self.kind = kind
        self.help = help
        self.symbol = symbol

    def value(self, number):
        """`number` as this hyperparameter holds it: an int for integer and boolean kinds."""
        return float(number) if self.kind == "real" else int(round(number))

    def to_json(self):
        entry = {"name": self.name, "default": self.default, "range": [self.low, self.high],
                 "scale": self.scale, "kind": self.kind}
        if self.help:
            entry["help"] = self.help
        if self.symbol is not None:
            entry["symbol"] = self.symbol
        return entry


class Problem:
    """What optiscope's hello says about the run.

    `dimension`; `bounds`, a list of (low, high) per axis; `kinds`, each
    axis's "continuous", "integer" or "boolean"; `seed`, an int for your
    own `random.Random(seed)`; `start`, the particles to start from (a
    list of points); `settings`, name -> value of the hyperparameters set
    with --set or recorded in the scene; `budget`, the evaluation budget
    (an int) or None; `gradients`, "analytic" or "differences": what
    `evaluate(points, gradients=True)` gives.
    """

    def __init__(self, dimension, bounds, kinds=None, seed=0, start=None, settings=None, budget=None,
                 gradients="differences"):
        self.dimension = dimension
        self.bounds = [(float(low), float(high)) for low, high in bounds]
        self.kinds = list(kinds) if kinds is not None else ["continuous"] * dimension
        self.seed = seed
        self.start = [list(point) for point in start] if start else [self.centre]
        self.settings = dict(settings or {})
        self.budget = budget
        self.gradients = gradients

    @classmethod
    def from_hello(cls, message):
        """The problem an optimizer's hello describes; ProtocolError names a field at fault."""
        dimension = _field(message, "dimension", int)
        if dimension < 1:
            raise ProtocolError("'hello': 'dimension' is %d; it must be at least 1" % dimension)
        bounds = _field(message, "bounds", list)
        if len(bounds) != dimension:
            raise ProtocolError("'hello': 'bounds' has %d entries for %d axes" % (len(bounds), dimension))
        for axis, pair in enumerate(bounds):
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_number(x) for x in pair)):
                raise ProtocolError("'hello': 'bounds'[%d] should be [low, high], got %r" % (axis, pair))
        kinds = message.get("kinds") or ["continuous"] * dimension
        if len(kinds) != dimension:
            raise ProtocolError("'hello': 'kinds' has %d entries for %d axes" % (len(kinds), dimension))
        start = _field(message, "start", list)
        for index, point in enumerate(start):
            _check_point(point, dimension, "'hello': 'start'[%d]" % index, ProtocolError)
        budget = message.get("budget")
        evaluations = None
        if budget is not None:
            evaluations = int(_field(budget, "evaluations", int, "'hello' 'budget'"))
        return cls(dimension, bounds, kinds, seed=_field(message, "seed", int), start=start,
                   settings=message.get("settings") or {}, budget=evaluations,
                   gradients=message.get("gradients", "differences"))

    @property
    def width(self):
        """The box's smallest side: the unit that hyperparameters "in units of the box" scale by."""
        return min(high - low for low, high in self.bounds)

    @property
    def centre(self):
        return [(low + high) / 2 for low, high in self.bounds]

    def clip(self, point):
        """`point` clamped into the box and rounded onto integer and boolean axes, as optiscope
        does before it evaluates a point."""
        clipped = []
        for x, (low, high), kind in zip(point, self.bounds, self.kinds):
            x = min(max(float(x), low), high)
            if kind in ("integer", "boolean"):
                x = float(min(max(round(x), math.ceil(low)), math.floor(high)))
            clipped.append(x)
        return clipped


class StepResult:
    """What a step ends with: `particles` (required, at least one point) and, optionally,
    `losses` (one per particle, None for unknown), `roles` (one label per particle),
    `readouts` (name -> number) and `overlays` (dicts {"role", "from", "to"} or
    {"role", "at"}; docs/PROTOCOL.md lists the roles)."""

    def __init__(self, particles, losses=None, roles=None, readouts=None, overlays=None):
        self.particles = particles
        self.losses = losses
        self.roles = roles
        self.readouts = readouts
        self.overlays = overlays


class _Optimizer(abc.ABC):
    """What both styles share: a name, hyperparameters, settings and the live-change hooks."""

    name = "python-optimizer"
    """What optiscope calls the optimizer (at most 40 characters)."""
    hyperparameters = []
    """A list of `Hyperparameter`."""

    def __init__(self):
        self.settings = {}
        """name -> current value of every hyperparameter, kept up to date by `serve`."""
        self.problem = None

    def start(self, problem):
        """Called after the hello with the `Problem`; `self.settings` is filled already."""

    def set(self, name, value):
        """A hyperparameter changed (`self.settings[name]` holds it already). Return None to take
        it, or a message saying why not (optiscope shows it and undoes the change)."""
        return None

    def reset(self, start, seed):
        """Start again from the points `start` with fresh state and `seed`: by default, `start`
        again with the problem updated."""
        self.problem.start = start
        self.problem.seed = seed
        self.start(self.problem)

    def readouts(self):
        """name -> number, shown in optiscope's panel after each step; None for none."""
        return None

    def overlays(self):
        """Overlays to draw after each step (see `StepResult`); None for none."""
        return None


class AskTellOptimizer(_Optimizer):
    """An ask/tell optimizer: each step is one `ask()`, one batch of evaluations, one `tell`.

    Override `ask() -> list of points`, `tell(points, values)` (the points as
    evaluated: clamped into the box and rounded onto its integer axes) and
    `particles()`, which returns the points the map draws (or a `StepResult`).
    """

    @abc.abstractmethod
    def ask(self):
        """The points to evaluate in this step (one batch)."""

    @abc.abstractmethod
    def tell(self, points, values):
        """The points as evaluated and their values (NaN for one that was not finite)."""

    @abc.abstractmethod
    def particles(self):
        """What the map draws for this run after the step: a list of points or a `StepResult`."""

    def _step(self, evaluate):
        points, values = evaluate.points_and_values(self.ask())
        self.tell(points, values)
        return self.particles()


class StepOptimizer(_Optimizer):
    """A closure-style optimizer: override `step(evaluate)`.

    `evaluate(points)` returns one value per point; `evaluate(points,
    gradients=True)` returns `(values, gradients)`. Call it as often as the
    step needs; `evaluate.points` holds the points last evaluated (clamped
    and rounded). Return the particles (a list of points) or a `StepResult`.
    """

    @abc.abstractmethod
    def step(self, evaluate):
        """One iteration: evaluate as often as needed, return the particles or a `StepResult`."""

    def _step(self, evaluate):
        return self.step(evaluate)


class _Evaluate:
    """The `evaluate` callable handed to a step: one `evaluate`/`values` exchange per call."""

    def __init__(self, channel, problem):
        self._channel = channel
        self._problem = problem
        self.points = []

    def __call__(self, points, gradients=False):
        points, values, vectors = self._exchange(points, gradients)
        return (values, vectors) if gradients else values

    def points_and_values(self, points):
        points, values, _ = self._exchange(points, False)
        return points, values

    def _exchange(self, points, gradients):
        points = _plain(points)
        if not isinstance(points, list) or not points:
            raise ValueError("evaluate needs a non-empty list of points, got %r" % (points,))
        for index, point in enumerate(points):
            _check_point(point, self._problem.dimension, "evaluate: points[%d]" % index, ValueError)
        answer = self._channel.exchange({"type": "evaluate", "points": points, "gradients": bool(gradients)})
        if answer.get("type") != "values":
            raise ProtocolError("expected 'values' after 'evaluate', got %r" % (answer.get("type"),))
        values = _numbers(_field(answer, "values", list, "'values'"), len(points), "'values': 'values'")
        evaluated = answer.get("points", points)
        vectors = None
        if gradients:
            vectors = _field(answer, "gradients", list, "'values'")
            if len(vectors) != len(points):
                raise ProtocolError("'values': 'gradients' has %d entries for %d points" % (len(vectors), len(points)))
            vectors = [_numbers(v, self._problem.dimension, "'values': 'gradients'[%d]" % i) for i, v in enumerate(vectors)]
        self.points = evaluated
        return evaluated, values, vectors


class _Channel:
    """JSON lines on the real standard input and output."""

    def __init__(self, reader, writer):
        self._reader = reader
        self._writer = writer

    def send(self, message):
        self._writer.write(json.dumps(_plain(message), allow_nan=False, separators=(",", ":")) + "\n")
        self._writer.flush()

    def receive(self):
        line = self._reader.readline()
        if not line:
            raise _End()
        try:
            message = json.loads(line)
        except ValueError:
            raise ProtocolError("a line from optiscope is not JSON: %r" % line[:60])
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            raise ProtocolError("a line from optiscope has no \"type\": %r" % line[:60])
        if message["type"] == "end":
            raise _End()
        return message

    def exchange(self, message):
        self.send(message)
        return self.receive()


def serve(optimizer):
    """Run `optimizer` (an `AskTellOptimizer` or a `StepOptimizer`) on standard input and output
    until optiscope sends `end` or closes the input; then exit with status 0.

    An exception in the optimizer's code is sent as
    `{"type": "error", "message": "<ExcType>: msg (file:line)"}`, its traceback
    goes to stderr, and the process exits with status 1.
    """

    def run(channel):
        message = channel.receive()
        _expect_hello(message, "optimizer")
        problem = Problem.from_hello(message)
        declared = {h.name: h for h in optimizer.hyperparameters}
        optimizer.settings = {h.name: h.value(h.default) for h in optimizer.hyperparameters}
        for name, value in problem.settings.items():
            if name not in declared:
                raise ProtocolError("the hello sets %r, which %s does not have (it has: %s)"
                                    % (name, optimizer.name, ", ".join(declared) or "none"))
            optimizer.settings[name] = declared[name].value(value)
        optimizer.problem = problem
        optimizer.start(problem)
        channel.send({"type": "hello", "name": optimizer.name,
                      "hyperparameters": [h.to_json() for h in optimizer.hyperparameters]})
        while True:
            message = channel.receive()
            kind = message["type"]
            if kind == "step":
                channel.send(_done(optimizer, optimizer._step(_Evaluate(channel, problem)), problem))
            elif kind == "set":
                name = _field(message, "name", str, "'set'")
                if name not in declared:
                    raise ProtocolError("'set' names %r, which %s does not have" % (name, optimizer.name))
                previous = optimizer.settings[name]
                optimizer.settings[name] = declared[name].value(_field(message, "value", float, "'set'"))
                refusal = optimizer.set(name, optimizer.settings[name])
                if refusal is None:
                    channel.send({"type": "ok"})
                else:
                    optimizer.settings[name] = previous
                    channel.send({"type": "refused", "message": str(refusal)})
            elif kind == "reset":
                start = _field(message, "start", list, "'reset'")
                for index, point in enumerate(start):
                    _check_point(point, problem.dimension, "'reset': 'start'[%d]" % index, ProtocolError)
                refusal = optimizer.reset(start, _field(message, "seed", int, "'reset'"))
                channel.send({"type": "ok"} if refusal is None else {"type": "refused", "message": str(refusal)})
            else:
                raise ProtocolError("expected 'step', 'set', 'reset' or 'end', got %r" % kind)

    _serve(run)


def serve_function(fn, name, dimension, bounds, gradient=None, minimum=None, axes=None):
    """Serve a function for `--landscape-command`.

    `fn(points)` returns one value per point (a batch: optiscope samples
    its heat map thousands of points at a time); `gradient(points)`, when
    given, returns one gradient vector per point. `bounds` is a list of
    (low, high) per axis; `minimum` is (f*, [points where it is reached])
    when known; `axes` names the axes for the screen.
    """
    if len(bounds) != dimension:
        raise ValueError("serve_function: %d bounds for %d dimensions" % (len(bounds), dimension))
    hello = {"type": "hello", "name": name, "dimension": dimension,
             "bounds": [[low, high] for low, high in bounds], "gradient": gradient is not None}
    if minimum is not None:
        value, at = minimum
        hello["minimum"] = {"value": value, "at": [list(point) for point in at]}
    if axes is not None:
        hello["axes"] = list(axes)

    def run(channel):
        message = channel.receive()
        _expect_hello(message, "function")
        asked = message.get("dimension")
        if asked is not None and asked != dimension:
            raise ProtocolError("%s has %d dimensions; optiscope asked for %s (--dim)" % (name, dimension, asked))
        channel.send(hello)
        while True:
            message = channel.receive()
            if message["type"] != "evaluate":
                raise ProtocolError("expected 'evaluate' or 'end', got %r" % message["type"])
            points = _field(message, "points", list, "'evaluate'")
            for index, point in enumerate(points):
                _check_point(point, dimension, "'evaluate': 'points'[%d]" % index, ProtocolError)
            values = _plain(fn(points))
            if len(values) != len(points):
                raise ValueError("%s returned %d values for %d points" % (name, len(values), len(points)))
            answer = {"type": "values", "values": values}
            if message.get("gradients"):
                if gradient is None:
                    raise ProtocolError("optiscope asked for gradients, but %s declared none" % name)
                vectors = _plain(gradient(points))
                if len(vectors) != len(points):
                    raise ValueError("%s's gradient returned %d vectors for %d points" % (name, len(vectors), len(points)))
                answer["gradients"] = vectors
            channel.send(answer)

    _serve(run)


def _serve(run):
    """Runs `run(channel)` with `print` sent to stderr; ends the process: 0 on `end` or end of
    input, 1 (after an `error` message) on an exception. `os._exit` ends it even when a library
    left threads running, which would otherwise keep it alive."""
    protocol_out = sys.stdout
    sys.stdout = sys.stderr
    # The protocol is UTF-8 whatever the locale says.
    channel = _Channel(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"), protocol_out)
    status = 0
    try:
        run(channel)
    except _End:
        pass
    except Exception as error:
        status = 1
        traceback.print_exc(file=sys.stderr)
        try:
            channel.send({"type": "error", "message": _describe(error)})
        except (OSError, ValueError):
            pass
    finally:
        for stream in (protocol_out, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
    os._exit(status)


def _describe(error):
    """"ExcType: message (file:line)": the innermost frame outside this module (the user's code,
    or a library it called), or this module's own for a ProtocolError."""
    here = os.path.abspath(__file__)
    frames = traceback.extract_tb(error.__traceback__)
    if not isinstance(error, ProtocolError):
        frames = [frame for frame in frames if os.path.abspath(frame.filename) != here] or frames
    text = "%s: %s" % (type(error).__name__, error)
    if not frames:
        return text
    return "%s (%s:%d)" % (text, os.path.basename(frames[-1].filename), frames[-1].lineno)


def _expect_hello(message, role):
    if message["type"] != "hello":
        raise ProtocolError("expected 'hello' first, got %r" % message["type"])
    if message.get("protocol") != PROTOCOL:
        raise ProtocolError("optiscope speaks protocol %r; this client speaks %d" % (message.get("protocol"), PROTOCOL))
    if message.get("role") != role:
        serving = "serve_function" if role == "function" else "serve"
        raise ProtocolError("optiscope started this process as %s %r, but it runs %s, which serves %s %s"
                            % (_article(message.get("role")), message.get("role"), serving, _article(role), role))


def _article(word):
    return "an" if str(word)[:1] in "aeiou" else "a"


def _done(optimizer, result, problem):
    """The `done` message for a step's result, checked here so that a mistake names the user's step."""
    if not isinstance(result, StepResult):
        result = StepResult(result)
    particles = _plain(result.particles)
    if not isinstance(particles, list) or not particles:
        raise ValueError("a step must end with at least one particle, got %r" % (particles,))
    for index, point in enumerate(particles):
        _check_point(point, problem.dimension, "particles[%d]" % index, ValueError)
    message = {"type": "done", "particles": particles}
    for field, value in (("losses", result.losses), ("roles", result.roles)):
        if value is not None:
            value = _plain(value)
            if len(value) != len(particles):
                raise ValueError("%s has %d entries for %d particles" % (field, len(value), len(particles)))
            message[field] = value
    readouts = result.readouts if result.readouts is not None else optimizer.readouts()
    # A readout is a number: one that is not finite (a NaN loss) is left out rather than sent as null.
    readouts = {name: value for name, value in _plain(readouts or {}).items() if _is_number(value)}
    if readouts:
        message["readouts"] = readouts
    overlays = result.overlays if result.overlays is not None else optimizer.overlays()
    if overlays:
        message["overlays"] = overlays
    return message


def _plain(value):
    """`value` as JSON can hold it: numpy arrays and scalars (anything with `tolist`) become
    lists and numbers, tuples become lists, and numbers that are not finite become None."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_point(point, dimension, place, error):
    if not isinstance(point, list) or len(point) != dimension:
        count = len(point) if isinstance(point, list) else "not a list of"
        raise error("%s has %s numbers; the problem has %d axes" % (place, count, dimension))
    for axis, x in enumerate(point):
        if x is None:
            raise error("%s[%d] is not a finite number" % (place, axis))
        if not _is_number(x):
            raise error("%s[%d] should be a number, got %r" % (place, axis, x))


def _numbers(items, count, place):
    """`count` numbers, `null` read as NaN."""
    if not isinstance(items, list) or len(items) != count:
        raise ProtocolError("%s has %s entries for %d" % (place, len(items) if isinstance(items, list) else "no", count))
    numbers = []
    for index, item in enumerate(items):
        if item is None:
            numbers.append(float("nan"))
        elif _is_number(item):
            numbers.append(float(item))
        else:
            raise ProtocolError("%s[%d] should be a number or null, got %r" % (place, index, item))
    return numbers


def _field(message, name, kind, where=None):
    """`message[name]` as `kind` (int, float, str or list); ProtocolError when missing or wrong."""
    where = where or "'%s'" % message.get("type", "?")
    if name not in message or message[name] is None:
        raise ProtocolError("%s has no %r" % (where, name))
    value = message[name]
    if kind is int:
        if _is_number(value) and float(value).is_integer():
            return int(value)
    elif kind is float:
        if _is_number(value):
            return float(value)
    elif isinstance(value, kind):
        return value
    raise ProtocolError("%s: %r should be %s, got %r" % (where, name, _KIND_NAMES[kind], value))


_KIND_NAMES = {int: "a whole number", float: "a number", str: "a string", list: "an array"}
