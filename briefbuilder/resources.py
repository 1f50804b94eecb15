"""Where the data shipped with briefbuilder lives.

``templates/`` and ``locales/`` sit at the top of the repository, where users
read and copy them; the wheel carries them inside the package. Look in the
package first, then in the source checkout.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped ``templates`` or ``locales`` folder."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
