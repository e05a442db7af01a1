"""Developer tools of the BudgetKG checkout (not installed with the package)."""
