"""The movement library: system movements and each user's custom ones."""
