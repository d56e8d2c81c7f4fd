"""`alloy`: the operator's command line."""
