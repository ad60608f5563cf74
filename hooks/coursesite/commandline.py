"""What every ``course`` subcommand says the same way."""

from __future__ import annotations

import sys
from pathlib import Path


def missing_config(config_file: Path) -> bool:
    """Whether ``config_file`` is missing; says so, with what to do, when it is."""
    if config_file.is_file():
        return False
    print(
        f"{config_file}: not found (run the command in the course folder, or pass --config path/to/mkdocs.yml)",
        file=sys.stderr,
    )
    return True
