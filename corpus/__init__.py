"""The bundled demo corpus: five texts on Kazakhstan's political history (four Kazakh, one Azerbaijani)."""
from importlib.resources import files
from pathlib import Path


def paths() -> list[Path]:
    """The corpus files, sorted by name."""
    return sorted(Path(str(files(__name__))).glob("*.txt"))
