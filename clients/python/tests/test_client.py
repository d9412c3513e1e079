"""optiscope_client's side of docs/PROTOCOL.md, through small optimizers in fixtures/."""
import os
import sys
import unittest

from fake_host import FakeHost, fixture, rosenbrock

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from optiscope_client import AskTellOptimizer, Hyperparameter, Problem, ProtocolError  # noqa: E402

HELLO = {"type": "hello", "protocol": 1, "role": "optimizer", "dimension": 2, "bounds": [[-2, 2], [0, 5]],
         "kinds": ["continuous", "integer"], "seed": 8418213690233437563, "start": [[-1.5, 2]],
         "settings": {}, "budget": {"evaluations": 300}, "gradients": "differences"}


class ProblemTests(unittest.TestCase):
    def test_the_hello_gives_every_field_and_the_seed_as_an_int(self):
        problem = Problem.from_hello(dict(HELLO, seed=7.559533726089998e15))
        self.assertEqual(problem.seed, 7559533726089998)
        self.assertIsInstance(problem.seed, int)
        self.assertEqual((problem.dimension, problem.bounds), (2, [(-2, 2), (0, 5)]))
        self.assertEqual((problem.budget, problem.gradients, problem.start), (300, "differences", [[-1.5, 2]]))
        self.assertEqual(problem.width, 4)

    def test_clip_clamps_into_the_box_and_rounds_integer_axes(self):
        problem = Problem.from_hello(HELLO)
        self.assertEqual(problem.clip([-3.5, 2.6]), [-2, 3])
        self.assertEqual(problem.clip([1.25, 9]), [1.25, 5])

    def test_a_wrong_field_is_named_with_what_it_should_be(self):
        with self.assertRaisesRegex(ProtocolError, "'hello': 'seed' should be a whole number, got 'x'"):
            Problem.from_hello(dict(HELLO, seed="x"))
        with self.assertRaisesRegex(ProtocolError, r"'hello': 'start'\[0\] has 3 numbers; the problem has 2 axes"):
            Problem.from_hello(dict(HELLO, start=[[1, 2, 3]]))

    def test_a_hyperparameter_that_optiscope_would_refuse_is_refused_when_declared(self):
        with self.assertRaisesRegex(ValueError, "a log scale needs a positive range"):
            Hyperparameter("sigma", 0.1, 0, 1, scale="log")
        with self.assertRaisesRegex(ValueError, "default 2 is outside"):
            Hyperparameter("sigma", 2, 0, 1)
        with self.assertRaisesRegex(ValueError, "letters, digits and _ only"):
            Hyperparameter("learning rate", 0.1, 0, 1)

    def test_an_ask_tell_optimizer_without_tell_cannot_be_made(self):
        class Half(AskTellOptimizer):
            def ask(self):
                return []

        with self.assertRaises(TypeError):
            Half()


