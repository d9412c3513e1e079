"""The examples in clients/python/examples/, each driven by the fake host on Rosenbrock."""
import importlib.util
import os
import sys
import unittest

from fake_host import EXAMPLES, FakeHost, example, rosenbrock, rosenbrock_gradient

sys.path.insert(0, EXAMPLES)
import tiny_model_loss  # noqa: E402

START = (-1.5, 2)


def has(module):
    return importlib.util.find_spec(module) is not None


def session(script, *arguments, steps=20, seed=7, settings=None):
    """Every line the process wrote over a hello and `steps` steps, and the best value it was given."""
    with FakeHost(example(script), *arguments) as host:
        host.hello(seed=seed, settings=settings)
        host.run(steps)
        status = host.end()
        if status != 0:
            raise AssertionError("%s exited with %d; stderr:\n%s" % (script, status, host.stderr))
        return host.lines, host.best


class RandomSearchTests(unittest.TestCase):
    def test_hello_declares_sigma_on_a_log_scale_and_samples_as_an_integer(self):
        with FakeHost(example("random_search.py")) as host:
            answer = host.hello()
            self.assertEqual(answer["name"], "random-search")
            sigma, samples = answer["hyperparameters"]
            self.assertEqual((sigma["name"], sigma["scale"], sigma["range"]), ("sigma", "log", [0.001, 1]))
            self.assertEqual((samples["name"], samples["kind"], samples["default"]), ("samples", "integer", 8))

    def test_it_improves_on_rosenbrock(self):
        _, best = session("random_search.py", steps=40)
        self.assertLess(best, rosenbrock(START) / 100)

    def test_the_same_seed_gives_the_same_session_and_another_seed_another(self):
        first, _ = session("random_search.py", seed=7)
        self.assertEqual(session("random_search.py", seed=7)[0], first)
        self.assertNotEqual(session("random_search.py", seed=8)[0], first)

    def test_reset_with_the_hello_seed_and_start_replays_the_first_steps(self):
        with FakeHost(example("random_search.py")) as host:
            host.hello(seed=7)
            before = host.run(5)
            self.assertEqual(host.exchange({"type": "reset", "start": [list(START)], "seed": 7}), {"type": "ok"})
            self.assertEqual(host.run(5, first=6), before)

    def test_settings_change_the_batch_and_its_spread(self):
        with FakeHost(example("random_search.py")) as host:
            host.hello(settings={"samples": 3})
            done, asked = host.step(1)
            self.assertEqual([len(message["points"]) for message in asked], [3])
            self.assertEqual(done["roles"], ["candidate"] * 3 + ["best"])
            self.assertEqual(host.exchange({"type": "set", "name": "sigma", "value": 0.001}), {"type": "ok"})
            best = done["particles"][-1]
            _, asked = host.step(2)
            for point in asked[0]["points"]:
                self.assertLess(max(abs(a - b) for a, b in zip(point, best)), 0.03)


    def test_its_samples_land_on_integer_axes(self):
        with FakeHost(example("random_search.py"), kinds=["integer", "continuous"]) as host:
            host.hello(start=[(-1, 2)])
            _, asked = host.step(1)
            self.assertTrue(all(point[0] == round(point[0]) for point in asked[0]["points"]))
            self.assertTrue(any(point[1] != round(point[1]) for point in asked[0]["points"]))


class TorchStyleTests(unittest.TestCase):
    def test_each_step_is_one_closure_call_with_gradients(self):
        with FakeHost(example("torch_style.py")) as host:
            self.assertEqual(host.hello()["name"], "torch-style adam")
            for done, asked in host.run(5):
                self.assertEqual(len(asked), 1)
                self.assertTrue(asked[0]["gradients"])
                self.assertEqual(len(done["particles"]), 1)
                self.assertEqual(done["overlays"][0]["role"], "step")

    def test_adams_first_step_moves_each_axis_by_lr_against_the_gradient(self):
        with FakeHost(example("torch_style.py")) as host:
            host.hello(settings={"lr": 0.01})
            done, _ = host.step(1)
            expected = [x - 0.01 * g / (abs(g) + 1e-8) for x, g in zip(START, rosenbrock_gradient(START))]
            for got, want in zip(done["particles"][0], expected):
                self.assertAlmostEqual(got, want, places=12)
            self.assertEqual(done["readouts"]["loss"], rosenbrock(START))

    def test_sgds_first_step_is_lr_times_the_gradient(self):
        with FakeHost(example("torch_style.py"), "--optimizer", "sgd") as host:
            host.hello()
            done, _ = host.step(1)
            expected = [x - 0.0005 * g for x, g in zip(START, rosenbrock_gradient(START))]
            for got, want in zip(done["particles"][0], expected):
                self.assertAlmostEqual(got, want, places=12)

    def test_a_set_reaches_the_optimizers_param_groups(self):
        with FakeHost(example("torch_style.py")) as host:
            host.hello()
            self.assertEqual(host.exchange({"type": "set", "name": "lr", "value": 0.001}), {"type": "ok"})
            done, _ = host.step(1)
            self.assertAlmostEqual(abs(done["particles"][0][0] - START[0]), 0.001, places=9)

    def test_adam_and_sgd_improve_on_rosenbrock(self):
        for arguments in ([], ["--optimizer", "sgd"]):
            _, best = session("torch_style.py", *arguments, steps=100)
            self.assertLess(best, rosenbrock(START) / 2, arguments)


