"""Reference metric values with scipy (medpy's conventions), used by make_reference.py and bench_scipy.py."""
import numpy as np


def metric_fixtures(out_dir):
    return {}
