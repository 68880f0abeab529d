"""Execution engines that run shards elsewhere than the local process pool (`extract --engine`)."""
