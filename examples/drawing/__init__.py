"""Draw the example briefs' product pictures and logos with Pillow and numpy."""
