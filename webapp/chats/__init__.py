"""Chat conversations: the webhook events received and where each villager is in the conversation."""
