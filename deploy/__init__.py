"""Production settings and the local production stack (deploy/stack.py), importable by the tests
and the benchmarks as `deploy.stack`."""
