"""LINE adapter: webhook events to InboundMessage, replies to LINE messages with quick replies."""
