"""The one step vocabulary of the Gherkin scenarios (documented in scenarios/STEPS.md)."""