class HandshakeTests(unittest.TestCase):
    def test_hello_answer_declares_the_name_and_every_hyperparameter(self):
        with FakeHost(fixture("compass.py")) as host:
            answer = host.hello()
            self.assertEqual(answer, {"type": "hello", "name": "compass", "hyperparameters": [
                {"name": "h", "default": 0.25, "range": [0.001, 1], "scale": "log", "kind": "real",
                 "help": "the step, in units of the box"},
                {"name": "greedy", "default": 1, "range": [0, 1], "scale": "linear", "kind": "boolean"}]})
            self.assertEqual(host.end(), 0)

    def test_settings_in_the_hello_replace_the_defaults(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello(settings={"h": 0.1})
            done, _ = host.step(1)
            self.assertEqual(done["readouts"]["h"], 0.1)

    def test_an_unknown_setting_in_the_hello_is_an_error_that_names_it(self):
        with FakeHost(fixture("compass.py")) as host:
            answer = host.hello(settings={"lr": 0.1})
            self.assertEqual(answer["type"], "error")
            self.assertIn("'lr'", answer["message"])
            self.assertIn("it has: h, greedy", answer["message"])
            self.assertEqual(host.wait(), 1)

    def test_another_protocol_version_is_an_error(self):
        with FakeHost(fixture("compass.py")) as host:
            answer = host.exchange({"type": "hello", "protocol": 2, "role": "optimizer"})
            self.assertEqual(answer["type"], "error")
            self.assertIn("protocol 2", answer["message"])
            self.assertEqual(host.wait(), 1)

    def test_a_missing_hello_field_is_named(self):
        with FakeHost(fixture("compass.py")) as host:
            answer = host.exchange({"type": "hello", "protocol": 1, "role": "optimizer", "dimension": 2,
                                    "bounds": [[-2, 2], [-1, 3]], "seed": 1})
            self.assertEqual(answer["type"], "error")
            self.assertIn("'hello' has no 'start'", answer["message"])


class StepTests(unittest.TestCase):
    def test_a_closure_optimizer_may_evaluate_several_times_in_one_step(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello(settings={"greedy": 0})
            done, asked = host.step(1)
            self.assertEqual(len(asked), 4)
            self.assertTrue(all(len(message["points"]) == 1 for message in asked))
            self.assertEqual(done["readouts"]["calls"], 4)
            self.assertEqual(done["roles"], ["centre"])
            self.assertEqual(done["losses"], [min(rosenbrock(m["points"][0]) for m in asked)])

    def test_null_values_arrive_as_nan_and_non_finite_numbers_leave_as_null(self):
        with FakeHost(fixture("compass.py"), function=lambda point: None) as host:
            host.hello()
            done, asked = host.step(1)
            self.assertEqual(done["readouts"]["nans"], len(asked))
            self.assertEqual(done["losses"], [None])
            self.assertNotIn("inf", done["readouts"])

    def test_print_in_user_code_goes_to_stderr_not_into_the_protocol(self):
        with FakeHost(fixture("chatty.py")) as host:
            self.assertEqual(host.hello()["name"], "chatty")
            host.run(3)
            self.assertEqual(host.end(), 0)
            self.assertEqual(len(host.lines), 1 + 3 * 2)
            self.assertIn("starting from [[-1.5, 2]]", host.stderr)
            self.assertEqual(host.stderr.count("asking for"), 3)

    def test_an_exception_in_user_code_is_sent_as_an_error_with_its_place(self):
        with FakeHost(fixture("failing.py")) as host:
            host.hello()
            host.step(1)
            answer = host.exchange({"type": "step", "step": 2})
            with open(fixture("failing.py")) as source:
                line = next(number for number, text in enumerate(source, 1) if "raise ValueError" in text)
            self.assertEqual(answer, {"type": "error",
                                      "message": "ValueError: the optimizer broke at its step 2 (failing.py:%d)" % line})
            self.assertEqual(host.wait(), 1)
            self.assertIn("Traceback", host.stderr)

    def test_a_point_that_is_not_finite_or_has_the_wrong_size_is_named_before_it_is_sent(self):
        with FakeHost(fixture("misshapen.py")) as host:
            host.hello(seed=1)
            answer = host.exchange({"type": "step", "step": 1})
            self.assertEqual(answer["type"], "error")
            self.assertIn("ValueError: evaluate: points[0][1] is not a finite number", answer["message"])
        with FakeHost(fixture("misshapen.py")) as host:
            host.hello(seed=2)
            answer = host.exchange({"type": "step", "step": 1})
            self.assertIn("ValueError: particles[0] has 3 numbers; the problem has 2 axes", answer["message"])
            self.assertEqual(host.wait(), 1)


class LiveChangeTests(unittest.TestCase):
    def test_a_set_that_is_taken_answers_ok_and_changes_the_setting(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            self.assertEqual(host.exchange({"type": "set", "name": "h", "value": 0.1}), {"type": "ok"})
            done, _ = host.step(1)
            self.assertEqual(done["readouts"]["h"], 0.1)

    def test_a_refused_set_answers_why_and_keeps_the_old_value(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            answer = host.exchange({"type": "set", "name": "h", "value": 0.8})
            self.assertEqual(answer, {"type": "refused", "message": "h must stay at most 0.5 of the box"})
            done, _ = host.step(1)
            self.assertEqual(done["readouts"]["h"], 0.25)

    def test_a_set_of_an_unknown_name_is_an_error(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            answer = host.exchange({"type": "set", "name": "lr", "value": 0.1})
            self.assertEqual(answer["type"], "error")
            self.assertIn("'lr'", answer["message"])

    def test_reset_starts_again_from_the_given_particles(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            host.run(2)
            self.assertEqual(host.exchange({"type": "reset", "start": [[0.5, 0.5]], "seed": 3}), {"type": "ok"})
            done, asked = host.step(3)
            self.assertEqual(done["readouts"]["resets"], 1)
            self.assertEqual(asked[0]["points"], [[1.5, 0.5]])


class EndTests(unittest.TestCase):
    def test_end_of_input_ends_the_process_with_status_zero(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            host.step(1)
            host.process.stdin.close()
            self.assertEqual(host.wait(), 0)

    def test_end_in_the_middle_of_a_step_ends_the_process_quietly(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            self.assertEqual(host.exchange({"type": "step", "step": 1})["type"], "evaluate")
            self.assertEqual(host.end(), 0)
            self.assertEqual(len(host.lines), 2)

    def test_an_unknown_message_is_an_error_that_names_it(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            answer = host.exchange({"type": "stpe", "step": 1})
            self.assertEqual(answer["type"], "error")
            self.assertIn("expected 'step', 'set', 'reset' or 'end', got 'stpe'", answer["message"])
            self.assertEqual(host.wait(), 1)

    def test_values_with_the_wrong_count_are_an_error(self):
        with FakeHost(fixture("compass.py")) as host:
            host.hello()
            host.exchange({"type": "step", "step": 1})
            answer = host.exchange({"type": "values", "points": [[0, 0]], "values": [1, 2]})
            self.assertEqual(answer["type"], "error")
            self.assertIn("'values' has 2 entries for 1", answer["message"])
            self.assertEqual(host.wait(), 1)


if __name__ == "__main__":
    unittest.main()
