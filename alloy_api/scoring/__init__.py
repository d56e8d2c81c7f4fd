"""The scoring config: versioned weights the program generator ranks movements by."""
