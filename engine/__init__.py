"""immunity: the machinery (case files, the durable-rules host, evaluation, explanation, CLI)."""
