"""Outgoing e-mail: an outbox written in the transaction, sent after commit."""
