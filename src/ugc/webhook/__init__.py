"""Webhook endpoints and signed, retried deliveries."""
