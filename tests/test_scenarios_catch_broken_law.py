"""The scenarios are load-bearing: break one rule in a copy of the law and they fail.

A suite that passes whatever the rules say checks nothing. Here VCDR art. 39(2) is broken
(privileges are kept in force after the diplomat leaves, instead of ceasing) in a copy of
`rules`, and the Gherkin scenarios are run against the copy: they must fail, and fail on the
answer the broken rule changed.
"""

import subprocess
import sys

from mutation import ROOT, mutated_rules


def run_scenarios(env, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_features.py"), "-q",
                           "-p", "no:cacheprovider", "--rootdir", str(ROOT), "-k", "immunity_over_time or left"],
                          env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_breaking_vcdr_39_2_fails_the_scenarios_on_the_answer_it_changes(tmp_path):
    env, cwd = mutated_rules(tmp_path, "vcdr.py", 'privileges(r, "ceased", deciding="departed")',
                             'privileges(r, "in_force", deciding="departed")')
    done = run_scenarios(env, cwd)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    assert "failed" in output.splitlines()[-1], output[-3000:]
    assert "criminal_immunity:kim/NZL/assault-2017" in output and "expected False, got True" in output, output[-3000:]


def test_the_same_scenarios_pass_on_an_unbroken_copy(tmp_path):
    """The control: the copy itself, unbroken, passes (so the failure above is the rule's)."""
    env, cwd = mutated_rules(tmp_path, "vcdr.py", 'privileges(r, "ceased", deciding="departed")',
                             'privileges(r, "ceased", deciding="departed")')
    done = run_scenarios(env, cwd)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "passed" in done.stdout.splitlines()[-1]
