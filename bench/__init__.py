"""Benchmarks: each prints its throughput and the ratio to a floor measured in the same run."""
