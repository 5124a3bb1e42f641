"""Telegram adapter: updates to InboundMessage, replies to messages with inline keyboards."""
