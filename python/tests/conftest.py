"""Shared set-up of the Python tests: where the source tree, the CLI and
the shared folder are, and the CLI's own output to compare with."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "python"))

BUILD = os.environ.get("SITREP_BUILD", os.path.join(ROOT, "build"))
CLI = os.path.join(BUILD, "sitrep")
SHARED = os.environ.get("SITREP_SHARED", os.path.join(ROOT, os.pardir, "shared"))
if "SITREP_LIBRARY" not in os.environ and os.path.exists(os.path.join(BUILD, "libsitrep.so.0")):
    os.environ["SITREP_LIBRARY"] = os.path.join(BUILD, "libsitrep.so.0")


def cli(*args, check=True):
    """Runs the sitrep CLI; returns (stdout bytes, stderr text, exit status)."""
    p = subprocess.run([CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    if check and p.returncode not in (0, 1):
        raise AssertionError("sitrep %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()))
    return p.stdout, p.stderr.decode(), p.returncode


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def seeds():
    d = os.path.join(SHARED, "seeds")
    if not os.path.isdir(d):
        pytest.skip("the shared seeds are not there")
    return d


def corpus_sets():
    """The input sets every comparison runs on: the samples, the fixture
    corpus, the JSON Lines fixtures and (when there) the seeds."""
    sets = [os.path.join(ROOT, "samples"), os.path.join(ROOT, "tests", "fixtures", "corpus"),
            os.path.join(ROOT, "tests", "fixtures", "good.jsonl")]
    if os.path.isdir(os.path.join(SHARED, "seeds")):
        sets.append(os.path.join(SHARED, "seeds"))
    return sets
