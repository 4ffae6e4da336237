"""Uploaded media: sniffed, limited, probed, stored."""
