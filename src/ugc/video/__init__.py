"""Video jobs: submit, quote, run on the queue, progress, outputs."""
