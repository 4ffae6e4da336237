"""Load the settings once per command, turning a bad setting into one clear line (no values)."""

from __future__ import annotations

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from ugc.config import Settings


def load_settings() -> Settings:
    """Return the settings, or exit 2 naming each bad setting (never echoing its value)."""
    try:
        return Settings()
    except ValidationError as exc:
        console = Console(stderr=True)
        for err in exc.errors(include_input=False, include_url=False):
            where = "__".join(str(p) for p in err["loc"]).upper()
            name = f"UGC_{where}: " if where else ""
            message = str(err["msg"]).removeprefix("Value error, ")
            console.print(f"[red]error:[/] settings: {escape(name + message)}", highlight=False)
        raise typer.Exit(2) from None
