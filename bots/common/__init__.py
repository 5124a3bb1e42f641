"""The channel-neutral conversation: every chat channel speaks it through a thin adapter."""
