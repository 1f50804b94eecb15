"""The rule modules; importing this registers every built-in rule."""

from . import language  # noqa: F401
from . import consistency  # noqa: F401
from . import figures  # noqa: F401
from . import provenance  # noqa: F401
from . import verification  # noqa: F401
from . import timing  # noqa: F401
from . import claims  # noqa: F401
from . import prose_treaties  # noqa: F401
from . import constraints  # noqa: F401
from . import illustrative  # noqa: F401
from . import prose_figures  # noqa: F401
from . import sessions  # noqa: F401
from . import cover  # noqa: F401
from . import packs  # noqa: F401
from . import units  # noqa: F401