class TinyModelLossTests(unittest.TestCase):
    def hello(self, host, dimension=None, role="function"):
        return host.exchange({"type": "hello", "protocol": 1, "role": role, "dimension": dimension})

    def test_hello_declares_the_box_the_gradient_and_the_minimum(self):
        with FakeHost(example("tiny_model_loss.py")) as host:
            answer = self.hello(host, dimension=2)
            self.assertEqual(answer["name"], "tiny-model loss")
            self.assertEqual((answer["dimension"], answer["bounds"]), (2, [[-4, 4], [-4, 4]]))
            self.assertTrue(answer["gradient"])
            self.assertEqual(answer["axes"], ["w1", "w2"])
            value, at = answer["minimum"]["value"], answer["minimum"]["at"][0]
            self.assertEqual(value, tiny_model_loss.loss(*at))
            for component in tiny_model_loss.gradient(*at):
                self.assertLess(abs(component), 1e-12)
            self.assertEqual(host.end(), 0)

    def test_it_answers_a_batch_of_a_thousand_points(self):
        points = [[-4 + 8 * (i % 40) / 39, -4 + 8 * (i // 40) / 24] for i in range(1000)]
        with FakeHost(example("tiny_model_loss.py")) as host:
            self.hello(host)
            answer = host.exchange({"type": "evaluate", "points": points, "gradients": False})
            self.assertEqual(answer["type"], "values")
            self.assertEqual(answer["values"], [tiny_model_loss.loss(*p) for p in points])
            self.assertNotIn("gradients", answer)

    def test_its_gradients_match_central_differences(self):
        points = [[0.3, -0.7], [2.5, 1.0], [-3.0, 3.5]]
        with FakeHost(example("tiny_model_loss.py")) as host:
            self.hello(host)
            answer = host.exchange({"type": "evaluate", "points": points, "gradients": True})
        h = 1e-6
        for point, vector in zip(points, answer["gradients"]):
            for axis in range(2):
                up, down = list(point), list(point)
                up[axis] += h
                down[axis] -= h
                difference = (tiny_model_loss.loss(*up) - tiny_model_loss.loss(*down)) / (2 * h)
                self.assertAlmostEqual(vector[axis], difference, places=6)

    def test_another_dimension_is_an_error_that_says_both(self):
        with FakeHost(example("tiny_model_loss.py")) as host:
            answer = self.hello(host, dimension=10)
            self.assertEqual(answer["type"], "error")
            self.assertIn("tiny-model loss has 2 dimensions; optiscope asked for 10 (--dim)", answer["message"])
            self.assertEqual(host.wait(), 1)

    def test_started_as_an_optimizer_it_says_it_is_a_function(self):
        with FakeHost(example("tiny_model_loss.py")) as host:
            answer = host.hello()
            self.assertEqual(answer["type"], "error")
            self.assertIn("started this process as an 'optimizer'", answer["message"])
            self.assertIn("serves a function", answer["message"])


@unittest.skipUnless(has("cma"), "the cma package is not installed (scripts/test-clients installs it)")
class CMAAdapterTests(unittest.TestCase):
    def test_it_improves_on_rosenbrock_and_is_deterministic_for_its_seed(self):
        lines, best = session("cma_adapter.py", steps=30)
        self.assertLess(best, rosenbrock(START) / 2)
        self.assertEqual(session("cma_adapter.py", steps=30)[0], lines)
        self.assertNotEqual(session("cma_adapter.py", steps=30, seed=8)[0], lines)

    def test_one_batch_per_step_of_the_population_size(self):
        with FakeHost(example("cma_adapter.py")) as host:
            self.assertEqual(host.hello(settings={"popsize": 10})["name"], "pycma")
            done, asked = host.step(1)
            self.assertEqual([len(message["points"]) for message in asked], [10])
            self.assertEqual(len(done["particles"]), 10)
            self.assertEqual(done["overlays"][0]["role"], "mean")
            self.assertEqual(host.exchange({"type": "set", "name": "popsize", "value": 6}), {"type": "ok"})
            _, asked = host.step(2)
            self.assertEqual(len(asked[0]["points"]), 6)


@unittest.skipUnless(has("nevergrad"), "the nevergrad package is not installed (scripts/test-clients installs it)")
class NevergradAdapterTests(unittest.TestCase):
    def test_it_improves_on_rosenbrock_and_is_deterministic_for_its_seed(self):
        lines, best = session("nevergrad_adapter.py", steps=30)
        self.assertLess(best, rosenbrock(START) / 10)
        self.assertEqual(session("nevergrad_adapter.py", steps=30)[0], lines)
        self.assertNotEqual(session("nevergrad_adapter.py", steps=30, seed=8)[0], lines)

    def test_the_optimizer_is_chosen_by_name_and_asks_workers_candidates(self):
        with FakeHost(example("nevergrad_adapter.py"), "--optimizer", "OnePlusOne") as host:
            self.assertEqual(host.hello(settings={"workers": 5})["name"], "nevergrad OnePlusOne")
            done, asked = host.step(1)
            self.assertEqual([len(message["points"]) for message in asked], [5])
            self.assertEqual(done["roles"], ["candidate"] * 5 + ["best"])


if __name__ == "__main__":
    unittest.main()
