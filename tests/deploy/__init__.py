"""The deploy/ files: linted by real tools, and (make deploy-test) built and run."""
